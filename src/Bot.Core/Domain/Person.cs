namespace Bot.Core.Domain;

/// <summary>Someone who has talked to the bot.</summary>
/// <param name="PrivateChat">Their one-to-one chat with the bot, once they have opened it.</param>
/// <param name="IsReachable">False once the platform told us they blocked the bot.</param>
public sealed record Person(
    long Id,
    ChatUser User,
    string DisplayName,
    ChatAddress? PrivateChat,
    bool IsReachable,
    JoinThrottle Throttle,
    DateTimeOffset CreatedAt)
{
    /// <summary>Their own IANA zone; null means they go by their couple's check-in zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Local hours in which nothing the partner caused may reach them; null when they turned them off.</summary>
    public QuietHours? QuietHours { get; init; } = Domain.QuietHours.Default;

    /// <summary>When they last sent their partner a /nudge.</summary>
    public DateTimeOffset? LastNudgeAt { get; init; }

    /// <summary>What their next plain text means during the warm start after pairing; null when nothing is asked.</summary>
    public WelcomeInput? Awaiting { get; init; }

    /// <summary>When <see cref="Awaiting"/> was asked for.</summary>
    public DateTimeOffset? AwaitingSince { get; init; }

    /// <summary>
    /// The zone their clock is known to be in: their own, else the couple's when that is not a guess; null while
    /// nobody knows it (then nothing is held for their quiet hours).
    /// </summary>
    public string? KnownZoneIn(Couple couple)
    {
        ArgumentNullException.ThrowIfNull(couple);
        return TimeZone ?? (couple.TimeZoneIsGuess ? null : couple.TimeZone);
    }

    /// <summary>The zone their clock is read in: their own, else the couple's.</summary>
    public string ZoneIn(Couple couple)
    {
        ArgumentNullException.ThrowIfNull(couple);
        return TimeZone ?? couple.TimeZone;
    }
}

/// <summary>A typed answer the warm start after pairing waits for.</summary>
public enum WelcomeInput
{
    /// <summary>A city or time zone name, after "type my city".</summary>
    City = 1,

    /// <summary>A day and time for the weekly check-in, after "another time".</summary>
    Slot = 2,
}

/// <summary>Wrong invite codes a person typed within the current window (brute-force guard).</summary>
public sealed record JoinThrottle(int Failures, DateTimeOffset? WindowStartedAt)
{
    public static JoinThrottle None { get; } = new(0, null);
}

/// <summary>A span of local clock time, possibly across midnight (22:00–08:00): from is in, until is out.</summary>
public sealed record QuietHours
{
    public QuietHours(TimeOnly from, TimeOnly until)
    {
        if (from == until)
        {
            throw new ArgumentException("Quiet hours need a start and an end that differ.", nameof(until));
        }

        From = from;
        Until = until;
    }

    /// <summary>22:00–08:00: nothing a partner causes wakes anyone up.</summary>
    public static QuietHours Default { get; } = new(new TimeOnly(22, 0), new TimeOnly(8, 0));

    public TimeOnly From { get; }

    public TimeOnly Until { get; }

    public bool SpansMidnight => From > Until;

    public bool Contains(TimeOnly time) =>
        SpansMidnight ? time >= From || time < Until : time >= From && time < Until;
}
