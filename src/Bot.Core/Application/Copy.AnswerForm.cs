namespace Bot.Core.Application;

// Where a question cannot be answered by a plain reply (Discord buttons, the playground): the Answer button under
// it and the form it opens. Telegram answers by plain reply.
public static partial class Copy
{
    public static string AnswerButton => "Answer";

    // Discord refuses a form whose title or field label is over 45 characters, or whose hint is over 100.
    public static string AnswerFormTitle => "Your check-in answer";

    public static string AnswerFieldLabel => "Your answer";

    public static string AnswerFieldHint =>
        "Sealed until you've both answered; then you see each other's side by side.";

    /// <summary>An answer form opened under an earlier question: its text is not taken, but given back.</summary>
    public static string AnswerFormOutdated(string name, int current, string written) =>
        $"That form was for an earlier question, {name}, so I haven't kept it as an answer. Question {current} is the "
        + $"one waiting for you: tap Answer under it, or just write here. What you wrote, so it isn't lost:\n\n{written}";
}
