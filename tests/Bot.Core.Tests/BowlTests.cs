using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class BowlTests
{
    private const string Laugh = "What made you laugh this week?";
    private const string Trip = "Where should our next little trip go?";
    private const string Song = "Which song reminds you of us?";

    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task Add_PutsTheQuestionInTheBowl_AndTellsThePartnerWithoutSayingWhatItIs()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/bowl add " + Laugh);

        Assert.Equal(Copy.BowlAdded("Alex", 1, 1, null), _bot.LastTextTo(alex));
        Assert.Equal([Copy.BowlPartnerAdded("Bea", "Alex")], _bot.TextsTo(bea));
        var stored = Assert.Single(_bot.Store.Bowl.All);
        Assert.Equal((Laugh, _bot.Stored(alex).Id, false), (stored.Text, stored.AddedById, stored.IsDrawn));
    }

    [Fact]
    public async Task Add_CountsEveryWaitingQuestion_FromBothPartners()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);

        await _bot.SendAsync(bea, "/bowl add " + Trip);
        await _bot.SendAsync(bea, "/bowl add " + Song);

        Assert.Equal(Copy.BowlAdded("Bea", 3, 2, null), _bot.LastTextTo(bea));
        Assert.Contains("There are 3 questions in the bowl now.", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsOnlyMyWaitingQuestions_AndJustACountOfThePartners()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        await _bot.SendAsync(alex, "/bowl add " + Trip);
        await _bot.SendAsync(bea, "/bowl add " + Song);

        await _bot.SendAsync(alex, "/bowl");
        await _bot.SendAsync(bea, "/bowl list");

        var alexList = _bot.LastTextTo(alex);
        Assert.Contains($"1. {Laugh}\n2. {Trip}", alexList, StringComparison.Ordinal);
        Assert.Contains("Bea has 1 waiting too", alexList, StringComparison.Ordinal);
        Assert.DoesNotContain(Song, alexList, StringComparison.Ordinal);
        Assert.Equal(Copy.BowlList("Bea", "Alex", [Song], 2), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task WaitingQuestions_NeverReachThePartner()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        await _bot.SendAsync(alex, "/bowl add " + Laugh.ToUpperInvariant());
        await _bot.SendAsync(bea, "/bowl add what made u laugh this week");
        await _bot.SendAsync(bea, "/bowl");
        await _bot.SendAsync(bea, "/bowl remove 2");

        Assert.All(_bot.TextsTo(bea), text => Assert.DoesNotContain(Laugh, text, StringComparison.OrdinalIgnoreCase));
        Assert.All(_bot.Messages.Where(m => m.Text.Contains(Laugh, StringComparison.Ordinal)),
            m => Assert.Equal(alex.PrivateChat, m.To));
    }

    [Fact]
    public async Task List_WithNothingOfMine_SaysSoKindly()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/bowl");

        Assert.Equal(Copy.BowlList("Alex", "Bea", [], 0), _bot.LastTextTo(alex));
        Assert.Contains("no questions waiting", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_TakesOutMyQuestionByItsNumber()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        await _bot.SendAsync(alex, "/bowl add " + Trip);
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/bowl remove 1");
        await _bot.SendAsync(alex, "/bowl");

        Assert.Equal(Copy.BowlRemoved("Alex", Laugh), _bot.TextsTo(alex)[0]);
        Assert.Equal(Copy.BowlList("Alex", "Bea", [Trip], 0), _bot.LastTextTo(alex));
        Assert.Equal([Trip], _bot.Store.Bowl.All.Select(q => q.Text));
        Assert.Empty(_bot.TextsTo(bea));
    }

    [Theory]
    [InlineData("/bowl remove 3")]
    [InlineData("/bowl remove 0")]
    [InlineData("/bowl remove two")]
    [InlineData("/bowl remove")]
    public async Task Remove_WithANumberNotOnMyList_ExplainsTheRange(string line)
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        await _bot.SendAsync(alex, "/bowl add " + Trip);

        await _bot.SendAsync(alex, line);

        Assert.Equal(Copy.BowlNoSuchQuestion("Alex", "Bea", 2), _bot.LastTextTo(alex));
        Assert.Equal(2, _bot.Store.Bowl.All.Count);
    }

    [Fact]
    public async Task Remove_CannotTakeOutThePartnersQuestion()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/bowl add " + Song);

        await _bot.SendAsync(alex, "/bowl remove 1");

        Assert.Equal(Copy.BowlNoSuchQuestion("Alex", "Bea", 0), _bot.LastTextTo(alex));
        Assert.Single(_bot.Store.Bowl.All);
    }

    [Fact]
    public async Task BadInput_GetsAClearReply_AndStoresNothing()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/bowl add");
        await _bot.SendAsync(alex, "/bowl add    ");
        await _bot.SendAsync(alex, "/bowl add " + new string('?', BowlService.MaxQuestionLength + 1));
        await _bot.SendAsync(alex, "/bowl juggle");

        Assert.Equal(
            [
                Copy.BowlAddHelp("Alex"), Copy.BowlAddHelp("Alex"),
                Copy.BowlQuestionTooLong("Alex", BowlService.MaxQuestionLength + 1, BowlService.MaxQuestionLength),
                Copy.BowlHelp("Alex"),
            ],
            _bot.TextsTo(alex));
        Assert.Empty(_bot.Store.Bowl.All);
        Assert.Empty(_bot.TextsTo(bea));
    }

    [Fact]
    public async Task Add_OfAQuestionOfExactlyTheMaximumLength_IsKept()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/bowl add " + new string('q', BowlService.MaxQuestionLength));

        Assert.Single(_bot.Store.Bowl.All);
    }

    [Fact]
    public async Task Add_BeyondThePerPersonCap_IsRefused_ButThePartnerCanStillAdd()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        for (var i = 0; i < BowlService.MaxWaitingPerPerson; i++)
        {
            await _bot.SendAsync(alex, $"/bowl add Question number {i}?");
        }

        await _bot.SendAsync(alex, "/bowl add One more?");
        var refusal = _bot.LastTextTo(alex);
        await _bot.SendAsync(bea, "/bowl add " + Song);

        Assert.Equal(Copy.BowlFull("Alex", BowlService.MaxWaitingPerPerson), refusal);
        Assert.Equal(BowlService.MaxWaitingPerPerson + 1, _bot.Store.Bowl.All.Count);
        Assert.StartsWith("Dropped in, Bea", _bot.TextsTo(bea)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bowl_InAGroup_AsksToUseThePrivateChat_AndNeverEchoesTheQuestion()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendInGroupAsync(alex, "/bowl add " + Laugh);

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal((CoreHarness.Group, Copy.PrivateOnly("Alex")), (reply.To, reply.Text));
        Assert.Empty(_bot.Store.Bowl.All);
    }

    [Theory]
    [InlineData("/bowl add " + Laugh)]
    [InlineData("/draw")]
    public async Task BowlAndDraw_WhenNotPaired_PointToPairing(string line)
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, line);

        Assert.Equal(Copy.NotPaired("Alex"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.Store.Bowl.All);
    }

    [Fact]
    public async Task Draw_TakesTheWaitingQuestionTheRandomSourceChooses()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        await _bot.SendAsync(bea, "/bowl add " + Trip);
        await _bot.SendAsync(bea, "/bowl add " + Song);
        _bot.Random.Script(1);

        await _bot.SendAsync(alex, "/draw");

        Assert.Equal(Trip, Assert.Single(_bot.OpenRound(alex)!.Questions).Text);
        Assert.Equal([Trip], _bot.Store.Bowl.All.Where(q => q.IsDrawn).Select(q => q.Text));
    }

    [Fact]
    public async Task Draw_OpensABlindRoundWithTheBowlQuestion_AndRevealsOnceBothAnswered()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/draw");

        var round = _bot.OpenRound(alex);
        Assert.NotNull(round);
        Assert.Equal((RoundKind.Bowl, (string?)null), (round.Kind, round.DeckId));
        var question = Assert.Single(round.Questions);
        var drawn = Assert.Single(_bot.Store.Bowl.All);
        Assert.Equal((Laugh, RoundService.BowlQuestionId(drawn.Id)), (question.Text, question.QuestionId));
        Assert.True(drawn.IsDrawn);
        Assert.StartsWith(Copy.BowlQuestionOpened("Alex", "Bea", isMine: true), _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.StartsWith(Copy.BowlQuestionOpened("Bea", "Alex", isMine: false), _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.All(new[] { alex, bea }, p => Assert.EndsWith(Laugh, _bot.LastTextTo(p), StringComparison.Ordinal));

        await _bot.TextAsync(alex, "Your penguin impression");
        Assert.DoesNotContain(_bot.TextsTo(bea), t => t.Contains("penguin", StringComparison.Ordinal));
        await _bot.TextAsync(bea, "The cat and the curtain");

        Assert.Null(_bot.OpenRound(alex));
        var reveal = _bot.LastTextTo(bea);
        Assert.Equal(reveal, _bot.LastTextTo(alex));
        Assert.Contains($"{Laugh}\nAlex: Your penguin impression\nBea: The cat and the curtain", reveal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draw_NeverRepeatsABowlQuestion_AndSaysWhenTheBowlIsEmpty()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        await _bot.SendAsync(bea, "/bowl add " + Trip);
        await _bot.SendAsync(bea, "/bowl add " + Song);
        var asked = new List<string>();

        for (var i = 0; i < 3; i++)
        {
            await _bot.SendAsync(i % 2 == 0 ? alex : bea, "/draw");
            asked.Add(Assert.Single(_bot.OpenRound(alex)!.Questions).Text);
            await _bot.AnswerAsync(alex, "yes");
            await _bot.AnswerAsync(bea, "yes");
        }

        _bot.ClearOutbox();
        await _bot.SendAsync(alex, "/draw");

        Assert.Equal(new[] { Laugh, Song, Trip }.Order(StringComparer.Ordinal), asked.Order(StringComparer.Ordinal));
        Assert.All(_bot.Store.Bowl.All, q => Assert.True(q.IsDrawn));
        Assert.Null(_bot.OpenRound(alex));
        var empty = Assert.Single(_bot.Messages);
        Assert.Equal(Copy.BowlEmpty("Alex"), empty.Text);
        Assert.Equal(_bot.Catalog.Decks.Select(d => $"deck:{d.Id}"), empty.Choices.SelectMany(r => r).Select(c => c.Payload));
    }

    [Fact]
    public async Task Draw_FromAnEmptyBowl_ThenADeckButton_DrawsFromThatDeck()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/draw");

        await _bot.PressAsync(alex, "deck:play");

        var round = _bot.OpenRound(alex);
        Assert.NotNull(round);
        Assert.Equal((RoundKind.Deck, "play"), (round.Kind, round.DeckId));
    }

    [Fact]
    public async Task Draw_WithADeck_DrawsFromThatDeck_AndLeavesTheBowlAlone()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);

        await _bot.SendAsync(alex, "/draw date night");

        var round = _bot.OpenRound(alex);
        Assert.NotNull(round);
        Assert.Equal((RoundKind.Deck, "date-night"), (round.Kind, round.DeckId));
        Assert.False(Assert.Single(_bot.Store.Bowl.All).IsDrawn);
        Assert.Contains(_bot.Catalog.Find("date-night")!.Questions, q => q.Id == round.Questions[0].QuestionId);
    }

    [Fact]
    public async Task Draw_WithAnUnknownDeck_NamesTheDecks()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/draw jellybeans");

        Assert.Equal(Copy.DeckUnknown("Alex", "jellybeans", _bot.Catalog.Decks), _bot.LastTextTo(alex));
        Assert.Empty(_bot.Store.Rounds.All);
    }

    [Fact]
    public async Task Draw_WhileARoundIsOpen_SaysWhereItStands_AndKeepsTheQuestionInTheBowl()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        await _bot.SendAsync(alex, "/checkin");
        var open = _bot.OpenRound(alex)!;

        await _bot.SendAsync(alex, "/draw");

        Assert.Equal(Copy.RoundStanding("Alex", "Bea", open, _bot.Stored(alex).Id, _bot.Stored(bea).Id), _bot.LastTextTo(alex));
        Assert.Equal(open.Id, _bot.OpenRound(alex)!.Id);
        Assert.False(Assert.Single(_bot.Store.Bowl.All).IsDrawn);
    }

    [Fact]
    public async Task Draw_InAGroup_ConfirmsThere_AndAsksInPrivate()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/bowl add " + Trip);
        _bot.ClearOutbox();

        await _bot.SendInGroupAsync(alex, "/draw");

        var inGroup = Assert.Single(_bot.Messages, m => m.To == CoreHarness.Group);
        Assert.Equal(Copy.DrawStarted("Alex"), inGroup.Text);
        Assert.EndsWith(Trip, _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.EndsWith(Trip, _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draw_WithAHome_AnnouncesItThereWithoutTheQuestion_AndTheRevealGoesThere()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendInGroupAsync(alex, "/home");
        await _bot.PressInGroupAsync(bea, _bot.Messages[^1].Choices[0][0].Payload);
        await _bot.SendAsync(bea, "/bowl add " + Trip);
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/draw");
        var inGroup = _bot.Messages.Where(m => m.To == CoreHarness.Group).Select(m => m.Text).ToList();
        await _bot.AnswerAsync(alex, "the coast");
        await _bot.AnswerAsync(bea, "the mountains");

        Assert.Equal([Copy.HomeBowlQuestionDrawn("Alex", "Bea")], inGroup);
        var reveal = _bot.Messages.Last(m => m.To == CoreHarness.Group);
        Assert.Contains($"{Trip}\nAlex: the coast\nBea: the mountains", reveal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_CloseToOneOfMyWaitingQuestions_AddsItWithAHeadsUpAndItsNumber()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Trip);
        await _bot.SendAsync(alex, "/bowl add " + Laugh);

        await _bot.SendAsync(alex, "/bowl add what made you LAUGH this week");

        Assert.Equal(
            Copy.BowlAdded("Alex", 3, 3, new BowlMatch.Yours(Laugh, 2)),
            _bot.LastTextTo(alex));
        Assert.Contains($"Heads-up: this is close to your number 2, \"{Laugh}\"", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Contains("/bowl remove 3", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Equal(3, _bot.Store.Bowl.All.Count);
    }

    [Fact]
    public async Task Add_CloseToThePartnersWaitingQuestion_SaysNothingThatCouldGiveItAway()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/bowl add " + Laugh);

        await _bot.SendAsync(alex, "/bowl add What made you laugh most this week?");

        var reply = _bot.LastTextTo(alex);
        Assert.Equal(Copy.BowlAdded("Alex", 2, 1, null), reply);
        Assert.DoesNotContain("Heads-up", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_CloseToABowlQuestionAskedBefore_QuotesItWithTheDay()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/bowl add " + Song);
        await _bot.SendAsync(alex, "/draw");
        await _bot.AnswerAsync(alex, "ours");
        await _bot.AnswerAsync(bea, "ours too");
        _bot.Advance(TimeSpan.FromDays(3));

        await _bot.SendAsync(alex, "/bowl add Which songs remind you of us?");

        var reply = _bot.LastTextTo(alex);
        Assert.True(reply.Contains($"Heads-up: this is close to \"{Song}\", which you had on 2 March 2026.", StringComparison.Ordinal), reply);
        Assert.Contains("/bowl remove 1", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_CloseToADeckQuestionAlreadyDrawn_QuotesItWithItsDeck()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/question play");
        var drawn = _bot.OpenRound(alex)!.Questions[0].Text;
        await _bot.AnswerAsync(alex, "a");
        await _bot.AnswerAsync(bea, "b");

        await _bot.SendAsync(bea, "/bowl add " + drawn.ToUpperInvariant().TrimEnd('?', '.', '!'));

        var deck = _bot.Catalog.Find("play")!;
        Assert.Equal(Copy.BowlAdded("Bea", 1, 1, new BowlMatch.FromDeck(drawn, deck.Name)), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Add_OfADifferentQuestion_HasNoHeadsUp()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/bowl add " + Laugh);
        await _bot.SendAsync(alex, "/bowl add " + Song);

        await _bot.SendAsync(alex, "/bowl add " + Trip);

        Assert.Equal(Copy.BowlAdded("Alex", 3, 2, null), _bot.LastTextTo(alex));
        Assert.DoesNotContain("Heads-up", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_DeletesMyBowlQuestions_WaitingAndDrawn_AndKeepsThePartners()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + Laugh);
        await _bot.SendAsync(alex, "/draw");
        await _bot.AnswerAsync(alex, "a");
        await _bot.AnswerAsync(bea, "b");
        await _bot.SendAsync(alex, "/bowl add " + Trip);
        await _bot.SendAsync(bea, "/bowl add " + Song);

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");

        var left = Assert.Single(_bot.Store.Bowl.All);
        Assert.Equal((Song, _bot.Stored(bea).Id), (left.Text, left.AddedById));
    }
}
