using System.Globalization;
using Bot.Core.Application;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Bot.Core.Tests;

public sealed class YearTogetherTests
{
    private readonly CoreHarness _bot = new();

    private YearReviewSweeper Sweeper => _bot.Services.GetRequiredService<YearReviewSweeper>();

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private IReadOnlyList<string> ReviewsTo(TestUser user) =>
        [.. _bot.TextsTo(user).Where(t => t.Contains("together here", StringComparison.Ordinal))];

    [Theory]
    [InlineData("UTC", 1, 2029, 2, 28)]
    [InlineData("UTC", 2, 2030, 2, 28)]
    [InlineData("UTC", 4, 2032, 2, 29)]
    [InlineData("Pacific/Auckland", 1, 2029, 3, 1)]
    public void AnniversaryDate_OfA29FebruaryPairing_IsThe28thInOtherYears_OnEachCalendar(
        string zone, int year, int y, int m, int d)
    {
        Assert.Equal(new LocalDate(y, m, d), YearTogether.AnniversaryDate(At("2028-02-29T12:00Z"), zone, year));
    }

    [Theory]
    [InlineData("UTC", "2027-03-01T10:00Z")]
    [InlineData("Pacific/Auckland", "2027-03-01T21:00Z")]
    [InlineData("America/New_York", "2027-03-01T15:00Z")]
    [InlineData("Europe/Berlin", "2027-03-02T09:00Z")]
    public void DueAt_IsTenInTheMorningOfTheAnniversary_OnEachPartnersOwnClock(string zone, string expected)
    {
        // 23:30 UTC on 1 March: already 2 March in Berlin and Auckland, still 1 March in New York.
        Assert.Equal(At(expected), YearTogether.DueAt(At("2026-03-01T23:30Z"), zone, 1));
    }

    [Fact]
    public async Task Sweep_SendsEachPartnerTheirReview_AtTenOnTheirOwnClock_OnceOnly()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/timezone Europe/Berlin");
        await _bot.SendAsync(bea, "/timezone America/Los_Angeles");
        _bot.Advance(TimeSpan.FromDays(7));
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, 4, 4);
        await _bot.PulseAsync(bea, 5, 4);
        var questions = _bot.OpenRound(alex)!.Questions.Count;
        await _bot.AnswerAsync(alex, [.. Enumerable.Repeat("yes", questions)]);
        await _bot.AnswerAsync(bea, [.. Enumerable.Repeat("yes", questions)]);
        _bot.ClearOutbox();

        // Paired Monday 2 March 2026, 10:00 UTC: 10:00 in Berlin on 2 March 2027 is 09:00 UTC; in Los Angeles 18:00 UTC.
        _bot.AdvanceTo(At("2027-03-02T08:59Z"));
        Assert.Equal(0, (await Sweeper.RunAsync(CancellationToken.None)).Sent);
        _bot.AdvanceTo(At("2027-03-02T09:00Z"));
        Assert.Equal(1, (await Sweeper.RunAsync(CancellationToken.None)).Sent);
        Assert.Single(ReviewsTo(alex));
        Assert.Empty(ReviewsTo(bea));

        _bot.AdvanceTo(At("2027-03-02T17:59Z"));
        Assert.Equal(0, (await Sweeper.RunAsync(CancellationToken.None)).Sent);
        _bot.AdvanceTo(At("2027-03-02T18:00Z"));
        Assert.Equal(1, (await _bot.SweepAllAsync()).YearReviewsSent);
        _bot.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await Sweeper.RunAsync(CancellationToken.None)).Sent);

        var review = Assert.Single(ReviewsTo(bea));
        Assert.StartsWith("🎂 A year together here, Bea and Alex! You paired up on 2026-03-02.", review, StringComparison.Ordinal);
        Assert.Contains("• 1 check-in shared", review, StringComparison.Ordinal);
        Assert.Single(ReviewsTo(alex));
    }

    [Fact]
    public async Task Sweep_OnA29FebruaryPairing_SendsOnThe28thInTheNextYear()
    {
        _bot.AdvanceTo(At("2028-02-29T09:00Z"));
        var (alex, bea) = await _bot.CoupleAsync();

        _bot.AdvanceTo(At("2029-02-28T10:00Z"));
        var result = await Sweeper.RunAsync(CancellationToken.None);

        Assert.Equal(2, result.Sent);
        Assert.Single(ReviewsTo(alex));
        Assert.Single(ReviewsTo(bea));
    }

    [Fact]
    public async Task Sweep_AtNight_WaitsForTheMorning_AndLongAfterTheDay_PassesItOver()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/timezone Asia/Tokyo");

        // The bot was down on the day: 22:00 in Tokyo the day after is too late at night, so it waits for 10:00.
        _bot.AdvanceTo(At("2027-03-03T13:00Z"));
        await Sweeper.RunAsync(CancellationToken.None);
        Assert.Empty(ReviewsTo(alex));
        _bot.AdvanceTo(At("2027-03-04T01:00Z"));
        await Sweeper.RunAsync(CancellationToken.None);
        Assert.Single(ReviewsTo(alex));

        // A second year the bot misses by a week is passed over quietly.
        _bot.AdvanceTo(At("2028-03-09T03:00Z"));
        await Sweeper.RunAsync(CancellationToken.None);
        Assert.Single(ReviewsTo(alex));
        Assert.Contains((_bot.ActiveCouple(alex)!.Id, _bot.Stored(alex).Id, 2), _bot.Store.YearReviews.Marked);
    }
}
