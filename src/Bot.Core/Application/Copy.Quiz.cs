using System.Globalization;
using System.Text;
using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>Wording of /quiz: the list, each step, and the reveal with its warm score.</summary>
public static partial class Copy
{
    public static string QuizList(string name, IReadOnlyList<Quiz> quizzes)
    {
        var text = new StringBuilder($"🎲 Quiz time, {name}! Pick one and you'll both get the same questions, privately.");
        text.Append("\n\nIn the \"know me\" quizzes you answer about yourself, then guess what your partner said. ")
            .Append("The love-language ones ask what makes each of you feel loved. Nothing is shown until you've both finished.\n");
        foreach (var quiz in quizzes)
        {
            text.Append('\n').Append(quiz.Title).Append(quiz.Kind == QuizKind.LoveLanguage ? " (love language)" : "");
        }

        return text.ToString();
    }

    public static string QuizUnknown(string name, IReadOnlyList<Quiz> quizzes) =>
        $"I don't have that quiz, {name}. Here are the ones I know:\n\n" + string.Join('\n', quizzes.Select(q => q.Title));

    public static string QuizStarted(string name, string partner, Quiz quiz) =>
        $"{quiz.Title}: here we go, {name}! {quiz.Blurb}\n\n{partner} gets the same questions. Nothing is shown until you've both finished.";

    public static string QuizStartedByPartner(string name, string starter, Quiz quiz) =>
        $"🎲 {starter} started a quiz for you both, {name}: {quiz.Title}. {quiz.Blurb}\n\nYour answers stay sealed until you've both finished.";

    public static string QuizSentPrivately(string name) =>
        $"Your quiz is waiting in our private chat, {name} 🎲";

    /// <summary>One step: an item about yourself, or a guess of the partner's answer.</summary>
    public static string QuizStepText(Quiz quiz, QuizStep step, string partner)
    {
        var item = quiz.Items[step.Item - 1];
        var count = quiz.Items.Count.ToString(CultureInfo.InvariantCulture);
        var number = step.Item.ToString(CultureInfo.InvariantCulture);
        return step.IsGuess
            ? $"({number}/{count}) And now guess: what did {partner} answer?\n\n{item.Prompt}"
            : quiz.HasGuesses
                ? $"({number}/{count}) About you:\n\n{item.Prompt}"
                : $"({number}/{count}) {item.Prompt}";
    }

    public static string QuizOnTheGo(string name, Quiz quiz) =>
        $"You're in the middle of {quiz.Title}, {name}. Let's finish this one first; here's where you were:";

    public static string QuizOnTheGoWaiting(string name, string partner, string title) =>
        $"You've finished {title}, {name} 💛 It opens for you both once {partner} has finished too. After that, /quiz for another.";

    public static string QuizAlreadyAnswered(string name) =>
        $"You've already answered that one, {name} 🙂";

    public static string QuizYouFinished(string name, string partner) =>
        $"All done, {name} ✨ I'll show you both the answers as soon as {partner} has finished too.";

    public static string QuizPartnerFinished(string name, string partner, string title) =>
        $"{partner} has finished {title}, {name}. Whenever you're ready, your answers are waiting above 💛";

    public static string QuizBothFinished(string name) =>
        $"That was the last one, {name}, and you've both finished. Here's how it came out 🎉";

    public static string QuizAlreadyOver(string name, string title, bool revealed) =>
        revealed
            ? $"{title} is already over, {name}, and its answers were shared. /history shows it again, and /quiz has more."
            : $"That round of {title} was put away unfinished, {name}, so nothing from it was shared. /quiz to play again.";

    public static string LoveLanguageName(LoveLanguage language) => language switch
    {
        LoveLanguage.KindWords => "kind words",
        LoveLanguage.TimeTogether => "time together",
        LoveLanguage.HelpingHand => "a helping hand",
        LoveLanguage.Closeness => "closeness and touch",
        LoveLanguage.LittleGifts => "little gifts and tokens",
        _ => language.ToString(),
    };

    public static string LoveLanguagesText(IReadOnlyList<LoveLanguage> languages) =>
        languages.Count switch
        {
            0 => "(no answers)",
            1 => LoveLanguageName(languages[0]),
            _ => string.Join(", ", languages.Take(languages.Count - 1).Select(LoveLanguageName))
                + " and " + LoveLanguageName(languages[^1]),
        };

    /// <summary>The reveal of a finished quiz, to both partners.</summary>
    public static string QuizReveal(Quiz quiz, QuizPlay play, Person a, Person b)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(play);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var text = new StringBuilder($"🎉 {quiz.Title}: {a.DisplayName} and {b.DisplayName}, here are your answers.\n");
        for (var i = 1; i <= quiz.Items.Count; i++)
        {
            var item = quiz.Items[i - 1];
            text.Append('\n').Append(i.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(item.Prompt).Append('\n');
            foreach (var (me, partner) in new[] { (a, b), (b, a) })
            {
                var mine = play.AnswerOf(me.Id, i);
                text.Append("• ").Append(me.DisplayName).Append(": ").Append(OptionText(item, mine?.Choice));
                var guess = play.AnswerOf(partner.Id, i)?.Guess;
                if (quiz.HasGuesses && guess is not null)
                {
                    text.Append(guess == mine?.Choice
                        ? $" ({partner.DisplayName} guessed it ✓)"
                        : $" ({partner.DisplayName} guessed \"{OptionText(item, guess)}\")");
                }

                text.Append('\n');
            }
        }

        text.Append('\n').Append(quiz.HasGuesses ? KnowMeScore(quiz, play, a, b) : LoveLanguageResult(quiz, play, a, b));
        return text.ToString();
    }

    /// <summary>The warm score of a "know me" quiz: how many answers each knew, never a grade.</summary>
    public static string KnowMeScore(Quiz quiz, QuizPlay play, Person a, Person b)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var n = quiz.Items.Count;
        var aKnew = QuizScore.Known(play, a.Id, b.Id);
        var bKnew = QuizScore.Known(play, b.Id, a.Id);
        var total = aKnew + bKnew;
        var count = $"Together you knew {total} of {2 * n} of each other's answers ({a.DisplayName} knew {aKnew} of {b.DisplayName}'s {n}, {b.DisplayName} knew {bKnew} of {a.DisplayName}'s {n}).";
        var warm = total == 2 * n ? "You read each other like a favourite book 💞"
            : total * 2 >= 2 * n ? "Lovely! And every miss is a little story to ask about tonight 💛"
            : "Plenty of surprises in there, and that's the fun part: people keep changing, and there's always more to discover. Ask each other about the ones you didn't see coming 💛";
        return $"{count}\n{warm}";
    }

    /// <summary>What a love-language quiz found for each, as it goes into the journal.</summary>
    public static string LoveLanguageResult(Quiz quiz, QuizPlay play, Person a, Person b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var lines = new StringBuilder();
        foreach (var person in new[] { a, b })
        {
            lines.Append("💛 ").Append(person.DisplayName).Append(" feels most loved through ")
                .Append(LoveLanguagesText(QuizScore.Top(play, quiz, person.Id))).Append(".\n");
        }

        lines.Append("A small idea for this week: try one thing in the other's way, not your own. I've kept this in your journal; /status shows it too.");
        return lines.ToString();
    }

    /// <summary>The /status line about love languages, from the couple's latest love-language quiz.</summary>
    public static string StatusLoveLanguages(Person a, IReadOnlyList<LoveLanguage> ofA, Person b, IReadOnlyList<LoveLanguage> ofB) =>
        $"What helps you feel loved (from your last love-language quiz): {a.DisplayName}, {LoveLanguagesText(ofA)}; {b.DisplayName}, {LoveLanguagesText(ofB)}.";

    /// <summary>The quizzes part of /history: one line per revealed quiz.</summary>
    public static string QuizHistory(IReadOnlyList<(Quiz Quiz, QuizPlay Play)> played, Person a, Person b, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var text = new StringBuilder("🎲 Quizzes you played:");
        foreach (var (quiz, play) in played)
        {
            var day = PersonalTime.DateText(play.ClosedAt ?? play.StartedAt, timeZone);
            text.Append("\n• ").Append(day).Append(' ').Append(quiz.Title).Append(": ");
            text.Append(QuizOutcome(quiz, play, a, b));
        }

        return text.ToString();
    }

    /// <summary>How a quiz came out, in one line for the journal: the warm count, or each partner's love languages.</summary>
    public static string QuizOutcome(Quiz quiz, QuizPlay play, Person a, Person b)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return quiz.HasGuesses
            ? $"together you knew {QuizScore.Known(play, a.Id, b.Id) + QuizScore.Known(play, b.Id, a.Id)} of {2 * quiz.Items.Count} of each other's answers"
            : $"{a.DisplayName} feels most loved through {LoveLanguagesText(QuizScore.Top(play, quiz, a.Id))}; {b.DisplayName} through {LoveLanguagesText(QuizScore.Top(play, quiz, b.Id))}";
    }

    private static string OptionText(QuizItem item, int? option) =>
        option is { } o && o >= 1 && o <= item.Options.Count ? item.Options[o - 1].Text : "(no answer)";
}
