using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.Core.Domain;

namespace Bot.Core.Application;

public static partial class Copy
{
    public static string AnswerNotedWithChoices(string name) =>
        $"Thank you, {name}. That answer is shared at the reveal, unless you tap below to keep it private or hold it for later.";

    public static string SealedWaitingWithChoices(string name, string partner) =>
        $"{SealedWaiting(name, partner)} Until then you can still change any answer (/answers), keep one private or hold it for later.";

    public static string KeepPrivateLabel(int position) => Numbered("🔒 Keep answer {0} private", position);

    public static string HoldLabel(int position) => Numbered("⏳ Hold answer {0} until…", position);

    public static string ShareLabel(int position) => Numbered("💬 Share answer {0}", position);

    public static string RewriteLabel(int position) => Numbered("✏️ Change answer {0}", position);

    public static string MyAnswersLabel => "📝 My answers";

    public static string NeverMindLabel => "Never mind";

    public static string MyAnswers(string name, string partner, Round round, long meId, string timeZone,
        DateTimeOffset now)
    {
        var text = new StringBuilder(
            $"Your answers so far, {name} (only you see these; {partner} sees them at the reveal as you choose here):\n");
        foreach (var answer in round.Answers.Where(a => a.PersonId == meId).OrderBy(a => a.Position))
        {
            var question = round.Questions.First(q => q.Position == answer.Position);
            text.Append(CultureInfo.InvariantCulture, $"\n{answer.Position}. {question.Text}\n");
            text.Append(AnswerView.Of(answer, meId, now) switch
            {
                AnswerView.Passed => "(passed)\n→ passed; you can still answer it",
                AnswerView.Shared shared => $"{shared.Text}\n→ shared at the reveal",
                AnswerView.Private kept => $"{kept.Text}\n→ kept private",
                AnswerView.Held held => $"{held.Text}\n→ held until {TimeZones.FormatLocalDate(held.Until, timeZone)}",
                var view => throw new UnreachableException($"Unhandled answer view {view.GetType().Name}."),
            }).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    public static string AnswersNothingOpen(string name) =>
        $"Nothing is open right now, {name}. Once a check-in is revealed, its answers stay as you chose then.";

    public static string AnswersNoneYet(string name) =>
        $"You haven't answered anything in this check-in yet, {name}. Your answers will show up here until the reveal.";

    public static string AnswerAlreadyRevealed(string name) =>
        $"That check-in has been revealed already, {name}, so its answers stay as they were. A new check-in is a fresh page 🌿";

    public static string AnswerPassedNothingToKeep(string name, int position) =>
        $"You passed on question {position}, {name}, so there's nothing to keep back. \"Change\" lets you answer it after all.";

    public static string AnswerShared(string name, int position, string partner) =>
        $"Done, {name}: answer {position} will be shared with {partner} at the reveal.";

    public static string AnswerKeptPrivate(string name, int position, string partner) =>
        $"Done, {name}: answer {position} stays with you. {partner} will only see that you kept it to yourself.";

    public static string AskHoldDate(string name, int position) =>
        $"Until which day should I hold answer {position}, {name}? Send a date like 2026-12-24 (tomorrow up to a year ahead). On that day I'll share it with you both at {HeldAnswerOpensText}.";

    public static string HoldBadDate(string name, string typed) =>
        $"I couldn't read \"{typed}\" as a date, {name}. Write it as year-month-day, like 2026-12-24.";

    public static string HoldNotInFuture(string name) =>
        $"{name}, pick a day in the future (tomorrow at the earliest).";

    public static string HoldTooFar(string name) =>
        $"That's a long way off, {name}. Pick a day within the next year.";

    public static string AnswerHeld(string name, int position, string partner, string day) =>
        $"Done, {name}: I'll hold answer {position} until {day}. At the reveal {partner} sees only that you're holding one; on that day it opens for you both.";

    public static string AskRewrite(string name, int position, string question, string? current) =>
        current is null
            ? $"{name}, send me your answer to question {position}: {question}"
            : $"{name}, send me the new words for answer {position} ({question}). Right now it says: {current}";

    public static string AnswerRewritten(string name, int position) =>
        $"Changed, {name}. Answer {position} now reads as you just wrote it.";

    public static string PendingCancelled(string name) => $"Okay {name}, answer left as it was.";

    /// <summary>The line a reveal or journal shows for an answer the partner may not read (yet).</summary>
    public static string KeptToThemselves(string author) => $"{author} kept this one to themselves 🔒";

    public static string HoldingUntil(string author, string day) => $"{author} is holding this one until {day} ⏳";

    /// <summary>One answer as a line of a reveal or /history.</summary>
    public static string AnswerLine(string author, AnswerView view, string timeZone) => view switch
    {
        AnswerView.Forgotten => $"{author}: (words removed)",
        AnswerView.Passed => $"{author}: passed",
        AnswerView.Shared shared => $"{author}: {shared.Text}",
        AnswerView.Private { Text: { } mine } => $"{author}: {mine} (kept private, only you see this)",
        AnswerView.Private => KeptToThemselves(author),
        AnswerView.Held { Text: { } mine } held =>
            $"{author}: {mine} (held, only you see this until {TimeZones.FormatLocalDate(held.Until, timeZone)})",
        AnswerView.Held held => HoldingUntil(author, TimeZones.FormatLocalDate(held.Until, timeZone)),
        _ => throw new UnreachableException($"Unhandled answer view {view.GetType().Name}."),
    };

    public static string HeldOpened(string a, string b, string author, string checkInDay, string question, string text) =>
        $"""
        📬 {a} and {b}, {author} held an answer from your check-in of {checkInDay} until today:

        {question}
        {author}: {text}
        """;

    private static string HeldAnswerOpensText =>
        AnswerChoiceService.HoldOpensAt.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Numbered(string format, int position) =>
        string.Format(CultureInfo.InvariantCulture, format, position);
}
