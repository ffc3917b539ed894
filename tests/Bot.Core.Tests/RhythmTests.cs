using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class RhythmTests
{
    // Start is Monday 2 March 2026; couples default to Sunday 19:00 UTC.
    private static readonly DateTimeOffset FirstSunday = new(2026, 3, 8, 19, 0, 0, TimeSpan.Zero);

    private readonly CoreHarness _bot = new();

    [Fact]
    public void ConnectedWeeks_CountsWeeksWithAReveal_NotReveals()
    {
        var now = FirstSunday;
        var reveals = new[] { now.AddDays(-1), now.AddDays(-3), now.AddDays(-8), now.AddDays(-50), now.AddDays(-60), now.AddDays(1) };

        var connected = Rhythm.ConnectedWeeks(reveals, now);

        Assert.Equal(3, connected);
    }

    [Fact]
    public async Task Pause_SkipsCheckInsAndNudges_AndTellsThePartner()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/pause 2w");
        var toBea = _bot.LastTextTo(bea);
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstSunday);
        var result = await _bot.SweepAsync();

        Assert.Contains("paused your check-ins", toBea, StringComparison.Ordinal);
        Assert.Equal(0, result.CheckInsOpened);
        Assert.Null(_bot.OpenRound(alex));
        Assert.Empty(_bot.Messages);
        Assert.True(_bot.ActiveCouple(alex)!.NextCheckInAt > FirstSunday);
    }

    [Fact]
    public async Task Pause_WhileARoundIsOpen_SpendsTheReminderQuietly()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.SendAsync(alex, "/pause 1w");
        _bot.ClearOutbox();
        _bot.Advance(_bot.Options.RemindAfter + TimeSpan.FromMinutes(1));

        var result = await _bot.SweepAsync();

        Assert.Equal(0, result.Reminded);
        Assert.Empty(_bot.MessagesTo(bea));
        Assert.NotNull(_bot.OpenRound(alex)!.RemindedAt);
    }

    [Fact]
    public async Task Resume_BringsCheckInsBack_FromTheNextSlot()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/pause 3w");
        _bot.AdvanceTo(FirstSunday.AddDays(2));
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/resume");
        var next = _bot.ActiveCouple(alex)!.NextCheckInAt;
        _bot.AdvanceTo(FirstSunday.AddDays(7));
        var result = await _bot.SweepAsync();

        Assert.StartsWith("Welcome back, Bea!", _bot.TextsTo(bea)[0], StringComparison.Ordinal);
        Assert.Contains(_bot.TextsTo(alex), t => t.Contains("Bea resumed your check-ins", StringComparison.Ordinal));
        Assert.Equal(FirstSunday.AddDays(7), next);
        Assert.Equal(1, result.CheckInsOpened);
        Assert.Null(_bot.ActiveCouple(alex)!.PausedUntil);
    }

    [Theory]
    [InlineData("/pause")]
    [InlineData("/pause forever")]
    public async Task Pause_WithoutAReadableDuration_ExplainsHow(string line)
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, line);

        Assert.Equal(Copy.PauseHelp("Alex"), _bot.LastTextTo(alex));
        Assert.Null(_bot.ActiveCouple(alex)!.PausedUntil);
    }

    [Fact]
    public async Task Resume_WhenNotPaused_SaysSoKindly()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/resume");

        Assert.StartsWith("Your check-ins aren't paused, Alex.", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ShowsPauseAndConnectedWeeks_WithoutGuilt()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/question date night");
        await _bot.AnswerAsync(alex, "a");
        await _bot.AnswerAsync(bea, "b");
        await _bot.SendAsync(alex, "/pause 1w");
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/status");

        var status = _bot.LastTextTo(alex);
        Assert.Contains("paused until", status, StringComparison.Ordinal);
        Assert.Contains("connected in 1 of the last 8 weeks", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_AnswersAnyone_WithoutMedicalClaims()
    {
        var kim = _bot.Person("Kim");

        await _bot.SendAsync(kim, "/support");

        var text = _bot.LastTextTo(kim);
        Assert.StartsWith("Kim,", text, StringComparison.Ordinal);
        Assert.Contains("couples therapist", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cure", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("diagnos", text, StringComparison.OrdinalIgnoreCase);
    }
}
