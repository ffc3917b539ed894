namespace Bot.Core.Domain;

/// <summary>Two paired people and the rhythm of their check-ins.</summary>
/// <param name="TimeZone">IANA zone id the schedule is read in.</param>
/// <param name="NextCheckInAt">UTC instant the next weekly check-in is due; null when the schedule is off.</param>
/// <param name="Home">A shared group or channel for announcements and reveals; null means private chats.</param>
/// <param name="EndedAt">When the couple unpaired; an ended couple is history only.</param>
public sealed record Couple(
    long Id,
    long PartnerAId,
    long PartnerBId,
    string TimeZone,
    WeeklySchedule Schedule,
    DateTimeOffset? NextCheckInAt,
    ChatAddress? Home,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>While in the future, no check-ins or nudges (a holiday); set with /pause.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>While in the future, a cool-down: no playful prompts; at this instant the come-back round opens.</summary>
    public DateTimeOffset? CooldownUntil { get; init; }

    /// <summary>Who asked for the running cool-down.</summary>
    public long? CooldownById { get; init; }

    /// <summary>What the cool-down is about, as the asker typed it; null when they named nothing.</summary>
    public string? CooldownTopic { get; init; }

    /// <summary>UTC instant the monthly "first time" proposal is due; null for ended couples.</summary>
    public DateTimeOffset? NextFirstTimeAt { get; init; }

    /// <summary>
    /// True while <see cref="TimeZone"/> is only the default a new couple starts with (or followed one partner's own
    /// zone): it is nobody's known clock, so a partner without a zone of their own has no quiet hours held on it.
    /// </summary>
    public bool TimeZoneIsGuess { get; init; }

    /// <summary>True while the weekly slot is the default a new couple starts with, not one they agreed or set.</summary>
    public bool SlotIsDefault { get; init; }

    public bool IsActive => EndedAt is null;

    public bool IsCoolingDownAt(DateTimeOffset now) => CooldownUntil is { } until && until > now;

    public bool IsPausedAt(DateTimeOffset now) => PausedUntil is { } until && until > now;

    public bool Includes(long personId) => personId == PartnerAId || personId == PartnerBId;

    public long PartnerOf(long personId) => personId == PartnerAId
        ? PartnerBId
        : personId == PartnerBId
            ? PartnerAId
            : throw new ArgumentException($"Person {personId} is not part of couple {Id}.", nameof(personId));
}

/// <summary>The couple's weekly check-in slot, in their local time.</summary>
public sealed record WeeklySchedule(DayOfWeek Day, TimeOnly Time, bool IsEnabled);
