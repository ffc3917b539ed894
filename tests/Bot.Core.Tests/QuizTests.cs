using Bot.Core.Application;
using Bot.Core.Application.Buttons;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class QuizTests
{
    private readonly CoreHarness _bot = new();

    private static Quiz Weekend => QuizCatalog.BuiltIn.Find("weekend")!;

    private static Quiz Loved => QuizCatalog.BuiltIn.Find("loved")!;

    /// <summary>The newest quiz step buttons offered to the person.</summary>
    private IReadOnlyList<string> StepPayloadsOf(TestUser user) =>
        [.. _bot.MessagesTo(user).Last(m => m.Choices.SelectMany(r => r).Any(c => IsStep(c.Payload)))
            .Choices.SelectMany(r => r).Select(c => c.Payload)];

    private static bool IsStep(string payload) =>
        payload.StartsWith("quiz:a:", StringComparison.Ordinal) || payload.StartsWith("quiz:g:", StringComparison.Ordinal);

    /// <summary>Taps option <paramref name="option"/> (from 1) of the person's current step.</summary>
    private Task TapAsync(TestUser user, int option) => _bot.PressAsync(user, StepPayloadsOf(user)[option - 1]);

    /// <summary>Plays a "know me" quiz to the end: each item's own answer, then the guess.</summary>
    private async Task PlayKnowMeAsync(TestUser user, int[] own, int[] guesses)
    {
        for (var i = 0; i < own.Length; i++)
        {
            await TapAsync(user, own[i]);
            await TapAsync(user, guesses[i]);
        }
    }

    [Fact]
    public void Catalog_HasTenQuizzesOfTwoKinds_EachWithFiveItemsOfThreeOrFourOptions()
    {
        var quizzes = QuizCatalog.BuiltIn.Quizzes;

        Assert.True(quizzes.Count >= 10);
        Assert.Equal(quizzes.Count, quizzes.Select(q => q.Id).Distinct().Count());
        Assert.Contains(quizzes, q => q.Kind == QuizKind.KnowMe);
        Assert.Contains(quizzes, q => q.Kind == QuizKind.LoveLanguage);
        Assert.All(quizzes, q => Assert.True(q.Items.Count >= 5, q.Id));
        Assert.All(quizzes.SelectMany(q => q.Items), item => Assert.InRange(item.Options.Count, 3, 4));
        Assert.All(quizzes.Where(q => q.Kind == QuizKind.LoveLanguage).SelectMany(q => q.Items).SelectMany(i => i.Options),
            option => Assert.NotNull(option.Language));
        Assert.All(quizzes, q => Assert.True(
            System.Text.Encoding.UTF8.GetByteCount(ButtonCatalog.Quiz.Encode("s", q.Id)) <= 64, q.Id));
    }

    [Fact]
    public async Task Quiz_WithoutAName_ListsEveryQuizWithAButton()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/quiz");

        var list = _bot.LastMessageTo(alex);
        Assert.Equal(
            QuizCatalog.BuiltIn.Quizzes.Select(q => ButtonCatalog.Quiz.Encode("s", q.Id)),
            list.Choices.SelectMany(r => r).Select(c => c.Payload));
    }

    [Fact]
    public async Task KnowMe_IsBlindUntilBothFinished_ThenRevealsToBothWithAWarmScore()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.PressAsync(alex, ButtonCatalog.Quiz.Encode("s", "weekend"));
        Assert.Contains("(1/5) About you", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Contains("(1/5) About you", _bot.LastTextTo(bea), StringComparison.Ordinal);

        await PlayKnowMeAsync(alex, [1, 2, 3, 1, 2], [2, 2, 2, 2, 2]);
        var afterAlex = _bot.Messages.Count;
        Assert.Contains("as soon as Bea has finished", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Messages, m => m.Text.Contains("here are your answers", StringComparison.Ordinal));
        await PlayKnowMeAsync(bea, [2, 2, 2, 2, 2], [1, 2, 3, 3, 3]);

        var reveal = _bot.TextsTo(bea).Single(t => t.Contains("here are your answers", StringComparison.Ordinal));
        Assert.Equal(reveal, _bot.TextsTo(alex).Single(t => t.Contains("here are your answers", StringComparison.Ordinal)));
        // Alex guessed Bea's 2 every time: 5 of 5. Bea knew Alex's first three: 3 of 5.
        Assert.Contains("Together you knew 8 of 10 of each other's answers", reveal, StringComparison.Ordinal);
        Assert.Contains("Alex knew 5 of Bea's 5, Bea knew 3 of Alex's 5", reveal, StringComparison.Ordinal);
        Assert.Contains("• Alex: sleep in as long as I can (Bea guessed it ✓)", reveal, StringComparison.Ordinal);
        Assert.True(afterAlex < _bot.Messages.Count);
        Assert.Equal(QuizPlayState.Revealed, Assert.Single(_bot.Store.Quizzes.All).State);
    }

    [Fact]
    public async Task KnowMe_WithFewGuessesRight_IsWarmNeverAGrade()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/quiz weekend");

        await PlayKnowMeAsync(alex, [1, 1, 1, 1, 1], [3, 3, 3, 3, 3]);
        await PlayKnowMeAsync(bea, [1, 1, 1, 1, 1], [2, 2, 2, 2, 2]);

        var reveal = _bot.TextsTo(alex).Single(t => t.Contains("here are your answers", StringComparison.Ordinal));
        Assert.Contains("Together you knew 0 of 10", reveal, StringComparison.Ordinal);
        Assert.Contains("always more to discover", reveal, StringComparison.Ordinal);
        Assert.DoesNotContain("%", reveal, StringComparison.Ordinal);
        Assert.DoesNotContain("fail", reveal, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Quiz_ByItsTitle_StartsIt_AndAnUnknownNameListsThem()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/quiz nothing like this");
        Assert.StartsWith("I don't have that quiz, Alex.", _bot.LastTextTo(alex), StringComparison.Ordinal);
        await _bot.SendAsync(alex, "/quiz A perfect weekend");

        Assert.Equal("weekend", Assert.Single(_bot.Store.Quizzes.All).QuizId);
    }

    [Fact]
    public async Task AButtonPressedTwice_IsCountedOnce_AndAsksTheCurrentStepAgain()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/quiz weekend");
        var first = StepPayloadsOf(alex);

        await _bot.PressAsync(alex, first[0]);
        await _bot.PressAsync(alex, first[2]);

        Assert.StartsWith(Copy.QuizAlreadyAnswered("Alex"), _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Contains("And now guess", _bot.LastTextTo(alex), StringComparison.Ordinal);
        var answer = Assert.Single(Assert.Single(_bot.Store.Quizzes.All).Answers);
        Assert.Equal((1, 1, (int?)null), (answer.Item, answer.Choice, answer.Guess));
    }

    [Fact]
    public async Task AButtonPressedAfterTheReveal_GetsAFriendlyAnswer_AndChangesNothing()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/quiz weekend");
        var stale = StepPayloadsOf(alex)[0];
        await PlayKnowMeAsync(alex, [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]);
        await PlayKnowMeAsync(bea, [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]);
        _bot.Advance(TimeSpan.FromDays(90));

        await _bot.PressAsync(alex, stale);
        await _bot.PressAsync(alex, "quiz:a:999:1:1");

        Assert.Equal(Copy.QuizAlreadyOver("Alex", Weekend.Title, revealed: true), _bot.TextsTo(alex)[^2]);
        Assert.Equal(Copy.StaleButton("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task ANewQuiz_WhileOneIsOnTheGo_ContinuesTheOpenOne_UnlessItIsDaysOld()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/quiz weekend");

        await _bot.SendAsync(alex, "/quiz comfort");
        Assert.Contains("middle of", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Single(_bot.Store.Quizzes.All);

        _bot.Advance(QuizService.StaleAfter);
        await _bot.SendAsync(alex, "/quiz comfort");

        Assert.Equal([QuizPlayState.SetAside, QuizPlayState.Open], _bot.Store.Quizzes.All.Select(p => p.State));
    }

    [Fact]
    public async Task LoveLanguage_RevealsWhatMakesEachFeelLoved_AndStatusShowsIt()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/quiz loved");

        // Alex: time, time, time, touch, gifts. Bea: words, words, words, words, words.
        foreach (var option in new[] { 2, 3, 2, 1, 1 })
        {
            await TapAsync(alex, option);
        }

        foreach (var option in new[] { 1, 1, 3, 4, 4 })
        {
            await TapAsync(bea, option);
        }

        var reveal = _bot.TextsTo(alex).Single(t => t.Contains("here are your answers", StringComparison.Ordinal));
        Assert.Contains("Alex feels most loved through time together.", reveal, StringComparison.Ordinal);
        Assert.Contains("Bea feels most loved through kind words.", reveal, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed", reveal, StringComparison.Ordinal);

        await _bot.SendAsync(alex, "/status");
        Assert.Contains("Alex, time together; Bea, kind words", _bot.LastTextTo(alex), StringComparison.Ordinal);
        await _bot.SendAsync(bea, "/history");
        Assert.Contains("Quizzes you played", _bot.LastTextTo(bea), StringComparison.Ordinal);
        await _bot.SendAsync(bea, "/export");
        var json = System.Text.Encoding.UTF8.GetString(_bot.LastMessageTo(bea).Attachment!.Content.Span);
        Assert.Contains("\"kind\": \"loveLanguage\"", json, StringComparison.Ordinal);
        Assert.Contains("Alex feels most loved through time together; Bea through kind words", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_CountsGuessesThatMatchThePartnersOwnAnswer()
    {
        var play = new QuizPlay(1, 1, "weekend", 10, QuizPlayState.Revealed, CoreHarness.Start, null,
        [
            new QuizAnswer(1, 10, 1, 1, 2, CoreHarness.Start),
            new QuizAnswer(1, 10, 2, 3, 4, CoreHarness.Start),
            new QuizAnswer(1, 20, 1, 2, 1, CoreHarness.Start),
            new QuizAnswer(1, 20, 2, 1, 1, CoreHarness.Start),
        ]);

        Assert.Equal(1, QuizScore.Known(play, 10, 20));
        Assert.Equal(1, QuizScore.Known(play, 20, 10));
    }

    [Fact]
    public async Task Forget_DeletesTheirQuizAnswers_AndKeepsThePartners()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/quiz weekend");
        await TapAsync(alex, 1);
        await TapAsync(bea, 2);

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");

        var answers = Assert.Single(_bot.Store.Quizzes.All).Answers;
        Assert.Equal([_bot.Stored(bea).Id], answers.Select(a => a.PersonId));
    }

    [Fact]
    public async Task Quiz_DuringACooldown_WaitsKindly()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 30m");

        await _bot.SendAsync(alex, "/quiz weekend");

        Assert.Empty(_bot.Store.Quizzes.All);
    }
}
