namespace Bot.Core.Domain;

/// <summary>The kinds of quiz the couple can play.</summary>
public enum QuizKind
{
    /// <summary>"How well do you know me": each answers about themselves, then guesses the partner's answer.</summary>
    KnowMe = 1,

    /// <summary>What makes each feel loved: every option leans towards one <see cref="LoveLanguage"/>.</summary>
    LoveLanguage = 2,
}

/// <summary>The ways of feeling loved our love-language quizzes listen for (our own naming).</summary>
public enum LoveLanguage
{
    KindWords = 1,
    TimeTogether = 2,
    HelpingHand = 3,
    Closeness = 4,
    LittleGifts = 5,
}

/// <summary>One option of a quiz item; in a love-language quiz it leans towards one language.</summary>
public sealed record QuizOption(string Text, LoveLanguage? Language = null);

/// <summary>One question of a quiz with its 3–4 options, numbered from 1.</summary>
public sealed record QuizItem(string Prompt, IReadOnlyList<QuizOption> Options);

/// <summary>A quiz from the built-in catalog.</summary>
public sealed record Quiz(string Id, QuizKind Kind, string Title, string Blurb, IReadOnlyList<QuizItem> Items)
{
    /// <summary>Whether each partner also guesses the other's answer.</summary>
    public bool HasGuesses => Kind == QuizKind.KnowMe;
}

/// <summary>Where a quiz the couple plays stands.</summary>
public enum QuizPlayState
{
    Open = 1,
    Revealed = 2,

    /// <summary>Left unfinished and put away when a new quiz began; nothing of it was shown.</summary>
    SetAside = 3,
}

/// <summary>
/// One partner's answer to one item: their own choice and, in a "know me" quiz, their guess of the partner's
/// (both option numbers from 1; sealed at rest like words).
/// </summary>
public sealed record QuizAnswer(long PlayId, long PersonId, int Item, int Choice, int? Guess, DateTimeOffset At);

/// <summary>A quiz the couple plays, blind like a round: nothing is shown until both finished.</summary>
public sealed record QuizPlay(
    long Id,
    long CoupleId,
    string QuizId,
    long StartedById,
    QuizPlayState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<QuizAnswer> Answers)
{
    public bool IsOpen => State == QuizPlayState.Open;

    public QuizAnswer? AnswerOf(long personId, int item) =>
        Answers.FirstOrDefault(a => a.PersonId == personId && a.Item == item);

    /// <summary>
    /// The person's next step: the first item without their own choice, or (with guesses) without their guess;
    /// null once they have finished.
    /// </summary>
    public QuizStep? NextStepOf(long personId, Quiz quiz)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        for (var item = 1; item <= quiz.Items.Count; item++)
        {
            var answer = AnswerOf(personId, item);
            if (answer is null)
            {
                return new QuizStep(item, IsGuess: false);
            }

            if (quiz.HasGuesses && answer.Guess is null)
            {
                return new QuizStep(item, IsGuess: true);
            }
        }

        return null;
    }

    public bool HasFinished(long personId, Quiz quiz) => NextStepOf(personId, quiz) is null;
}

/// <summary>What a person is asked next in a quiz: an item about themselves, or their guess of the partner's answer.</summary>
public sealed record QuizStep(int Item, bool IsGuess);
