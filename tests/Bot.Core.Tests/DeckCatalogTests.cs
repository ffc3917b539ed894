using System.Globalization;
using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class DeckCatalogTests
{
    private static readonly DeckCatalog Catalog = DeckCatalog.LoadEmbedded();

    private static IEnumerable<Question> AllQuestions => Catalog.Decks.SelectMany(d => d.Questions);

    [Fact]
    public void LoadEmbedded_HasAtLeastEightDecksAndOneHundredFiftyQuestions()
    {
        var decks = Catalog.Decks;

        Assert.True(decks.Count >= 8, $"Only {decks.Count} decks.");
        Assert.True(AllQuestions.Count() >= 150, $"Only {AllQuestions.Count()} questions.");
    }

    [Fact]
    public void LoadEmbedded_HasEveryDeckCouplesAskedFor()
    {
        string[] wanted =
        [
            "weekly", "date-night", "dreams", "our-story", "growing-up", "needs", "repair", "play", "appreciation",
            "deepening",
        ];

        var ids = Catalog.Decks.Select(d => d.Id).ToList();

        Assert.All(wanted, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void LoadEmbedded_KeepsEveryQuestionIdThatLedgersMayAlreadyHold()
    {
        string[] decks = ["appreciation", "date-night", "dreams", "our-story", "weekly"];

        var missing = decks
            .SelectMany(deck => Enumerable.Range(1, 16).Select(n => (Deck: deck, Id: $"{deck}-{n:00}")))
            .Where(x => Catalog.Find(x.Deck)?.Questions.Any(q => q.Id == x.Id) != true)
            .Select(x => x.Id)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void LoadEmbedded_UsesEveryDepth()
    {
        var depths = AllQuestions.Select(q => q.Depth).Distinct().Order();

        Assert.Equal([QuestionDepth.Light, QuestionDepth.Medium, QuestionDepth.Deep], depths);
    }

    [Fact]
    public void LoadEmbedded_QuestionsAreShortPlainText()
    {
        var questions = AllQuestions.ToList();

        Assert.All(questions, q =>
        {
            Assert.InRange(q.Text.Length, 10, 200);
            Assert.Equal(q.Text.Trim(), q.Text);
            Assert.DoesNotContain(q.Text, c => c is '*' or '_' or '`' or '#' or '[' or ']' or '<' or '>');
            Assert.DoesNotContain(q.Text, c => char.IsSurrogate(c)
                || char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.Control);
        });
    }

    [Fact]
    public void LoadEmbedded_NoTwoQuestionsShareAText()
    {
        var texts = AllQuestions.Select(q => q.Text.Trim().ToUpperInvariant()).ToList();

        var repeated = texts.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void LoadEmbedded_WeeklyDeckHasAtLeastFiveVariantsOfEachRitualTheme()
    {
        var weekly = Catalog.Weekly;

        Assert.NotNull(weekly);
        Assert.All(RitualTheme.InOrder, theme =>
        {
            var variants = weekly.Questions.Count(q => q.Theme == theme);
            Assert.True(variants >= 5, $"Only {variants} variants of '{theme}'.");
        });
        Assert.Contains(weekly.Questions, q => q.Theme is null);
    }

    [Fact]
    public void LoadEmbedded_ThemesAreRitualThemesOnTheWeeklyDeckOnly()
    {
        var themed = Catalog.Decks.SelectMany(d => d.Questions
            .Where(q => q.Theme is not null)
            .Select(q => (DeckId: d.Id, q.Theme)));

        Assert.All(themed, x =>
        {
            Assert.Equal(DeckCatalog.WeeklyDeckId, x.DeckId);
            Assert.Contains(x.Theme, RitualTheme.InOrder);
        });
    }

    [Fact]
    public void LoadEmbedded_OnlyTheDeepeningSeriesIsOrdered()
    {
        var ordered = Catalog.Decks.Where(d => d.IsOrdered).Select(d => d.Id);

        Assert.Equal(["deepening"], ordered);
    }

    [Fact]
    public void Deck_WithoutOrderOrTheme_IsRandomAndThemeless()
    {
        var deck = new Deck("a", "A", "First", [new Question("q-1", "Why?", QuestionDepth.Light)]);

        Assert.False(deck.IsOrdered);
        Assert.Null(deck.Questions[0].Theme);
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
    [InlineData("d")]
    public void Find_WithUnknownOrAmbiguousName_ReturnsNull(string typed)
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
