namespace Bot.Core.Domain;

/// <summary>Where a "first time" idea came from.</summary>
public enum FirstTimeSource
{
    /// <summary>An open wish on the couple's bucket list; the reference is the item id.</summary>
    BucketList = 1,

    /// <summary>An idea from the built-in "first times" deck; the reference is the idea id.</summary>
    Idea = 2,
}

/// <summary>Where a monthly "first time" proposal stands.</summary>
public enum FirstTimeState
{
    Proposed = 1,
    Accepted = 2,
    Done = 3,
    Declined = 4,
    Replaced = 5,
}

/// <summary>One monthly "first time" proposal; it names the idea by reference only, never by a partner's words.</summary>
/// <param name="FollowUpAt">When to ask whether they did it; null once asked or when nothing is accepted.</param>
public sealed record FirstTime(
    long Id,
    long CoupleId,
    FirstTimeSource Source,
    string Ref,
    FirstTimeState State,
    DateTimeOffset ProposedAt,
    DateTimeOffset? FollowUpAt,
    DateTimeOffset? DecidedAt)
{
    public bool IsCurrent => State is FirstTimeState.Proposed or FirstTimeState.Accepted;
}

/// <summary>An idea from the built-in "first times" deck.</summary>
public sealed record FirstTimeIdea(string Id, string Text);
