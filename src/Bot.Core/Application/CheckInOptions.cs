namespace Bot.Core.Application;

/// <summary>Settings of the weekly ritual (section <c>CheckIn</c>).</summary>
public sealed class CheckInOptions
{
    public const string Section = "CheckIn";

    /// <summary>The ritual questions, asked one at a time; our warm defaults when none are configured.</summary>
    public IList<string> Questions { get; } = [];

    /// <summary>How long after a round opens a partner who has not finished gets one gentle nudge.</summary>
    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a round stays open; after that it closes and nothing is revealed.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(6);

    /// <summary>A check-in missed while the bot was down is still sent if it is at most this late.</summary>
    public TimeSpan MisfireGrace { get; set; } = TimeSpan.FromHours(6);

    /// <summary>IANA zone a new couple starts in until they set their own.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    public DayOfWeek DefaultDay { get; set; } = DayOfWeek.Sunday;

    public TimeOnly DefaultTime { get; set; } = new(19, 0);

    /// <summary>Longest answer we keep, in characters; longer ones are politely refused.</summary>
    public int MaxAnswerLength { get; set; } = 3000;

    /// <summary>Whether questions are configured; if not, the ritual rotates the weekly deck's wording.</summary>
    public bool HasCustomQuestions => Questions.Any(q => !string.IsNullOrWhiteSpace(q));

    public IReadOnlyList<string> EffectiveQuestions =>
        HasCustomQuestions ? [.. Questions.Where(q => !string.IsNullOrWhiteSpace(q))] : Copy.DefaultRitualQuestions;
}
