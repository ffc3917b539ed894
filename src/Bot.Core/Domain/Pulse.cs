namespace Bot.Core.Domain;

/// <summary>The two one-tap scales that open the weekly check-in.</summary>
public enum PulseScale
{
    Loved = 1,
    Heard = 2,
}

/// <summary>One partner's tap on one scale of a weekly round.</summary>
/// <param name="Value">1–5, or null when they skipped the scale.</param>
public sealed record PulseEntry(long RoundId, long PersonId, PulseScale Scale, int? Value, DateTimeOffset At)
{
    public const int Min = 1;
    public const int Max = 5;

    /// <summary>The scales in the order they are asked.</summary>
    public static IReadOnlyList<PulseScale> Scales { get; } = [PulseScale.Loved, PulseScale.Heard];

    public bool IsSkipped => Value is null;
}

/// <summary>A pulse entry of a revealed round, with when that round opened (the week it speaks of).</summary>
public sealed record PulseReading(DateTimeOffset RoundOpenedAt, long PersonId, PulseScale Scale, int? Value);
