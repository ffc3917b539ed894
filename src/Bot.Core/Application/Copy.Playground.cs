namespace Bot.Core.Application;

// The browser playground: the Answer button under a question and the form it opens (as Discord's modal does).
public static partial class Copy
{
    public static string PlaygroundAnswerButton => "Answer";

    public static string PlaygroundAnswerFormTitle => "Your check-in answer";

    public static string PlaygroundAnswerFieldLabel => "Your answer";

    public static string PlaygroundAnswerFieldHint =>
        "Sealed until you've both answered; then you see each other's side by side.";
}
