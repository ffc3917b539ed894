using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class QuestionSimilarityTests
{
    [Theory]
    [InlineData("What is your favourite memory of us?", "what is your favourite memory of us")]
    [InlineData("What is your favourite memory of us?", "What's your favorite memory of the two of us?")]
    [InlineData("What's your favourite memory of us?", "Your favourite memories of us?")]
    [InlineData("Where would you like to travel together next year?", "Where would you like to travel next year?")]
    [InlineData("If we could live anywhere, where would it be?", "if we could live anywhere — where would that be??")]
    [InlineData("What do you love most about our mornings?", "What do you love about our mornings the most?")]
    [InlineData("Was ist deine schönste Erinnerung an uns?", "Was ist deine schönste Erinnerung an uns beide?")]
    [InlineData("Was ist deine schönste Erinnerung an uns?", "was ist deine schonste erinnerung an uns")]
    [InlineData("Какое твоё самое любимое воспоминание о нас?", "Какое твое самое любимое воспоминание о нас")]
    [InlineData("¿Cuál es tu recuerdo favorito de nosotros?", "Cual es tu recuerdo favorito de nosotros")]
    [InlineData("What do you want?", "what do you want")]
    [InlineData("Which song reminds you of us?", "Which songs remind you of us?")]
    public void Score_OfRewordingsOfOneQuestion_IsAtLeastTheThreshold(string a, string b)
    {
        var score = QuestionSimilarity.Score(a, b);

        Assert.True(QuestionSimilarity.IsNearDuplicate(a, b), $"{score:0.00}: \"{a}\" vs \"{b}\"");
        Assert.True(QuestionSimilarity.IsNearDuplicate(b, a), "the score is symmetric");
    }

    [Theory]
    [InlineData("What is your favourite memory of us?", "What is your favourite food?")]
    [InlineData("Where would you like to travel together next year?", "What would you like to learn next year?")]
    [InlineData("What do you love most about our mornings?", "What do you find hard about our evenings?")]
    [InlineData("When did you last feel really seen by me?", "What is a small thing I do that makes you smile?")]
    [InlineData("Was ist deine schönste Erinnerung an uns?", "Wovon träumst du für nächstes Jahr?")]
    [InlineData("Какое твоё самое любимое воспоминание о нас?", "Куда ты хочешь поехать летом?")]
    [InlineData("What do you want?", "What do you need?")]
    [InlineData("What is your favourite memory of us?", "")]
    public void Score_OfDifferentQuestions_IsBelowTheThreshold(string a, string b)
    {
        var score = QuestionSimilarity.Score(a, b);

        Assert.False(QuestionSimilarity.IsNearDuplicate(a, b), $"{score:0.00}: \"{a}\" vs \"{b}\"");
    }

    [Fact]
    public void Score_OfTheSameText_IsOne_AndOfNothingShared_IsZero()
    {
        Assert.Equal(1, QuestionSimilarity.Score("How was your day?", "How was your day?"));
        Assert.Equal(0, QuestionSimilarity.Score("Favourite song?", "Dream holiday?"));
    }

    [Fact]
    public void Words_FoldsCaseAccentsAndPunctuation_AndDropsOneLetterWords()
    {
        var words = QuestionSimilarity.Words("  Qu'est-ce que TU préfères… à Noël?! ");

        Assert.Equal(["qu", "est", "ce", "que", "tu", "preferes", "noel"], words);
    }
}
