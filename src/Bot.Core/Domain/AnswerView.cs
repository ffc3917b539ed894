namespace Bot.Core.Domain;

/// <summary>
/// What one viewer may see of one answer at a given moment: the privacy rule, decided once for the reveal,
/// /history, /export and /answers. Words kept back from the viewer are never in the view.
/// </summary>
public abstract record AnswerView
{
    private AnswerView()
    {
    }

    /// <summary>Open to both: shared, or held and its day has come.</summary>
    public sealed record Shared(string Text) : AnswerView;

    /// <summary>Kept private for good; <paramref name="Text"/> only when the viewer is its author.</summary>
    public sealed record Private(string? Text) : AnswerView;

    /// <summary>Held until <paramref name="Until"/>; <paramref name="Text"/> only when the viewer is its author.</summary>
    public sealed record Held(string? Text, DateTimeOffset Until) : AnswerView;

    /// <summary>The author passed on the question.</summary>
    public sealed record Passed : AnswerView;

    /// <summary>There are no words any more: the author removed them (/forget).</summary>
    public sealed record Forgotten : AnswerView;

    /// <summary>How <paramref name="answer"/> looks to <paramref name="viewerId"/> at <paramref name="now"/>.</summary>
    /// <param name="answer">The answer, or null when it is gone.</param>
    /// <param name="viewerId">The person reading on their own; null when both may read it (a reveal, a shared chat, an export).</param>
    public static AnswerView Of(Answer? answer, long? viewerId, DateTimeOffset now)
    {
        if (answer is null)
        {
            return new Forgotten();
        }

        if (answer.Text is not { } text)
        {
            return new Passed();
        }

        var isAuthor = viewerId == answer.PersonId;
        return answer switch
        {
            { Visibility: AnswerVisibility.Shared } => new Shared(text),
            { Visibility: AnswerVisibility.Held, HeldUntil: { } until } when until <= now => new Shared(text),
            { Visibility: AnswerVisibility.Held, HeldUntil: { } until } => new Held(isAuthor ? text : null, until),
            // A hold without a day never opens, so it is kept like a private one.
            _ => new Private(isAuthor ? text : null),
        };
    }
}
