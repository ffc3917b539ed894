using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class DeckCatalogTests
{
    private static readonly DeckCatalog Catalog = DeckCatalog.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_HasAtLeastFiveDecksAndSixtyQuestions()
    {
        var decks = Catalog.Decks;

        Assert.True(decks.Count >= 5, $"Only {decks.Count} decks.");
        Assert.True(decks.Sum(d => d.Questions.Count) >= 60, "Fewer than 60 questions.");
    }

    [Fact]
    public void LoadEmbedded_DeckAndQuestionIdsAreUnique()
    {
        var deckIds = Catalog.Decks.Select(d => d.Id).ToList();
        var questionIds = Catalog.Decks.SelectMany(d => d.Questions).Select(q => q.Id).ToList();

        Assert.Equal(deckIds.Count, deckIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(questionIds.Count, questionIds.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void LoadEmbedded_EveryDeckAndQuestionIsFilledIn()
    {
        var decks = Catalog.Decks;

        Assert.All(decks, deck =>
        {
            Assert.False(string.IsNullOrWhiteSpace(deck.Id));
            Assert.False(string.IsNullOrWhiteSpace(deck.Name));
            Assert.False(string.IsNullOrWhiteSpace(deck.Description));
            Assert.NotEmpty(deck.Questions);
            Assert.All(deck.Questions, q =>
            {
                Assert.False(string.IsNullOrWhiteSpace(q.Id));
                Assert.False(string.IsNullOrWhiteSpace(q.Text));
                Assert.True(Enum.IsDefined(q.Depth), $"Question {q.Id} has no depth.");
            });
        });
    }

    [Fact]
    public void LoadEmbedded_DeckButtonPayloadsFitThePlatformLimit()
    {
        var decks = Catalog.Decks;

        Assert.All(decks, deck => Assert.True(System.Text.Encoding.UTF8.GetByteCount("deck:" + deck.Id) <= 64));
    }

    [Theory]
    [InlineData("date-night")]
    [InlineData("date night")]
    [InlineData("Date-Night")]
    [InlineData("DATE")]
    public void Find_MatchesIdOrNameIgnoringCaseSpacesAndDashes(string typed)
    {
        var deck = Catalog.Find(typed);

        Assert.NotNull(deck);
        Assert.Equal("date-night", deck.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--")]
    [InlineData("karaoke")]
    public void Find_WithUnknownName_ReturnsNull(string typed)
    {
        var deck = Catalog.Find(typed);

        Assert.Null(deck);
    }

    [Fact]
    public void Constructor_WithDuplicateQuestionIds_Throws()
    {
        var one = new Deck("a", "A", "First", [new Question("q-1", "Why?", QuestionDepth.Light)]);
        var two = new Deck("b", "B", "Second", [new Question("q-1", "How?", QuestionDepth.Deep)]);

        Assert.Throws<InvalidOperationException>(() => new DeckCatalog([one, two]));
    }
}
