using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class DeckTests
{
    private readonly CoreHarness _bot = new();

    private Deck DateNight => _bot.Catalog.Find("date-night")!;

    [Fact]
    public async Task Decks_ListsAllFiveDecksWithAButtonEach()
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, "/decks");

        var reply = _bot.LastMessageTo(alex);
        Assert.Equal(5, _bot.Catalog.Decks.Count);
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
        Assert.Equal(5, reply.Choices.SelectMany(row => row).Count());
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
        Assert.Equal(5, _bot.LastMessageTo(alex).Choices.SelectMany(row => row).Count());
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

    private async Task<string> DrawAndCloseAsync(TestUser alex, TestUser bea)
    {
        await _bot.SendAsync(alex, "/question date night");
        var round = _bot.OpenRound(alex);
        Assert.NotNull(round);
        await _bot.SendAsync(alex, "/skip");
        await _bot.SendAsync(bea, "/skip");
        Assert.Null(_bot.OpenRound(alex));
        return round.Questions[0].QuestionId!;
    }
}
