using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Tests;

public sealed class SupportOfferTests
{
    private readonly CoreHarness _bot = new();

    [Theory]
    [InlineData(new[] { 5.0, 4, 3, 2 }, true)]
    [InlineData(new[] { 3.0, 5, 4, 3, 2 }, true)]
    [InlineData(new[] { 5.0, 4, 3 }, false)]
    [InlineData(new[] { 5.0, 4, 4, 3 }, false)]
    [InlineData(new[] { 5.0, 4, 3, 2, 3 }, false)]
    [InlineData(new[] { 5.0, 4, 3, 3.5, 2 }, false)]
    public void HasFallen_NeedsExactlyThreeDropsInARow_AtTheLatestCheckIns(double[] pulses, bool fallen)
    {
        Assert.Equal(fallen, SupportOffer.HasFallen([.. pulses.Select(p => (double?)p)]));
    }

    [Fact]
    public void HasFallen_ACheckInWithoutAPulse_BreaksTheRun()
    {
        Assert.False(SupportOffer.HasFallen([5, 4, null, 3]));
        Assert.False(SupportOffer.HasFallen([5, null, 4, 3]));
    }

    [Fact]
    public void BothHaveFallen_OnlyWhenBothPartnersFell()
    {
        var a = Readings(1, [5, 4, 3, 2]);
        var bFell = Readings(2, [4, 3, 2, 1]);
        var bSteady = Readings(2, [4, 4, 4, 4]);

        Assert.True(SupportOffer.BothHaveFallen([.. a, .. bFell], 1, 2));
        Assert.False(SupportOffer.BothHaveFallen([.. a, .. bSteady], 1, 2));
    }

    [Fact]
    public void MayOffer_NotWhenOff_NorWithinThreeMonthsOfTheLastOffer()
    {
        var now = CoreHarness.Start;

        Assert.True(SupportOffer.MayOffer(SupportOfferState.Default, now));
        Assert.False(SupportOffer.MayOffer(new SupportOfferState(true, null), now));
        Assert.False(SupportOffer.MayOffer(new SupportOfferState(false, now.AddMonths(-3).AddMinutes(1)), now));
        Assert.True(SupportOffer.MayOffer(new SupportOfferState(false, now.AddMonths(-3)), now));
    }

    [Fact]
    public async Task ThreeFallingCheckInsForBoth_OfferSupportToEachPrivately_OncePerQuarter()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await CheckInAsync(alex, bea, (5, 5), (5, 4));
        await CheckInAsync(alex, bea, (4, 4), (4, 4));
        await CheckInAsync(alex, bea, (3, 4), (3, 3));
        Assert.DoesNotContain(_bot.Messages, m => m.Text == Copy.SupportOffer("Alex") || m.Text == Copy.SupportOffer("Bea"));

        await CheckInAsync(alex, bea, (2, 3), (2, 2));

        Assert.Single(_bot.TextsTo(alex), Copy.SupportOffer("Alex"));
        Assert.Single(_bot.TextsTo(bea), Copy.SupportOffer("Bea"));
        Assert.DoesNotContain("Bea", Copy.SupportOffer("Alex"), StringComparison.Ordinal);

        await CheckInAsync(alex, bea, (1, 2), (1, 1));
        Assert.Single(_bot.TextsTo(alex), Copy.SupportOffer("Alex"));
    }

    [Fact]
    public async Task OnlyOnePartnerFalling_OffersNothing()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        foreach (var (a, b) in new[] { (5, 3), (4, 3), (3, 3), (2, 3) })
        {
            await CheckInAsync(alex, bea, (a, a), (b, b));
        }

        Assert.DoesNotContain(_bot.Messages, m => m.Text.Contains("/support off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SupportOff_StopsTheOffer_ForThatPersonOnly()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/support off");
        Assert.Equal(Copy.SupportOfferOff("Alex"), _bot.LastTextTo(alex));

        foreach (var p in new[] { 5, 4, 3, 2 })
        {
            await CheckInAsync(alex, bea, (p, p), (p, p));
        }

        Assert.DoesNotContain(Copy.SupportOffer("Alex"), _bot.TextsTo(alex));
        Assert.Contains(Copy.SupportOffer("Bea"), _bot.TextsTo(bea));
        await _bot.SendAsync(alex, "/support on");
        Assert.False((await _bot.Store.SupportOffers.GetAsync(_bot.Stored(alex).Id, CancellationToken.None)).IsOff);
    }

    [Fact]
    public async Task Support_ListsWhatHelps_WithoutNamingACountry()
    {
        var kim = _bot.Person("Kim");

        await _bot.SendAsync(kim, "/support");

        var text = _bot.LastTextTo(kim);
        Assert.Contains("What often helps", text, StringComparison.Ordinal);
        Assert.Contains("local emergency number", text, StringComparison.Ordinal);
        Assert.DoesNotContain("911", text, StringComparison.Ordinal);
        Assert.DoesNotContain("112", text, StringComparison.Ordinal);
    }

    private async Task CheckInAsync(TestUser alex, TestUser bea, (int Loved, int Heard) a, (int Loved, int Heard) b)
    {
        _bot.Advance(TimeSpan.FromDays(7));
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, a.Loved, a.Heard);
        await _bot.PulseAsync(bea, b.Loved, b.Heard);
        var questions = _bot.OpenRound(alex)!.Questions.Count;
        await _bot.AnswerAsync(alex, [.. Enumerable.Repeat("fine", questions)]);
        await _bot.AnswerAsync(bea, [.. Enumerable.Repeat("ok", questions)]);
        Assert.Null(_bot.OpenRound(alex));
    }

    private static IEnumerable<PulseReading> Readings(long person, int[] values) =>
        values.Select((v, i) => new PulseReading(CoreHarness.Start.AddDays(7 * i), person, PulseScale.Loved, v));
}
