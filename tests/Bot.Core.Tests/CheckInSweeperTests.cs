using System.Globalization;
using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class CheckInSweeperTests
{
    // A new couple starts on Sundays at 19:00 UTC; the clock starts on Monday 2 March 2026.
    private static readonly DateTimeOffset FirstSunday = At("2026-03-08T19:00Z");

    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task Sweep_AtTheCouplesLocalSlot_OpensTheCheckInAndAdvancesTheNext()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/timezone Europe/Berlin");
        _bot.ClearOutbox();
        _bot.AdvanceTo(At("2026-03-08T17:59Z"));
        var early = await _bot.SweepAsync();
        _bot.AdvanceTo(At("2026-03-08T18:00Z"));

        var result = await _bot.SweepAsync();

        Assert.Equal(0, early.CheckInsOpened);
        Assert.Equal(1, result.CheckInsOpened);
        Assert.Empty(result.Failures);
        Assert.Equal(RoundKind.Weekly, _bot.OpenRound(alex)?.Kind);
        Assert.EndsWith(Copy.PulseQuestion(PulseScale.Loved), _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.EndsWith(Copy.PulseQuestion(PulseScale.Loved), _bot.LastTextTo(bea), StringComparison.Ordinal);
        await _bot.PulseAsync(alex, 5, 5);
        Assert.Contains($"(1/3) {AskedLast(0)}", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Equal(At("2026-03-15T18:00Z"), _bot.ActiveCouple(alex)!.NextCheckInAt);
    }

    [Fact]
    public async Task Sweep_WeekAfterWeek_FollowsBerlinAcrossTheSpringChange()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/timezone Europe/Berlin");
        var opened = new List<DateTimeOffset>();

        string[] slots = ["2026-03-15T18:00Z", "2026-03-22T18:00Z", "2026-03-29T17:00Z", "2026-04-05T17:00Z"];
        foreach (var due in slots)
        {
            _bot.AdvanceTo(At(due).AddMinutes(-1));
            await _bot.SweepAsync();
            _bot.AdvanceTo(At(due));
            if ((await _bot.SweepAsync()).CheckInsOpened == 1)
            {
                opened.Add(_bot.OpenRound(alex)!.OpenedAt);
            }
        }

        Assert.Equal(
            [At("2026-03-15T18:00Z"), At("2026-03-22T18:00Z"), At("2026-03-29T17:00Z"), At("2026-04-05T17:00Z")],
            opened);
    }

    [Fact]
    public async Task Sweep_MissedByMoreThanTheGrace_SkipsSilentlyAndAdvances()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstSunday + _bot.Options.MisfireGrace + TimeSpan.FromMinutes(1));

        var result = await _bot.SweepAsync();

        Assert.Equal(0, result.CheckInsOpened);
        Assert.Equal(1, result.CheckInsMissed);
        Assert.Empty(_bot.Messages);
        Assert.Empty(_bot.Store.Rounds.All);
        Assert.Equal(FirstSunday.AddDays(7), _bot.ActiveCouple(alex)!.NextCheckInAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(359)]
    [InlineData(360)]
    public async Task Sweep_LateByNoMoreThanTheGrace_StillSendsTheCheckIn(int minutesLate)
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstSunday.AddMinutes(minutesLate));

        var result = await _bot.SweepAsync();

        Assert.Equal(1, result.CheckInsOpened);
        Assert.NotNull(_bot.OpenRound(alex));
        Assert.Single(_bot.MessagesTo(alex));
        Assert.Single(_bot.MessagesTo(bea));
        Assert.Equal(FirstSunday.AddDays(7), _bot.ActiveCouple(alex)!.NextCheckInAt);
    }

    [Fact]
    public async Task Sweep_RunTwice_OpensOnlyOnce()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstSunday);
        await _bot.SweepAsync();
        var sent = _bot.Messages.Count;

        var again = await _bot.SweepAsync();

        Assert.Equal((0, 0, 0, 0), (again.CheckInsOpened, again.CheckInsMissed, again.Reminded, again.Expired));
        Assert.Empty(again.Failures);
        Assert.Equal(sent, _bot.Messages.Count);
        Assert.Single(_bot.Store.Rounds.All);
        Assert.NotNull(_bot.OpenRound(alex));
    }

    [Fact]
    public async Task Sweep_WithScheduleOff_OpensNothing()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/schedule off");
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstSunday.AddDays(14));

        var result = await _bot.SweepAsync();

        Assert.Equal(0, result.CheckInsOpened + result.CheckInsMissed);
        Assert.Empty(_bot.Messages);
    }

    [Fact]
    public async Task Sweep_AfterRemindAfter_NudgesOnlyThePartnerWhoHasNotFinished()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "1", "2", "3");
        await _bot.AnswerAsync(bea, "1");
        _bot.ClearOutbox();
        _bot.Advance(_bot.Options.RemindAfter - TimeSpan.FromSeconds(1));
        var early = await _bot.SweepAsync();

        _bot.Advance(TimeSpan.FromSeconds(1));
        var result = await _bot.SweepAsync();

        Assert.Equal(0, early.Reminded);
        Assert.Equal(1, result.Reminded);
        Assert.Empty(_bot.MessagesTo(alex));
        var nudge = Assert.Single(_bot.MessagesTo(bea));
        Assert.StartsWith(Copy.Reminder("Bea", "Alex"), nudge.Text, StringComparison.Ordinal);
        Assert.Contains($"(2/3) {AskedLast(1)}", nudge.Text, StringComparison.Ordinal);
        Assert.Equal($"skip:{_bot.OpenRound(bea)!.Id}:2", Assert.Single(nudge.Choices.SelectMany(r => r)).Payload);
    }

    [Fact]
    public async Task Sweep_RemindsOnlyOnce()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        _bot.Advance(_bot.Options.RemindAfter);
        var first = await _bot.SweepAsync();
        var sent = _bot.Messages.Count;
        _bot.Advance(TimeSpan.FromHours(12));

        var second = await _bot.SweepAsync();

        Assert.Equal(1, first.Reminded);
        Assert.Equal(0, second.Reminded);
        Assert.Equal(sent, _bot.Messages.Count);
    }

    [Fact]
    public async Task Sweep_AfterExpireAfter_ClosesWithoutRevealAndTellsBoth()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "unshared-1", "unshared-2", "unshared-3");
        await _bot.AnswerAsync(bea, "unshared-4");
        _bot.Advance(_bot.Options.ExpireAfter - TimeSpan.FromSeconds(1));
        await _bot.SweepAsync();
        var stillOpen = _bot.OpenRound(alex) is not null;
        _bot.ClearOutbox();
        _bot.Advance(TimeSpan.FromSeconds(1));

        var result = await _bot.SweepAsync();

        Assert.True(stillOpen);
        Assert.Equal(1, result.Expired);
        Assert.Equal(RoundState.Expired, Assert.Single(_bot.Store.Rounds.All).State);
        Assert.Equal([Copy.Expired("Alex")], _bot.TextsTo(alex));
        Assert.Equal([Copy.Expired("Bea")], _bot.TextsTo(bea));
        Assert.Equal(2, _bot.Messages.Count);
        await _bot.SendAsync(bea, "/history");
        Assert.Equal(Copy.HistoryEmpty("Bea"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Sweep_RunTwiceAfterExpiry_TellsOnlyOnce()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        _bot.Advance(_bot.Options.ExpireAfter);
        await _bot.SweepAsync();
        var sent = _bot.Messages.Count;

        var again = await _bot.SweepAsync();

        Assert.Equal(0, again.Expired + again.Reminded + again.CheckInsOpened);
        Assert.Equal(sent, _bot.Messages.Count);
    }

    [Fact]
    public async Task Sweep_AtTheSlot_AnUnfinishedDeckQuestionGivesWayToTheWeeklyRitual()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstSunday.AddHours(-2));
        await _bot.SendAsync(alex, "/question date night");
        var deckRound = _bot.OpenRound(alex)!;
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstSunday);

        var result = await _bot.SweepAsync();

        Assert.Equal(1, result.CheckInsOpened);
        Assert.Equal(RoundState.Expired, _bot.Store.Rounds.All.Single(r => r.Id == deckRound.Id).State);
        Assert.Equal(RoundKind.Weekly, _bot.OpenRound(alex)!.Kind);
        Assert.Contains(Copy.Expired("Bea"), _bot.TextsTo(bea));
    }

    [Fact]
    public async Task Sweep_AtTheSlot_LeavesARoundTheCoupleJustOpenedAlone()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstSunday.AddHours(-1));
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "1", "2", "3");
        await _bot.AnswerAsync(bea, "1");
        var ongoing = _bot.OpenRound(alex)!;
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstSunday);

        await _bot.SweepAsync();

        var round = Assert.Single(_bot.Store.Rounds.All);
        Assert.Equal((ongoing.Id, RoundState.Open, 4), (round.Id, round.State, round.Answers.Count));
        Assert.DoesNotContain(Copy.Expired("Bea"), _bot.TextsTo(bea));
        Assert.Equal(FirstSunday.AddDays(7), _bot.ActiveCouple(alex)!.NextCheckInAt);
    }

    [Fact]
    public async Task Sweep_ForAnUnpairedCouple_DoesNothing()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/unpair");
        await _bot.PressAsync(alex, _bot.PayloadsTo(alex)[0]);
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstSunday);

        var result = await _bot.SweepAsync();

        Assert.Equal(0, result.CheckInsOpened + result.CheckInsMissed);
        Assert.Empty(_bot.Messages);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private string AskedLast(int index) =>
        _bot.Store.Rounds.All.OrderBy(r => r.Id).Last().Questions.OrderBy(q => q.Position).ElementAt(index).Text;
}
