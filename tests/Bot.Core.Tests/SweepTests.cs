using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests;

public sealed class SweepTests
{
    // A new couple's check-in is Sunday 19:00 in their zone (UTC); the clock starts on Monday 2 March 2026.
    private static readonly DateTimeOffset FirstSunday = new(2026, 3, 8, 19, 0, 0, TimeSpan.Zero);

    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task Sweep_AfterDowntime_EndsTheCooldownFirst_SoTheCheckInDueNowGivesWayToTheComeBack()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstSunday.AddMinutes(-30));
        await _bot.SendAsync(alex, "/cooldown 10m");
        _bot.AdvanceTo(FirstSunday);

        var report = await _bot.SweepAllAsync();

        Assert.Equal((1, 0, 1), (report.CooldownsEnded, report.CheckInsOpened, report.CheckInsMissed));
        var round = Assert.Single(_bot.Store.Rounds.All);
        Assert.Equal((RoundKind.Cooldown, RoundState.Open), (round.Kind, round.State));
        Assert.Equal(FirstSunday.AddDays(7), _bot.ActiveCouple(alex)!.NextCheckInAt);
    }

    [Fact]
    public async Task Sweep_CheckInDueDuringAPause_IsSkippedQuietly()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/pause 2w");
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstSunday);

        var report = await _bot.SweepAllAsync();

        Assert.Equal((0, 1), (report.CheckInsOpened, report.CheckInsMissed));
        Assert.Empty(_bot.Store.Rounds.All);
        Assert.Empty(_bot.TextsTo(alex));
        Assert.Empty(_bot.TextsTo(bea));
        Assert.Equal(FirstSunday.AddDays(7), _bot.ActiveCouple(alex)!.NextCheckInAt);
    }

    [Fact]
    public async Task Sweep_ReportsWhatEveryStepDid()
    {
        var (alex, cara) = await NoteCheckInAndCooldownDueAtFirstSundayAsync();

        var report = await _bot.SweepAllAsync();

        Assert.Equal(
            (CooldownsEnded: 1, CheckInsOpened: 1, CheckInsMissed: 1, NotesDelivered: 1, Reminded: 0, Expired: 0),
            (report.CooldownsEnded, report.CheckInsOpened, report.CheckInsMissed, report.NotesDelivered,
                report.Reminded, report.Expired));
        Assert.Equal((0, 0, 0, 0), (report.FirstTimesProposed, report.FirstTimesSkipped,
            report.FirstTimesFollowedUp, report.HeldAnswersShared));
        Assert.Empty(report.Failures);
        Assert.True(report.DidAnything);
        Assert.Equal(RoundKind.Weekly, _bot.OpenRound(alex)!.Kind);
        Assert.Equal(RoundKind.Cooldown, _bot.OpenRound(cara)!.Kind);
    }

    [Fact]
    public async Task Sweep_WithNothingDue_DoesNothing()
    {
        await _bot.CoupleAsync();

        var report = await _bot.SweepAllAsync();

        Assert.False(report.DidAnything);
        Assert.Empty(report.Failures);
    }

    [Fact]
    public async Task Sweep_CollectsTheFailuresOfEveryStep_AndStillRunsTheRest()
    {
        var (alex, _) = await NoteCheckInAndCooldownDueAtFirstSundayAsync();
        var broken = new BrokenUnitOfWork();
        var sweep = new Sweep(
            new CooldownSweeper(_bot.Store.Couples, _bot.Cooldowns, broken, _bot.Clock),
            _bot.Sweeper,
            new LoveNoteSweeper(
                _bot.Store.LoveNotes, _bot.Store.Couples, _bot.Store.Persons, _bot.Messenger,
                _bot.Services.GetRequiredService<MediaService>(), broken, _bot.Clock),
            _bot.FirstTimeSweeper,
            _bot.HeldSweeper,
            _bot.Services.GetRequiredService<MemorySweeper>(),
            _bot.Services.GetRequiredService<YearReviewSweeper>());

        var report = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(
            ["cool-down of couple", "love note"],
            report.Failures.Select(f => f.Item[..f.Item.LastIndexOf(' ')]));
        Assert.All(report.Failures, f => Assert.IsType<InvalidOperationException>(f.Error));
        Assert.Equal((0, 0), (report.CooldownsEnded, report.NotesDelivered));
        Assert.Equal(RoundKind.Weekly, _bot.OpenRound(alex)!.Kind);
    }

    /// <summary>A database that is down: every unit of work fails.</summary>
    /// <summary>Two couples at the first Sunday's slot: one with a note due, the other in a cool-down that ends.</summary>
    private async Task<(TestUser Alex, TestUser Cara)> NoteCheckInAndCooldownDueAtFirstSundayAsync()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var (cara, _) = await _bot.CoupleAsync("Cara", "Dan");
        await _bot.SendAsync(bea, "/note dinner? at 19:00");
        _bot.AdvanceTo(FirstSunday.AddHours(-1));
        await _bot.SendAsync(cara, "/cooldown 30m");
        _bot.AdvanceTo(FirstSunday);
        return (alex, cara);
    }

    private sealed class BrokenUnitOfWork : IUnitOfWork
    {
        public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
            throw new InvalidOperationException("The database is down.");
    }
}
