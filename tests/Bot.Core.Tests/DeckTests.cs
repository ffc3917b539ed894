using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class DeckTests
{
    private readonly CoreHarness _bot = new();

    private Deck DateNight => _bot.Catalog.Find("date-night")!;

    [Fact]
    public async Task Decks_ListsEveryDeckWithAButtonEach()
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, "/decks");

        var reply = _bot.LastMessageTo(alex);
        Assert.All(_bot.Catalog.Decks, deck =>
        {
            var count = deck.Questions.Count;
            Assert.Contains(
                $"• {deck.Name} ({deck.Id}): {deck.Description} {count} of {count} left.",
                reply.Text,
                StringComparison.Ordinal);
        });
        Assert.Equal(
            _bot.Catalog.Decks.Select(d => $"deck:{d.Id}"),
            reply.Choices.SelectMany(row => row).Select(c => c.Payload));
    }

    [Fact]
    public async Task Question_WithoutDeck_OffersDeckButtons()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/question");

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal(Copy.PickDeck("Alex"), reply.Text);
        Assert.Equal(_bot.Catalog.Decks.Count, reply.Choices.SelectMany(row => row).Count());
        Assert.Empty(_bot.Store.Rounds.All);
    }

    [Fact]
    public async Task Question_WithDeckName_AsksBothPartnersAQuestionFromThatDeck()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/question date night");

        var round = _bot.OpenRound(alex);
        Assert.NotNull(round);
        Assert.Equal(RoundKind.Deck, round.Kind);
        Assert.Equal("date-night", round.DeckId);
        var question = Assert.Single(round.Questions);
        Assert.Contains(DateNight.Questions, q => q.Id == question.QuestionId && q.Text == question.Text);
        foreach (var person in new[] { alex, bea })
        {
            var text = Assert.Single(_bot.TextsTo(person));
            Assert.Contains($"from the {DateNight.Name} deck", text, StringComparison.Ordinal);
            Assert.EndsWith($"\n\n{question.Text}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Question_DrawsTheQuestionTheRandomSourceChooses()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.Random.Script(3);

        await _bot.SendAsync(alex, "/question date night");

        var question = Assert.Single(_bot.OpenRound(alex)!.Questions);
        Assert.Equal(DateNight.Questions[3].Id, question.QuestionId);
        Assert.Equal(DateNight.Questions.Count, _bot.Random.Asked[^1]);
    }

    [Fact]
    public async Task DeckButton_DrawsFromThatDeck()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.PressAsync(alex, "deck:dreams");

        Assert.Equal("dreams", _bot.OpenRound(alex)?.DeckId);
    }

    [Fact]
    public async Task Question_DrawsEveryQuestionOnceBeforeStartingOver()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var drawn = new List<string>();

        for (var i = 0; i < DateNight.Questions.Count; i++)
        {
            drawn.Add(await DrawAndCloseAsync(alex, bea));
        }

        _bot.ClearOutbox();
        var again = await DrawAndCloseAsync(alex, bea);

        Assert.Equal(DateNight.Questions.Select(q => q.Id).Order(), drawn.Order());
        Assert.Contains(Copy.DeckStartsOver("Alex", DateNight.Name), _bot.TextsTo(alex));
        Assert.Contains(again, drawn);
        Assert.DoesNotContain(_bot.TextsTo(bea), t => t.Contains("starting over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decks_AfterADraw_CountsWhatIsLeft()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await DrawAndCloseAsync(alex, bea);

        await _bot.SendAsync(bea, "/decks");

        var count = DateNight.Questions.Count;
        Assert.Contains($"({DateNight.Id}): {DateNight.Description} {count - 1} of {count} left.", _bot.LastTextTo(bea),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WithUnknownDeck_ListsTheDecksAndDrawsNothing()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/question karaoke");

        Assert.Equal(Copy.DeckUnknown("Alex", "karaoke", _bot.Catalog.Decks), _bot.LastTextTo(alex));
        Assert.Equal(_bot.Catalog.Decks.Count, _bot.LastMessageTo(alex).Choices.SelectMany(row => row).Count());
        Assert.Empty(_bot.Store.Rounds.All);
    }

    [Fact]
    public async Task Question_WhileARoundIsOpen_ReportsItAndDrawsNothing()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");

        await _bot.SendAsync(alex, "/question dreams");

        Assert.StartsWith("Alex, a check-in is already open", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Single(_bot.Store.Rounds.All);
    }

    [Fact]
    public async Task DeckRound_RevealsBothAnswersOnceBothReplied()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/question our story");
        var question = _bot.OpenRound(alex)!.Questions[0].Text;

        await _bot.TextAsync(bea, "Bea's memory");
        var beforeAlex = _bot.Messages.Count(m => m.Text.Contains("memory", StringComparison.Ordinal));
        await _bot.TextAsync(alex, "Alex's memory");

        Assert.Equal(0, beforeAlex);
        var reveal = _bot.LastTextTo(bea);
        Assert.Equal(reveal, _bot.LastTextTo(alex));
        Assert.Contains($"\n{question}\nAlex: Alex's memory\nBea: Bea's memory\n", reveal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_FromTheDeepeningSeries_DrawsLightToDeepInFileOrderThenStartsOver()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var series = _bot.Catalog.Find("deepening")!;
        var drawn = new List<string>();

        for (var i = 0; i < series.Questions.Count; i++)
        {
            drawn.Add(await DrawAndCloseAsync(alex, bea, "deepening"));
        }

        var again = await DrawAndCloseAsync(alex, bea, "deepening");

        var depths = drawn.Select(id => series.Questions.Single(q => q.Id == id).Depth).ToList();
        Assert.True(series.IsOrdered);
        Assert.Equal(series.Questions.Select(q => q.Id), drawn);
        Assert.Equal(depths.Order(), depths);
        Assert.Equal([QuestionDepth.Light, QuestionDepth.Medium, QuestionDepth.Deep], depths.Distinct());
        Assert.Contains(Copy.DeckStartsOver("Alex", series.Name), _bot.TextsTo(alex));
        Assert.Equal(drawn[0], again);
    }

    [Fact]
    public async Task Question_FromAnOrderedDeck_TakesLighterQuestionsFirstAndKeepsFileOrderWithinADepth()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        Deck steps = new("steps", "Steps", "One after another.",
        [
            new Question("steps-deep", "A deep one?", QuestionDepth.Deep),
            new Question("steps-light-1", "A first light one?", QuestionDepth.Light),
            new Question("steps-medium", "A medium one?", QuestionDepth.Medium),
            new Question("steps-light-2", "A second light one?", QuestionDepth.Light),
        ], IsOrdered: true);
        var decks = new DeckService(
            new DeckCatalog([steps]), _bot.Store.Ledger, _bot.Rounds, _bot.Messenger, _bot.Random, _bot.Clock);
        var drawn = new List<string>();

        for (var i = 0; i < steps.Questions.Count; i++)
        {
            drawn.Add(await DrawAndCloseAsync(decks, alex, bea, "steps"));
        }

        Assert.Equal(["steps-light-1", "steps-light-2", "steps-medium", "steps-deep"], drawn);
    }

    private async Task<string> DrawAndCloseAsync(TestUser alex, TestUser bea, string deck = "date night")
    {
        await _bot.SendAsync(alex, $"/question {deck}");
        return await SkipBothAsync(alex, bea);
    }

    /// <summary>Draws through a service of our own, as the engine would for "/question deck" from Alex.</summary>
    private async Task<string> DrawAndCloseAsync(DeckService decks, TestUser alex, TestUser bea, string deck)
    {
        var couple = _bot.ActiveCouple(alex)!;
        var command = new CommandReceived(alex.User, alex.Name, alex.PrivateChat, true, "question", deck);
        var conversation = new Conversation(command, _bot.Stored(alex), couple, _bot.Stored(bea));
        await decks.QuestionAsync(conversation, couple, deck, CancellationToken.None);
        return await SkipBothAsync(alex, bea);
    }

    private async Task<string> SkipBothAsync(TestUser alex, TestUser bea)
    {
        var round = _bot.OpenRound(alex);
        Assert.NotNull(round);
        await _bot.SendAsync(alex, "/skip");
        await _bot.SendAsync(bea, "/skip");
        Assert.Null(_bot.OpenRound(alex));
        return round.Questions[0].QuestionId!;
    }
}
