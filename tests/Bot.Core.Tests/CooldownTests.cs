using System.Globalization;
using Bot.Core.Application;
using Bot.Core.Application.Commands;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class CooldownTests
{
    // The clock starts on Monday 2 March 2026, 10:00 UTC; a new couple's clock is UTC.
    private static readonly DateTimeOffset Start = CoreHarness.Start;

    private readonly CoreHarness _bot = new();

    private Task<CooldownSweepResult> SweepCooldownsAsync() => _bot.CooldownSweeper.RunAsync(CancellationToken.None);

    private Task<NoteSweepResult> SweepNotesAsync() => _bot.NoteSweeper.RunAsync(CancellationToken.None);

    [Fact]
    public async Task Cooldown_WithTopic_ConfirmsTheEndToTheAsker_AndTellsThePartnerKindlyInPrivate()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/cooldown 90m money talk");

        Assert.Equal(Copy.CooldownStarted("Alex", "Bea", "Monday 2 March, 11:30"), _bot.LastTextTo(alex));
        var told = _bot.LastMessageTo(bea);
        Assert.Equal(Copy.PartnerCooldown("Bea", "Alex", "Monday 2 March, 11:30", "money talk"), told.Text);
        Assert.Equal([_bot.Stored(alex).Id], told.WordsOf);
        var couple = _bot.ActiveCouple(alex)!;
        Assert.Equal(Start.AddMinutes(90), couple.CooldownUntil);
        Assert.Equal(_bot.Stored(alex).Id, couple.CooldownById);
        Assert.Equal("money talk", couple.CooldownTopic);
    }

    [Theory]
    [InlineData("30m", 30, null)]
    [InlineData("2h", 120, null)]
    [InlineData("1h30m", 90, null)]
    [InlineData("90 min the dishes", 90, "the dishes")]
    [InlineData("2 hours", 120, null)]
    [InlineData("10M", 10, null)]
    [InlineData("24h", 1440, null)]
    [InlineData("۳۰m", 30, null)]
    public void Catalog_ReadsMinutesAndHours_WithAnOptionalTopic(string typed, int minutes, string? topic)
    {
        var arguments = Bind(typed).Arguments!;

        Assert.Equal(CooldownLength.Valid, CooldownService.Check(arguments.Duration("for"), arguments.Text("topic")));
        Assert.Equal(TimeSpan.FromMinutes(minutes), arguments.Duration("for"));
        Assert.Equal(topic, arguments.Text("topic"));
    }

    [Theory]
    [InlineData("", CooldownLength.Missing)]
    [InlineData("soon", CooldownLength.Malformed)]
    [InlineData("5m", CooldownLength.TooShort)]
    [InlineData("25h", CooldownLength.TooLong)]
    [InlineData("1441m", CooldownLength.TooLong)]
    public void Check_WithBadLengths_SaysWhatIsWrong(string typed, CooldownLength expected)
    {
        var arguments = Bind(typed).Arguments!;

        Assert.Equal(expected, CooldownService.Check(arguments.Duration("for"), arguments.Text("topic")));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30months")]
    public void Catalog_WithAnUnreadableLength_AnswersWithTheLengthAsTyped(string typed)
    {
        var problem = Bind(typed).Problem;

        Assert.NotNull(problem);
        Assert.Contains($"\"{typed}\"", problem("Alex"), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithAVeryLongTopic_SaysTheTopicIsTooLong()
    {
        var arguments = Bind("30m " + new string('x', CooldownService.MaxTopicLength + 1)).Arguments!;

        Assert.Equal(CooldownLength.TopicTooLong, CooldownService.Check(arguments.Duration("for"), arguments.Text("topic")));
    }

    private static BindResult Bind(string typed) => CommandBinder.FromText(CommandCatalog.Find("cooldown")!, typed);

    [Theory]
    [InlineData("/cooldown 30", "couldn't read \"30\"")]
    [InlineData("/cooldown later please", "couldn't read \"later\"")]
    [InlineData("/cooldown 5m", "at least 10 minutes")]
    [InlineData("/cooldown 2d", "couldn't read \"2d\"")]
    [InlineData("/cooldown 30h", "up to 24 hours")]
    public async Task Cooldown_WithABadLength_RepliesKindly_AndStartsNothing(string line, string expected)
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, line);

        Assert.Contains(expected, _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Empty(_bot.TextsTo(bea));
        Assert.Null(_bot.ActiveCouple(alex)!.CooldownUntil);
    }

    [Fact]
    public async Task Cooldown_Alone_ShowsHelp_OrWhatIsRunning()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/cooldown");
        var help = _bot.LastTextTo(alex);
        await _bot.SendAsync(alex, "/cooldown 30m dishes");
        await _bot.SendAsync(bea, "/cooldown");

        Assert.Equal(Copy.CooldownHelp("Alex"), help);
        Assert.Equal(Copy.CooldownRunning("Bea", "Monday 2 March, 10:30", "Alex", "dishes"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Status_DuringCooldown_ShowsWhenItEnds()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 45m");

        await _bot.SendAsync(alex, "/status");

        Assert.Contains("Cooling down until Monday 2 March, 10:45.", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cooldown_WhenNotPaired_SaysSo()
    {
        var loner = _bot.Person("Lou");

        await _bot.SendAsync(loner, "/cooldown 30m");

        Assert.Equal(Copy.NotPaired("Lou"), _bot.LastTextTo(loner));
    }

    [Fact]
    public async Task Cooldown_AskedAgainWhileRunning_KeepsTheFirstEnd()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 30m");
        _bot.Advance(TimeSpan.FromMinutes(5));

        await _bot.SendAsync(bea, "/cooldown 2h");

        Assert.Equal(Copy.CooldownAlreadyRunning("Bea", "Monday 2 March, 10:30"), _bot.LastTextTo(bea));
        Assert.Equal(Start.AddMinutes(30), _bot.ActiveCouple(alex)!.CooldownUntil);
    }

    [Fact]
    public async Task Cooldown_WhileRunning_QuestionsAndCheckInsWaitKindly()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 30m");

        await _bot.SendAsync(bea, "/question date night");
        var question = _bot.LastTextTo(bea);
        await _bot.PressAsync(bea, "deck:play");
        var button = _bot.LastTextTo(bea);
        await _bot.SendAsync(alex, "/checkin");
        var checkIn = _bot.LastTextTo(alex);

        var wait = Copy.CooldownWaitToPlay("Bea", "Monday 2 March, 10:30");
        Assert.Equal(wait, question);
        Assert.Equal(wait, button);
        Assert.Equal(Copy.CooldownWaitToPlay("Alex", "Monday 2 March, 10:30"), checkIn);
        Assert.Null(_bot.OpenRound(alex));
    }

    [Fact]
    public async Task Cooldown_WhileRunning_TheBowlWaitsToo_AndKeepsItsQuestion()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add What made you laugh today?");
        await _bot.SendAsync(alex, "/cooldown 30m");

        await _bot.SendAsync(bea, "/draw");

        Assert.Equal(Copy.CooldownWaitToPlay("Bea", "Monday 2 March, 10:30"), _bot.LastTextTo(bea));
        Assert.Null(_bot.OpenRound(alex));
        Assert.False(Assert.Single(_bot.Store.Bowl.All).IsDrawn);
    }

    [Fact]
    public async Task Cooldown_WhenTheTimeIsUp_AsksBothBlind_AndRevealsOnlyWhenBothAnswered()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 30m");
        _bot.ClearOutbox();
        _bot.AdvanceTo(Start.AddMinutes(29));
        var early = await SweepCooldownsAsync();
        _bot.AdvanceTo(Start.AddMinutes(30));

        var ended = await SweepCooldownsAsync();
        var again = await SweepCooldownsAsync();

        Assert.Equal((0, 1, 0), (early.Ended, ended.Ended, again.Ended));
        var round = _bot.OpenRound(alex)!;
        Assert.Equal(RoundKind.Cooldown, round.Kind);
        Assert.Equal(Copy.CooldownQuestions, round.Questions.Select(q => q.Text));
        Assert.StartsWith(Copy.CooldownRoundOpened("Alex", "Bea"), _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.StartsWith(Copy.CooldownRoundOpened("Bea", "Alex"), _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Null(_bot.ActiveCouple(alex)!.CooldownUntil);

        await _bot.AnswerAsync(alex, "hurt", "to be heard", "slow down with me");
        Assert.DoesNotContain(_bot.TextsTo(bea), t => t.Contains("hurt", StringComparison.Ordinal));
        await _bot.AnswerAsync(bea, "tired", "a break", "ask me later");

        var reveal = _bot.LastTextTo(alex);
        Assert.Equal(reveal, _bot.LastTextTo(bea));
        Assert.Contains("you both came back", reveal, StringComparison.Ordinal);
        Assert.Contains("Alex: slow down with me", reveal, StringComparison.Ordinal);
        Assert.Contains("Bea: ask me later", reveal, StringComparison.Ordinal);
        await _bot.SendAsync(alex, "/question play");
        Assert.Equal(RoundKind.Deck, _bot.OpenRound(alex)!.Kind);
    }

    [Fact]
    public async Task CooldownEnd_ByEitherPartner_ComesBackNow_AndThePartnerIsToldGently()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 2h");
        _bot.Advance(TimeSpan.FromMinutes(20));
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/cooldown end");
        var sweep = await SweepCooldownsAsync();

        Assert.Equal(0, sweep.Ended);
        var toAlex = _bot.TextsTo(alex);
        Assert.Equal(Copy.CooldownEndedEarly("Alex", "Bea"), toAlex[0]);
        Assert.StartsWith(Copy.CooldownRoundOpened("Alex", "Bea"), toAlex[1], StringComparison.Ordinal);
        Assert.Equal(RoundKind.Cooldown, _bot.OpenRound(alex)!.Kind);
        Assert.StartsWith(Copy.CooldownRoundOpened("Bea", "Alex"), _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Null(_bot.ActiveCouple(alex)!.CooldownUntil);
    }

    [Fact]
    public async Task CooldownEnd_WithoutOne_SaysNothingIsRunning()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/cooldown end");

        Assert.Equal(Copy.NoCooldown("Alex"), _bot.LastTextTo(alex));
        Assert.Null(_bot.OpenRound(alex));
    }

    [Fact]
    public async Task Note_DuringCooldown_IsHeld_AndDeliveredWhenItEnds_NotBefore()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 30m");
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/note I'm sorry I raised my voice");
        _bot.AdvanceTo(Start.AddMinutes(29));
        var early = await SweepNotesAsync();
        _bot.AdvanceTo(Start.AddMinutes(30));
        var due = await SweepNotesAsync();

        Assert.Equal(Copy.NoteHeldForCooldown("Bea", "Alex", "Monday 2 March, 10:30"), _bot.TextsTo(bea)[0]);
        Assert.Equal((0, 1), (early.Delivered, due.Delivered));
        Assert.Equal(Copy.NoteDelivered("Alex", "Bea", "I'm sorry I raised my voice"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Note_DuringCooldownEndedEarly_GoesOutAtTheEarlyEnd()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 3h");
        await _bot.SendAsync(bea, "/note thank you for waiting");
        _bot.Advance(TimeSpan.FromMinutes(15));

        await _bot.SendAsync(alex, "/cooldown end");
        var note = Assert.Single(_bot.Store.LoveNotes.All);
        _bot.Advance(TimeSpan.FromMinutes(1));
        var swept = await SweepNotesAsync();

        Assert.Equal(Start.AddMinutes(15), note.DeliverAt);
        Assert.Equal(1, swept.Delivered);
        Assert.Contains(Copy.NoteDelivered("Alex", "Bea", "thank you for waiting"), _bot.TextsTo(alex));
    }

    [Fact]
    public async Task ScheduledNote_ComingDueDuringCooldown_WaitsForItsEnd()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/note lunch? at 11:00");
        await _bot.SendAsync(alex, "/cooldown 2h");
        _bot.ClearOutbox();
        _bot.AdvanceTo(Start.AddHours(1));

        var held = await SweepNotesAsync();
        var heldAgain = await SweepNotesAsync();
        _bot.AdvanceTo(Start.AddHours(2));
        var due = await SweepNotesAsync();

        Assert.Equal((0, 0, 1), (held.Delivered, heldAgain.Delivered, due.Delivered));
        Assert.Equal(Copy.NoteDelivered("Alex", "Bea", "lunch?"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task WeeklyCheckIn_DueDuringCooldown_IsSkipped_AndNoNudgesArrive()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 8, 18, 30, 0, TimeSpan.Zero));
        await _bot.SendAsync(alex, "/cooldown 1h");
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 8, 19, 0, 0, TimeSpan.Zero));

        var sweep = await _bot.SweepAsync();

        Assert.Equal((0, 1), (sweep.CheckInsOpened, sweep.CheckInsMissed));
        Assert.Null(_bot.OpenRound(alex));
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 19, 0, 0, TimeSpan.Zero), _bot.ActiveCouple(alex)!.NextCheckInAt);
    }

    [Fact]
    public async Task CooldownEnd_WithAnUnansweredDeckQuestionOpen_SetsItAside_ForTheComeBack()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/question play");
        await _bot.TextAsync(alex, "a penguin");
        var deckRound = _bot.OpenRound(alex)!;
        await _bot.SendAsync(bea, "/cooldown 10m");
        _bot.ClearOutbox();
        _bot.Advance(TimeSpan.FromMinutes(10));

        await SweepCooldownsAsync();

        Assert.Equal(RoundState.Cancelled, _bot.Store.Rounds.All.Single(r => r.Id == deckRound.Id).State);
        Assert.Contains(Copy.RoundSetAside("Alex"), _bot.TextsTo(alex));
        Assert.Contains(Copy.RoundSetAside("Bea"), _bot.TextsTo(bea));
        Assert.DoesNotContain(_bot.TextsTo(bea), t => t.Contains("penguin", StringComparison.Ordinal));
        Assert.Equal(RoundKind.Cooldown, _bot.OpenRound(alex)!.Kind);
    }

    [Fact]
    public async Task WeeklyCheckIn_DueWhileTheComeBackIsOpen_LeavesTheComeBackBe()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 8, 18, 0, 0, TimeSpan.Zero));
        await _bot.SendAsync(alex, "/cooldown 30m");
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 8, 18, 30, 0, TimeSpan.Zero));
        await SweepCooldownsAsync();
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 8, 19, 0, 0, TimeSpan.Zero));

        var sweep = await _bot.SweepAsync();

        Assert.Equal(0, sweep.CheckInsOpened);
        Assert.Equal(RoundKind.Cooldown, _bot.OpenRound(alex)!.Kind);
    }

    [Fact]
    public async Task Forget_DuringCooldown_RemovesTheTopicAndTheHeldNote()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 1h the holidays");
        await _bot.SendAsync(alex, "/note sorry");

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");
        _bot.Advance(TimeSpan.FromHours(1));
        var swept = await SweepCooldownsAsync();

        var couple = Assert.Single(_bot.Store.Couples.All);
        Assert.Null(couple.CooldownTopic);
        Assert.Null(couple.CooldownUntil);
        Assert.Empty(_bot.Store.LoveNotes.All);
        Assert.Equal(0, swept.Ended);
        Assert.DoesNotContain(_bot.Store.Rounds.All, r => r.Kind == RoundKind.Cooldown);
        Assert.NotNull(_bot.Stored(bea));
    }

    [Fact]
    public async Task ComeBackAnswer_LongerThanTheCheckInLimit_IsRefusedKindly()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 10m");
        _bot.Advance(TimeSpan.FromMinutes(10));
        await SweepCooldownsAsync();
        var tooLong = new string('a', _bot.Options.MaxAnswerLength + 1);

        await _bot.TextAsync(alex, tooLong);

        Assert.Equal(Copy.AnswerTooLong("Alex", tooLong.Length, _bot.Options.MaxAnswerLength), _bot.LastTextTo(alex));
        Assert.Equal(0, _bot.OpenRound(alex)!.AnsweredCountFor(_bot.Stored(alex).Id));
        Assert.Equal("10:10", _bot.OpenRound(alex)!.OpenedAt.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
