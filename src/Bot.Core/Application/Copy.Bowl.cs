using System.Globalization;
using System.Text;

namespace Bot.Core.Application;

/// <summary>The couple's question bowl: /bowl and /draw.</summary>
public static partial class Copy
{
    public static string BowlHelp(string name) =>
        $"{name}, your question bowl works like this: /bowl add … drops in a question (a surprise for your partner until it's drawn), /bowl lists yours, /bowl remove 2 takes out your number 2, and /draw draws one for you both.";

    public static string BowlAddHelp(string name) =>
        $"{name}, add the question after the command, like this: /bowl add What made you laugh this week?";

    public static string BowlQuestionTooLong(string name, int length, int max) =>
        $"That question is {length} characters, {name}, and the bowl takes up to {max}. Could you make it a little shorter?";

    public static string BowlFull(string name, int max) =>
        $"You already have {max} questions waiting in the bowl, {name}. Let's /draw a few first (or /bowl remove one).";

    /// <summary>Stands in for a bowl question in the journal once its author deleted their words (/forget).</summary>
    public const string ForgottenBowlQuestion = "(a question from the bowl, deleted by the one who wrote it)";

    public static string BowlAdded(string name, int waiting, int number, BowlMatch? close)
    {
        var text = new StringBuilder($"Dropped in, {name} 🥣 ");
        text.Append(waiting == 1 ? "It's the only question in the bowl so far." : $"There are {waiting} questions in the bowl now.");
        var headsUp = close switch
        {
            null => null,
            BowlMatch.Yours yours => $"this is close to your number {yours.Number}, \"{yours.Text}\"",
            BowlMatch.Asked asked => $"this is close to \"{asked.Text}\", which you had on {TimeZones.FormatLocalDate(asked.DrawnAt, asked.TimeZone)}",
            BowlMatch.FromDeck deck => $"this is close to \"{deck.Text}\" from the {deck.DeckName} deck, which you've already had",
            _ => throw new System.Diagnostics.UnreachableException($"Unhandled bowl match {close.GetType().Name}."),
        };
        if (headsUp is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nHeads-up: {headsUp}. Send /bowl remove {number} if you'd rather not have it twice.");
        }

        return text.ToString();
    }

    public static string BowlPartnerAdded(string name, string partner) =>
        $"{name}, {partner} just dropped a question into your bowl 🥣 It stays a surprise until one of you sends /draw.";

    public static string BowlList(string name, string partner, IReadOnlyList<string> mine, int partnersWaiting)
    {
        var text = new StringBuilder();
        if (mine.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"You have no questions waiting in the bowl, {name}. Drop one in with /bowl add …");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Your questions waiting in the bowl, {name}:\n");
            text.AppendJoin('\n', mine.Select((q, i) => $"{i + 1}. {q}"));
        }

        text.Append(partnersWaiting switch
        {
            0 => $"\n{partner} has none in there right now.",
            1 => $"\n{partner} has 1 waiting too, a surprise until it's drawn.",
            _ => $"\n{partner} has {partnersWaiting} waiting too, a surprise until they're drawn.",
        });
        return text.ToString();
    }

    public static string BowlNoSuchQuestion(string name, string partner, int mine) => mine == 0
        ? $"You have no questions waiting in the bowl, {name}, so there's nothing to take out. (Only {partner} can take out theirs.)"
        : $"{name}, pick one of your own questions by its number, 1 to {mine} (/bowl shows them). {partner}'s stay a surprise.";

    public static string BowlRemoved(string name, string text) => $"Taken out of the bowl, {name}: {text}";

    public static string BowlEmpty(string name) =>
        $"The bowl is empty, {name}. Drop a question in with /bowl add …, or draw one from a deck:";

    public static string BowlQuestionOpened(string name, string partner, bool isMine) => isMine
        ? $"Out of the bowl comes one of your own questions, {name} 🥣 {partner} answers it too; your answer stays sealed until you've both replied."
        : $"Out of the bowl comes a question {partner} dropped in, {name} 🥣 Your answer stays sealed until you've both replied.";

    public static string HomeBowlQuestionDrawn(string a, string b) =>
        $"{a} and {b}, a question from your bowl is waiting in your private chats 🥣";
}
