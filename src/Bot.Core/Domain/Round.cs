namespace Bot.Core.Domain;

/// <summary>Why a round was opened.</summary>
public enum RoundKind
{
    /// <summary>The scheduled (or /checkin) weekly ritual.</summary>
    Weekly = 1,

    /// <summary>A single question drawn from a themed deck.</summary>
    Deck = 2,

    /// <summary>A single question one of the partners dropped into their bowl.</summary>
    Bowl = 3,

    /// <summary>The come-back after a cool-down: what I felt, what I needed, one request.</summary>
    Cooldown = 4,

    /// <summary>A one-line memory of a "first time" the couple tried together.</summary>
    Memory = 5,
}

/// <summary>Where a round stands.</summary>
public enum RoundState
{
    Open = 1,
    Revealed = 2,
    Expired = 3,
    Cancelled = 4,
}

/// <summary>One question of a round, in the order it is asked.</summary>
/// <param name="QuestionId">The deck question id, or null for the configured ritual questions.</param>
/// <param name="AuthorId">The partner who wrote the question (a bowl question); null for the bot's own questions.</param>
public sealed record RoundQuestion(int Position, string? QuestionId, string Text, long? AuthorId = null);

/// <summary>Who gets to see an answer once its round is revealed; the author may change it until then.</summary>
public enum AnswerVisibility
{
    /// <summary>Shown to both at the reveal (the default).</summary>
    Shared = 1,

    /// <summary>Never shown to the partner; the reveal says only that it was kept.</summary>
    Private = 2,

    /// <summary>Kept back at the reveal and shared with both on <see cref="Answer.HeldUntil"/>.</summary>
    Held = 3,
}

/// <summary>A partner's answer (or pass) to one question of a round.</summary>
/// <param name="Text">What they wrote; null when they passed.</param>
public sealed record Answer(long RoundId, int Position, long PersonId, string? Text, DateTimeOffset AnsweredAt)
{
    public AnswerVisibility Visibility { get; init; } = AnswerVisibility.Shared;

    /// <summary>The platform's id of the message that gave these words, so editing that message can change them.</summary>
    public string? SourceMessageId { get; init; }

    /// <summary>For a held answer, the instant it opens for both; null otherwise.</summary>
    public DateTimeOffset? HeldUntil { get; init; }

    /// <summary>The voice note, photo or video given as this answer (<see cref="Text"/> then describes it).</summary>
    public long? MediaId { get; init; }

    public bool IsSkipped => Text is null;
}

/// <summary>A set of questions both partners answer blind; revealed only when both are done.</summary>
public sealed record Round(
    long Id,
    long CoupleId,
    RoundKind Kind,
    string? DeckId,
    RoundState State,
    DateTimeOffset OpenedAt,
    DateTimeOffset RemindAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<RoundQuestion> Questions,
    IReadOnlyList<Answer> Answers)
{
    public bool IsOpen => State == RoundState.Open;

    public int AnsweredCountFor(long personId) => Answers.Count(a => a.PersonId == personId);

    /// <summary>The partners who wrote any of this round's questions (a bowl question), each once.</summary>
    public IReadOnlyList<long> QuestionAuthors =>
        [.. Questions.Where(q => q.AuthorId is not null).Select(q => q.AuthorId!.Value).Distinct()];

    public bool IsCompleteFor(long personId) => AnsweredCountFor(personId) >= Questions.Count;

    /// <summary>The question this person should answer next, or null when they are done.</summary>
    public RoundQuestion? NextQuestionFor(long personId)
    {
        var answered = Answers.Where(a => a.PersonId == personId).Select(a => a.Position).ToHashSet();
        return Questions.OrderBy(q => q.Position).FirstOrDefault(q => !answered.Contains(q.Position));
    }

    public Answer? AnswerOf(long personId, int position) =>
        Answers.FirstOrDefault(a => a.PersonId == personId && a.Position == position);
}
