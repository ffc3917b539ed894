namespace Bot.Core.Domain;

/// <summary>What the next plain text from a person means, after they tapped "change" or "hold" on an answer.</summary>
public enum PendingInputKind
{
    /// <summary>New words for the answer.</summary>
    Rewrite = 1,

    /// <summary>The date until which the answer is held.</summary>
    HoldDate = 2,
}

/// <summary>A person's one pending input, bound to an answer of a round; void once that round is no longer open.</summary>
public sealed record PendingInput(long PersonId, long RoundId, int Position, PendingInputKind Kind, DateTimeOffset CreatedAt);
