using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class RoundTests
{
    private readonly CoreHarness _bot = new();

    /// <summary>The wording the latest round asked (the weekly ritual rotates its wording).</summary>
    private IReadOnlyList<string> Questions =>
        [.. _bot.Store.Rounds.All.OrderBy(r => r.Id).Last().Questions.OrderBy(q => q.Position).Select(q => q.Text)];

    [Fact]
    public async Task CheckIn_OpensRoundAndAsksEachPartnerThePulseFirst_ThenTheFirstOfThreeQuestionsPrivately()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/checkin");

        var round = _bot.OpenRound(alex);
        Assert.NotNull(round);
        Assert.Equal(RoundKind.Weekly, round.Kind);
        Assert.Equal(3, round.Questions.Count);
        Assert.Equal(2, _bot.Messages.Count);
        foreach (var person in new[] { alex, bea })
        {
            var message = Assert.Single(_bot.MessagesTo(person));
            Assert.Contains($"Hi {person.Name}", message.Text, StringComparison.Ordinal);
            Assert.EndsWith(Copy.PulseQuestion(PulseScale.Loved), message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(Questions[0], message.Text, StringComparison.Ordinal);
        }

        await _bot.PulseAsync(alex, 4, 5);
        await _bot.PulseAsync(bea, null, 2);

        foreach (var person in new[] { alex, bea })
        {
            var message = _bot.LastMessageTo(person);
            Assert.Contains($"(1/3) {Questions[0]}", message.Text, StringComparison.Ordinal);
            Assert.True(message.InvitesAnswer);
            var skip = Assert.Single(Assert.Single(message.Choices));
            Assert.Equal(Copy.SkipLabel, skip.Label);
            Assert.Equal($"skip:{round.Id}:1", skip.Payload);
        }
    }

    /// <summary>A paired couple with a check-in open and both pulses tapped: the questions are next.</summary>
    private async Task<(TestUser Alex, TestUser Bea)> CheckInPastThePulseAsync()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, 4, 5);
        await _bot.PulseAsync(bea, 3, null);
        return (alex, bea);
    }

    private string SkipPayloadTo(TestUser user) =>
        _bot.PayloadsTo(user).Last(p => p.StartsWith("skip:", StringComparison.Ordinal));

    [Fact]
    public async Task Answer_MovesThatPartnerToTheNextQuestion()
    {
        var (alex, bea) = await CheckInPastThePulseAsync();
        _bot.ClearOutbox();

        await _bot.TextAsync(alex, "  The walk on Saturday  ");

        var next = Assert.Single(_bot.MessagesTo(alex));
        Assert.StartsWith(Copy.AnswerNoted("Alex"), next.Text, StringComparison.Ordinal);
        Assert.Contains($"(2/3) {Questions[1]}", next.Text, StringComparison.Ordinal);
        var roundId = _bot.OpenRound(alex)!.Id;
        Assert.Equal([$"skip:{roundId}:2"], next.Choices[0].Select(c => c.Payload));
        Assert.Equal([$"ans:p:{roundId}:1", $"ans:h:{roundId}:1"], next.Choices[1].Select(c => c.Payload));
        Assert.Empty(_bot.MessagesTo(bea));
        var answer = Assert.Single(_bot.OpenRound(alex)!.Answers);
        Assert.Equal("The walk on Saturday", answer.Text);
        Assert.Equal(1, answer.Position);
    }

    [Fact]
    public async Task Answers_AreNeverSentToAnyoneBeforeBothFinished()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        string[] secrets = ["secret-alpha-1", "secret-alpha-2", "secret-alpha-3"];

        await _bot.AnswerAsync(alex, secrets);
        await _bot.AnswerAsync(bea, "secret-bravo-1", "secret-bravo-2");
        await _bot.SendAsync(bea, "/checkin");
        await _bot.SendAsync(bea, "/status");
        await _bot.SendAsync(bea, "/history");
        await _bot.SendAsync(alex, "/status");
        await _bot.TextAsync(alex, "secret-alpha-4");
        _bot.Advance(TimeSpan.FromHours(25));
        await _bot.SweepAsync();

        Assert.True(_bot.OpenRound(alex)?.IsOpen);
        Assert.All(_bot.Messages, message =>
        {
            Assert.DoesNotContain("secret-", message.Text, StringComparison.Ordinal);
            Assert.Empty(message.WordsOf);
        });
        Assert.Contains(Copy.SealedWaitingWithChoices("Alex", "Bea"), _bot.TextsTo(alex));
        Assert.Equal(Copy.AlreadyDone("Alex", "Bea"), _bot.LastTextTo(alex));
        Assert.StartsWith(Copy.Reminder("Bea", "Alex"), _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_AfterBothAnsweredEverything_GoesToBothWithAnswersSideBySide()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "A one", "A two", "A three");
        await _bot.AnswerAsync(bea, "B one", "B two");
        _bot.ClearOutbox();

        await _bot.TextAsync(bea, "B three");

        var round = Assert.Single(_bot.Store.Rounds.All);
        Assert.Equal(RoundState.Revealed, round.State);
        Assert.Null(_bot.OpenRound(alex));
        var (ids, reveals) = (new[] { _bot.Stored(alex).Id, _bot.Stored(bea).Id }, new List<string>());
        foreach (var person in new[] { alex, bea })
        {
            var message = Assert.Single(_bot.MessagesTo(person));
            Assert.Equal(ids, message.WordsOf);
            reveals.Add(message.Text);
        }

        Assert.Equal(2, _bot.Messages.Count);
        Assert.Equal(reveals[0], reveals[1]);
        Assert.Contains($"1. {Questions[0]}\nAlex: A one\nBea: B one\n", reveals[0], StringComparison.Ordinal);
        Assert.Contains($"2. {Questions[1]}\nAlex: A two\nBea: B two\n", reveals[0], StringComparison.Ordinal);
        Assert.Contains($"3. {Questions[2]}\nAlex: A three\nBea: B three\n", reveals[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipCommand_RecordsAPassShownAsPassed()
    {
        var (alex, bea) = await CheckInPastThePulseAsync();

        await _bot.SendAsync(alex, "/skip");
        await _bot.AnswerAsync(alex, "A two", "A three");
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");

        var round = Assert.Single(_bot.Store.Rounds.All);
        Assert.True(round.AnswerOf(_bot.Stored(alex).Id, 1)!.IsSkipped);
        var reveal = _bot.LastTextTo(bea);
        Assert.Contains($"1. {Questions[0]}\nAlex: passed\nBea: B one\n", reveal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipButton_RecordsAPassAndAsksTheNextQuestion()
    {
        var (alex, _) = await CheckInPastThePulseAsync();
        var payload = SkipPayloadTo(alex);

        await _bot.PressAsync(alex, payload);

        var round = _bot.OpenRound(alex)!;
        Assert.True(Assert.Single(round.Answers).IsSkipped);
        Assert.Contains($"(2/3) {Questions[1]}", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipButton_ForAQuestionAlreadyAnswered_IsRefused()
    {
        var (alex, _) = await CheckInPastThePulseAsync();
        var stale = SkipPayloadTo(alex);
        await _bot.TextAsync(alex, "A one");

        await _bot.PressAsync(alex, stale);

        Assert.Equal(Copy.QuestionGone("Alex"), _bot.LastTextTo(alex));
        var answer = Assert.Single(_bot.OpenRound(alex)!.Answers);
        Assert.Equal("A one", answer.Text);
    }

    [Fact]
    public async Task SkipButton_FromAnEarlierRound_IsRefused()
    {
        var (alex, bea) = await CheckInPastThePulseAsync();
        var stale = SkipPayloadTo(bea);
        await _bot.AnswerAsync(alex, "1", "2", "3");
        await _bot.AnswerAsync(bea, "1", "2", "3");
        await _bot.SendAsync(alex, "/checkin");

        await _bot.PressAsync(bea, stale);

        Assert.Equal(Copy.QuestionGone("Bea"), _bot.LastTextTo(bea));
        Assert.Empty(_bot.OpenRound(alex)!.Answers);
    }

    [Theory]
    [InlineData("skip:")]
    [InlineData("skip:x:1")]
    [InlineData("skip:1:2:3")]
    public async Task SkipButton_WithMangledPayload_IsRefused(string payload)
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");

        await _bot.PressAsync(alex, payload);

        Assert.Equal(Copy.QuestionGone("Alex"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.OpenRound(alex)!.Answers);
    }

    [Fact]
    public async Task UnknownButton_IsAnsweredAsStale()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.PressAsync(alex, "launch:rockets");

        Assert.Equal(Copy.StaleButton("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Skip_WithNothingOpen_SaysThereIsNothingToSkip()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/skip");

        Assert.Equal(Copy.NothingToSkip("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task CheckIn_WhileOpen_ReportsCountsButNoContent()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "private words", "more private words", "last private words");
        await _bot.AnswerAsync(bea, "hers");
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/checkin");

        Assert.Equal(2, _bot.Messages.Count);
        Assert.All(_bot.Messages, m => Assert.Equal(bea.PrivateChat, m.To));
        Assert.Equal("Bea, a check-in is already open: you've answered 1 of 3, Alex is done.", _bot.Messages[0].Text);
        Assert.Contains("(2/3)", _bot.Messages[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Messages, m => m.Text.Contains("private words", StringComparison.Ordinal));
        Assert.Single(_bot.Store.Rounds.All);
    }

    [Fact]
    public async Task Answer_LongerThanTheMaximum_IsRefusedWithTheLimit()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        var max = _bot.Options.MaxAnswerLength;

        await _bot.TextAsync(alex, new string('a', max + 1));

        Assert.Equal(Copy.AnswerTooLong("Alex", max + 1, max), _bot.LastTextTo(alex));
        Assert.Empty(_bot.OpenRound(alex)!.Answers);
    }

    [Fact]
    public async Task Answer_OfExactlyTheMaximum_IsKept()
    {
        var (alex, _) = await CheckInPastThePulseAsync();

        await _bot.TextAsync(alex, new string('a', _bot.Options.MaxAnswerLength));

        Assert.Single(_bot.OpenRound(alex)!.Answers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task EmptyText_IsAnsweredWithOnlyText(string text)
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");

        await _bot.TextAsync(alex, text);

        Assert.Equal(Copy.OnlyText("Alex"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.OpenRound(alex)!.Answers);
    }

    [Fact]
    public async Task EditingTheMessageOfAnAnswer_BeforeTheReveal_ChangesIt_AndTheRevealShowsTheEdit()
    {
        var (alex, bea) = await CheckInPastThePulseAsync();
        await _bot.TextAsync(alex, "frist words", messageId: "m1");
        await _bot.TextAsync(alex, "second", messageId: "m2");

        await _bot.EditAsync(alex, "m1", "first words");
        await _bot.EditAsync(alex, "m2", "   ");
        await _bot.TextAsync(alex, "third", messageId: "m3");
        await _bot.AnswerAsync(bea, "b1", "b2", "b3");

        Assert.Contains(Copy.AnswerRewritten("Alex", 1), _bot.TextsTo(alex));
        Assert.Contains("Alex: first words", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Contains("Alex: second", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.DoesNotContain("frist", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAfterTheReveal_OrAMessageThatWasNoAnswer_ChangesNothing_AndSaysSo()
    {
        var (alex, bea) = await CheckInPastThePulseAsync();
        await _bot.AnswerAsync(bea, "b1", "b2", "b3");
        await _bot.TextAsync(alex, "a1", messageId: "m1");
        await _bot.TextAsync(alex, "a2", messageId: "m2");
        await _bot.TextAsync(alex, "a3", messageId: "m3");
        var round = _bot.Store.Rounds.All.Single();

        await _bot.EditAsync(alex, "m1", "rewritten after the reveal");
        var afterReveal = _bot.LastTextTo(alex);
        await _bot.EditAsync(alex, "m9", "never an answer");
        await _bot.HandleAsync(new MessageEdited(bea.User, bea.Name, CoreHarness.Group, false, "g1", "in a group"));

        Assert.Equal(Copy.EditNotSeen("Alex", paired: true), afterReveal);
        Assert.Equal(Copy.EditNotSeen("Alex", paired: true), _bot.LastTextTo(alex));
        Assert.Equal("a1", _bot.Store.Rounds.All.Single(r => r.Id == round.Id).AnswerOf(_bot.Stored(alex).Id, 1)!.Text);
        Assert.DoesNotContain(_bot.MessagesTo(bea), m => m.Text == Copy.EditNotSeen("Bea", paired: true));
    }

    [Fact]
    public async Task Text_WithNoOpenRound_SaysNothingIsWaiting()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.TextAsync(alex, "hello?");

        Assert.Equal(Copy.NothingToAnswer("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Text_WhenNotPaired_SaysHowToPair()
    {
        var alex = _bot.Person("Alex");

        await _bot.TextAsync(alex, "hello?");

        Assert.Equal(Copy.NotPaired("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Text_InAGroup_IsIgnored()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        _bot.ClearOutbox();

        await _bot.TextInGroupAsync(alex, "lunch anyone?");

        Assert.Empty(_bot.Messages);
        Assert.Empty(_bot.OpenRound(alex)!.Answers);
    }

    [Fact]
    public async Task CheckIn_FromAGroup_AsksPrivatelyAndSaysSoInTheGroup()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendInGroupAsync(alex, "/checkin");

        var inGroup = Assert.Single(_bot.Messages, m => m.To == CoreHarness.Group);
        Assert.Equal(Copy.CheckInStartedHere("Alex"), inGroup.Text);
        Assert.Single(_bot.MessagesTo(alex));
        Assert.Single(_bot.MessagesTo(bea));
    }

    [Fact]
    public async Task Reveal_WithAHome_GoesToTheHomeGroupAndTheFinisherHearsPrivately()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendInGroupAsync(alex, "/home");
        await _bot.PressInGroupAsync(bea, _bot.Messages[^1].Choices[0][0].Payload);
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "A one", "A two", "A three");
        await _bot.AnswerAsync(bea, "B one", "B two");
        _bot.ClearOutbox();

        await _bot.TextAsync(bea, "B three");

        var reveal = Assert.Single(_bot.Messages, m => m.Text.Contains("A one", StringComparison.Ordinal));
        Assert.Equal(CoreHarness.Group, reveal.To);
        Assert.Contains("Alex: A one\nBea: B one", reveal.Text, StringComparison.Ordinal);
        Assert.Equal([Copy.RevealedInHome("Bea")], _bot.TextsTo(bea));
        Assert.Empty(_bot.MessagesTo(alex));
    }
}
