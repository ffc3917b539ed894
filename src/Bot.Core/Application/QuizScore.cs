using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>How a finished quiz came out; a count of what each knew, never a grade.</summary>
public static class QuizScore
{
    /// <summary>How many of <paramref name="partnerId"/>'s own answers <paramref name="guesserId"/> guessed right.</summary>
    public static int Known(QuizPlay play, long guesserId, long partnerId)
    {
        ArgumentNullException.ThrowIfNull(play);
        return play.Answers.Count(guess => guess.PersonId == guesserId && guess.Guess is { } g
            && play.AnswerOf(partnerId, guess.Item)?.Choice == g);
    }

    /// <summary>
    /// The love languages a person's answers leaned towards, most chosen first (ties in the catalog's order), with
    /// how often each was chosen; languages never chosen are left out.
    /// </summary>
    public static IReadOnlyList<(LoveLanguage Language, int Count)> Languages(QuizPlay play, Quiz quiz, long personId)
    {
        ArgumentNullException.ThrowIfNull(play);
        ArgumentNullException.ThrowIfNull(quiz);
        return
        [
            .. play.Answers
                .Where(a => a.PersonId == personId && a.Item >= 1 && a.Item <= quiz.Items.Count)
                .Select(a => quiz.Items[a.Item - 1].Options.ElementAtOrDefault(a.Choice - 1)?.Language)
                .OfType<LoveLanguage>()
                .GroupBy(l => l)
                .Select(g => (Language: g.Key, Count: g.Count()))
                .OrderByDescending(x => x.Count)
                .ThenBy(x => x.Language),
        ];
    }

    /// <summary>The language(s) chosen most often: one, or several tied at the top; none without answers.</summary>
    public static IReadOnlyList<LoveLanguage> Top(QuizPlay play, Quiz quiz, long personId)
    {
        var ranked = Languages(play, quiz, personId);
        return ranked.Count == 0 ? [] : [.. ranked.TakeWhile(x => x.Count == ranked[0].Count).Select(x => x.Language)];
    }
}
