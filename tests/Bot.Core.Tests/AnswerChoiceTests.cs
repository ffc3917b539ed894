using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class AnswerChoiceTests
{
    private static readonly DateTimeOffset HeldDay = new(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly CoreHarness _bot = new();

    private Round Round => _bot.Store.Rounds.All[^1];

    /// <summary>A check-in with Alex's three answers in (the pulse skipped), Bea yet to answer.</summary>
    private async Task<(TestUser Alex, TestUser Bea)> AlexAnsweredAsync()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "A one", "A two", "A three");
        return (alex, bea);
    }

    private string Payload(string verb, int position) => $"ans:{verb}:{Round.Id}:{position}";

    private Answer AnswerOf(TestUser user, int position) => Round.AnswerOf(_bot.Stored(user).Id, position)!;

    [Fact]
    public async Task LastAnswer_IsAcknowledgedWithPrivateHoldAndMyAnswersButtons()
    {
        var (alex, _) = await AlexAnsweredAsync();

        var sealedMessage = _bot.LastMessageTo(alex);

        Assert.Equal(Copy.SealedWaitingWithChoices("Alex", "Bea"), sealedMessage.Text);
        Assert.Equal(
            [[Payload("p", 3), Payload("h", 3)], [Payload("l", 0)]],
            sealedMessage.Choices.Select(row => row.Select(c => c.Payload).ToList()).ToList());
        Assert.Equal(Copy.KeepPrivateLabel(3), sealedMessage.Choices[0][0].Label);
    }

    [Fact]
    public async Task KeepPrivate_RevealShowsOnlyThatItWasKept_AndTheWordsNeverReachThePartner()
    {
        var (alex, bea) = await AlexAnsweredAsync();

        await _bot.PressAsync(alex, Payload("p", 2));
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        Assert.Equal(Copy.AnswerKeptPrivate("Alex", 2, "Bea"), _bot.TextsTo(alex)[^2]);
        Assert.Equal(AnswerVisibility.Private, AnswerOf(alex, 2).Visibility);
        var reveal = _bot.LastTextTo(bea);
        Assert.Contains($"Alex: A one\n", reveal, StringComparison.Ordinal);
        Assert.Contains($"\n{Copy.KeptToThemselves("Alex")}\nBea: B two\n", reveal, StringComparison.Ordinal);
        Assert.Equal(reveal, _bot.LastTextTo(alex));
        Assert.All(_bot.MessagesTo(bea), m => Assert.DoesNotContain("A two", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reveal_CarriesALetter_WithASectionPerQuestion_AndNoKeptWords()
    {
        var (alex, bea) = await AlexAnsweredAsync();

        await _bot.PressAsync(alex, Payload("p", 2));
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        var letter = _bot.LastMessageTo(bea).Letter;
        Assert.NotNull(letter);
        Assert.Equal(letter, _bot.LastMessageTo(alex).Letter);
        var answers = letter.Sections.Where(s => s.Heading?.StartsWith("2. ", StringComparison.Ordinal) == true)
            .SelectMany(s => s.Parts).OfType<Application.Messages.LetterAnswer>().ToList();
        Assert.Equal([new("Alex", null, "kept this one to themselves 🔒"), new("Bea", "B two", null)], answers);
        Assert.DoesNotContain("A two", letter.PlainText(), StringComparison.Ordinal);
        Assert.Contains("Alex: A one", letter.PlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepPrivate_HistoryNeverShowsItToThePartner_ButShowsTheAuthorTheirOwnWords()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("p", 1));
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");
        _bot.Advance(TimeSpan.FromDays(400));

        await _bot.SendAsync(bea, "/history");
        await _bot.SendAsync(alex, "/history");

        Assert.DoesNotContain("A one", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Contains(Copy.KeptToThemselves("Alex"), _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Contains("Alex: A one (kept private, only you see this)", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyAnswers_HoldWhoseDayPassedBeforeTheReveal_ReadsAsSharedAtTheReveal_AsTheRevealDoes()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("h", 3));
        await _bot.TextAsync(alex, "2026-03-05");

        await _bot.SendAsync(alex, "/answers");
        var before = _bot.LastTextTo(alex);
        _bot.AdvanceTo(HeldDay);
        await _bot.SendAsync(alex, "/answers");
        var after = _bot.LastTextTo(alex);
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        Assert.Contains("A three\n→ held until 5 March 2026", before, StringComparison.Ordinal);
        Assert.Contains("A three\n→ shared at the reveal", after, StringComparison.Ordinal);
        Assert.Contains("Alex: A three\nBea: B three", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hold_AsksForADate_ThenRevealSaysHolding_AndTheSweepSharesItWithBothOnThatDayOnly()
    {
        var (alex, bea) = await AlexAnsweredAsync();

        await _bot.PressAsync(alex, Payload("h", 3));
        var ask = _bot.LastMessageTo(alex);
        await _bot.TextAsync(alex, "2026-03-05");
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        Assert.Equal(Copy.AskHoldDate("Alex", 3), ask.Text);
        Assert.True(ask.InvitesAnswer);
        Assert.Equal([Payload("x", 3)], ask.Choices.SelectMany(r => r).Select(c => c.Payload));
        Assert.Equal(Copy.AnswerHeld("Alex", 3, "Bea", "5 March 2026"), _bot.TextsTo(alex)[^2]);
        Assert.Equal((AnswerVisibility.Held, HeldDay), (AnswerOf(alex, 3).Visibility, AnswerOf(alex, 3).HeldUntil));
        Assert.Empty(_bot.Store.PendingInputs.All);
        var reveal = _bot.LastTextTo(bea);
        Assert.Contains(Copy.HoldingUntil("Alex", "5 March 2026"), reveal, StringComparison.Ordinal);
        Assert.DoesNotContain("A three", reveal, StringComparison.Ordinal);

        _bot.ClearOutbox();
        _bot.AdvanceTo(HeldDay.AddMinutes(-1));
        var early = await _bot.HeldSweeper.RunAsync(CancellationToken.None);
        _bot.AdvanceTo(HeldDay);
        var due = await _bot.HeldSweeper.RunAsync(CancellationToken.None);
        var again = await _bot.HeldSweeper.RunAsync(CancellationToken.None);

        Assert.Equal((0, 1, 0), (early.Delivered, due.Delivered, again.Delivered));
        var question = Round.Questions[2].Text;
        var opened = Copy.HeldOpened("Alex", "Bea", "Alex", "2 March 2026", question, "A three");
        foreach (var person in new[] { alex, bea })
        {
            var message = Assert.Single(_bot.MessagesTo(person));
            Assert.Equal(opened, message.Text);
            Assert.Equal([_bot.Stored(alex).Id], message.WordsOf);
        }
    }

    [Fact]
    public async Task HeldAnswer_AppearsInHistoryOnlyFromItsDay()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("h", 1));
        await _bot.TextAsync(alex, "2026-03-05");
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        await _bot.SendAsync(bea, "/history");
        var before = _bot.LastTextTo(bea);
        _bot.AdvanceTo(HeldDay);
        await _bot.SendAsync(bea, "/history");
        var after = _bot.LastTextTo(bea);

        Assert.DoesNotContain("A one", before, StringComparison.Ordinal);
        Assert.Contains(Copy.HoldingUntil("Alex", "5 March 2026"), before, StringComparison.Ordinal);
        Assert.Contains("Alex: A one\n", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-02", "today")]
    [InlineData("2025-12-24", "past")]
    [InlineData("2026-13-45", "unreadable")]
    [InlineData("24.12.2026", "unreadable")]
    [InlineData("2027-03-04", "too far")]
    public async Task Hold_WithADateThatDoesNotWork_IsRefusedKindly_AndStillWaitsForADate(string typed, string why)
    {
        var (alex, _) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("h", 2));

        await _bot.TextAsync(alex, typed);

        var expected = why switch
        {
            "today" or "past" => Copy.HoldNotInFuture("Alex"),
            "too far" => Copy.HoldTooFar("Alex"),
            _ => Copy.HoldBadDate("Alex", typed),
        };
        Assert.Equal(expected, _bot.LastTextTo(alex));
        Assert.Equal(AnswerVisibility.Shared, AnswerOf(alex, 2).Visibility);
        Assert.Single(_bot.Store.PendingInputs.All);
        await _bot.TextAsync(alex, "2027-03-02");
        Assert.Equal(AnswerVisibility.Held, AnswerOf(alex, 2).Visibility);
    }

    [Fact]
    public async Task Hold_WhenTheNextTextIsPlainlyNoDate_TakesItAsTheAnswerToTheWaitingQuestion()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "A one");

        await _bot.PressAsync(alex, Payload("h", 1));
        await _bot.TextAsync(alex, "A two, typed without thinking of the hold");

        Assert.Equal(AnswerVisibility.Shared, AnswerOf(alex, 1).Visibility);
        Assert.Equal("A two, typed without thinking of the hold", AnswerOf(alex, 2).Text);
        Assert.Empty(_bot.Store.PendingInputs.All);
    }

    [Fact]
    public async Task Change_ViaMyAnswers_RewritesTheAnswerBeforeTheReveal()
    {
        var (alex, bea) = await AlexAnsweredAsync();

        await _bot.SendAsync(alex, "/answers");
        var list = _bot.LastMessageTo(alex);
        await _bot.PressAsync(alex, Payload("w", 2));
        await _bot.TextAsync(alex, "A two, better said");
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        Assert.Equal(Copy.MyAnswers("Alex", "Bea", _bot.Store.Rounds.All[^1] with { State = RoundState.Open },
            _bot.Stored(alex).Id, "UTC", _bot.Clock.GetUtcNow()).Replace("A two, better said", "A two", StringComparison.Ordinal), list.Text);
        Assert.Equal([_bot.Stored(alex).Id], list.WordsOf);
        Assert.Equal(
            [Payload("w", 1), Payload("p", 1), Payload("h", 1)],
            list.Choices[0].Select(c => c.Payload));
        Assert.Equal(Copy.AnswerRewritten("Alex", 2), _bot.TextsTo(alex)[^2]);
        Assert.Contains("Alex: A two, better said\nBea: B two", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyAnswers_ForAPrivateAnswer_OffersShareAgain_AndShareUndoesIt()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("p", 1));
        _bot.ClearOutbox();

        await _bot.PressAsync(alex, Payload("l", 0));
        var list = _bot.LastMessageTo(alex);
        await _bot.PressAsync(alex, Payload("s", 1));

        Assert.Contains("A one\n→ kept private", list.Text, StringComparison.Ordinal);
        Assert.Equal(Copy.ShareLabel(1), list.Choices[0][1].Label);
        Assert.Equal(Copy.AnswerShared("Alex", 1, "Bea"), _bot.LastTextTo(alex));
        Assert.Equal(AnswerVisibility.Shared, AnswerOf(alex, 1).Visibility);
        Assert.Empty(_bot.MessagesTo(bea));
    }

    [Fact]
    public async Task AnyButton_AfterTheReveal_IsRefusedKindly_AndChangesNothing()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        var roundId = Round.Id;
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        foreach (var verb in new[] { "p", "h", "w", "s", "l" })
        {
            await _bot.PressAsync(alex, $"ans:{verb}:{roundId}:1");
            Assert.Equal(Copy.AnswerAlreadyRevealed("Alex"), _bot.LastTextTo(alex));
        }

        await _bot.SendAsync(alex, "/answers");
        Assert.Equal(Copy.AnswersNothingOpen("Alex"), _bot.LastTextTo(alex));
        Assert.Equal(AnswerVisibility.Shared, AnswerOf(alex, 1).Visibility);
        Assert.Empty(_bot.Store.PendingInputs.All);
    }

    [Fact]
    public async Task PendingRewrite_WhenTheRoundIsRevealedMeanwhile_LetsTheTextBeAnOrdinaryMessage()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("w", 1));
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        await _bot.TextAsync(alex, "too late words");

        Assert.Equal(Copy.NothingToAnswer("Alex"), _bot.LastTextTo(alex));
        Assert.Equal("A one", AnswerOf(alex, 1).Text);
        Assert.Empty(_bot.Store.PendingInputs.All);
    }

    [Fact]
    public async Task PendingInput_IsLetGoByACommandOrNeverMind()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "A one");
        await _bot.PressAsync(alex, Payload("w", 1));

        await _bot.SendAsync(alex, "/status");
        await _bot.TextAsync(alex, "A two");
        await _bot.PressAsync(alex, Payload("w", 1));
        await _bot.PressAsync(alex, Payload("x", 1));
        await _bot.TextAsync(alex, "A three");

        Assert.Equal(["A one", "A two", "A three"], Round.Answers.Select(a => a.Text));
        Assert.Contains(Copy.PendingCancelled("Alex"), _bot.TextsTo(alex));
    }

    [Fact]
    public async Task Rewrite_TooLong_IsRefusedAndStillWaits()
    {
        var (alex, _) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("w", 1));

        await _bot.TextAsync(alex, new string('x', _bot.Options.MaxAnswerLength + 1));
        await _bot.TextAsync(alex, "short again");

        Assert.Contains(Copy.AnswerTooLong("Alex", _bot.Options.MaxAnswerLength + 1, _bot.Options.MaxAnswerLength),
            _bot.TextsTo(alex));
        Assert.Equal("short again", AnswerOf(alex, 1).Text);
    }

    [Fact]
    public async Task PassedAnswer_CannotBeKeptPrivate_ButCanBeAnsweredAfterAll()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex);
        await _bot.SendAsync(alex, "/skip");

        await _bot.PressAsync(alex, Payload("p", 1));
        var refused = _bot.LastTextTo(alex);
        await _bot.PressAsync(alex, Payload("w", 1));
        await _bot.TextAsync(alex, "after all");

        Assert.Equal(Copy.AnswerPassedNothingToKeep("Alex", 1), refused);
        Assert.Equal("after all", AnswerOf(alex, 1).Text);
    }

    [Fact]
    public async Task MyAnswers_WithNothingAnsweredYet_SaysSo()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/answers");
        var nothingOpen = _bot.LastTextTo(alex);
        await _bot.SendAsync(alex, "/checkin");

        await _bot.SendAsync(alex, "/answers");

        Assert.Equal(Copy.AnswersNothingOpen("Alex"), nothingOpen);
        Assert.Equal(Copy.AnswersNoneYet("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task MyAnswers_InAGroup_IsPrivateOnly()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendInGroupAsync(alex, "/answers");

        Assert.Equal(Copy.PrivateOnly("Alex"), _bot.Messages[^1].Text);
    }

    [Theory]
    [InlineData("ans:")]
    [InlineData("ans:p")]
    [InlineData("ans:p:x:1")]
    [InlineData("ans:z:1:1")]
    [InlineData("ans:p:1:9")]
    public async Task MalformedOrUnknownAnswerButtons_GetAFriendlyReply(string payload)
    {
        var (alex, _) = await AlexAnsweredAsync();

        await _bot.PressAsync(alex, payload);

        Assert.Equal(Copy.QuestionGone("Alex"), _bot.LastTextTo(alex));
        Assert.All(Round.Answers, a => Assert.Equal(AnswerVisibility.Shared, a.Visibility));
    }

    [Fact]
    public async Task HeldAnswer_OfARoundRevealedAfterItsDay_IsInTheRevealAndNotSentAgain()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("h", 1));
        await _bot.TextAsync(alex, "2026-03-03");
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));

        await _bot.AnswerAsync(bea, "B one", "B two", "B three");
        var result = await _bot.HeldSweeper.RunAsync(CancellationToken.None);

        Assert.Contains("Alex: A one\n", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Equal(0, result.Delivered);
    }

    [Fact]
    public async Task HeldAnswer_OfARoundThatExpired_IsNeverShared()
    {
        var (alex, _) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("h", 1));
        await _bot.TextAsync(alex, "2026-03-20");
        _bot.Advance(_bot.Options.ExpireAfter);
        await _bot.SweepAsync();
        _bot.ClearOutbox();
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero));

        var result = await _bot.HeldSweeper.RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Delivered);
        Assert.Empty(_bot.Messages);
    }

    [Fact]
    public async Task HeldAnswer_WithAHome_OpensInTheHomeGroup_AtNineOnTheCouplesClock()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/timezone Asia/Tokyo");
        await _bot.SendInGroupAsync(alex, "/home");
        await _bot.PressInGroupAsync(bea, _bot.Messages[^1].Choices[0][0].Payload);
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "A one", "A two", "A three");
        await _bot.PressAsync(alex, Payload("h", 2));
        await _bot.TextAsync(alex, "2026-03-05");
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");
        _bot.ClearOutbox();

        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero));
        var result = await _bot.HeldSweeper.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Delivered);
        var message = Assert.Single(_bot.Messages);
        Assert.Equal(CoreHarness.Group, message.To);
        Assert.Contains("Alex: A two", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldAnswer_IsNeverSharedOnceTheCoupleHasParted()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("h", 1));
        await _bot.TextAsync(alex, "2026-03-05");
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");
        await _bot.SendAsync(bea, "/unpair");
        await _bot.PressAsync(bea, _bot.PayloadsTo(bea)[^2]);
        _bot.ClearOutbox();
        _bot.AdvanceTo(HeldDay);

        var result = await _bot.HeldSweeper.RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Delivered);
        Assert.Empty(_bot.Messages);
    }

    [Fact]
    public async Task Forget_DeletesHeldAnswersAndPendingInputs_SoNothingOpensLater()
    {
        var (alex, bea) = await AlexAnsweredAsync();
        await _bot.PressAsync(alex, Payload("h", 1));
        await _bot.TextAsync(alex, "2026-03-05");
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");
        await _bot.PressAsync(bea, "ans:w:999:1");

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");
        _bot.ClearOutbox();
        _bot.AdvanceTo(HeldDay);
        var result = await _bot.HeldSweeper.RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Delivered);
        Assert.Empty(_bot.Messages);
        Assert.DoesNotContain(_bot.Store.Rounds.All.SelectMany(r => r.Answers), a => a.PersonId == _bot.Stored(alex).Id);
    }

    [Theory]
    [InlineData("2026-03-03", "UTC", "2026-03-03T09:00:00+00:00")]
    [InlineData("2026-03-29", "Europe/Berlin", "2026-03-29T07:00:00+00:00")]
    [InlineData("2027-03-03", "UTC", "2027-03-03T09:00:00+00:00")]
    public void HoldDate_OpensAtNineOnTheCouplesClock(string typed, string zone, string expected)
    {
        var outcome = AnswerChoiceService.HoldDate(typed, zone, CoreHarness.Start);

        Assert.Equal(new HoldOutcome.Until(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), outcome);
    }
}
