namespace Bot.Core.Application;

/// <summary>A gentle measure of rhythm instead of a streak that resets: weeks with a shared reveal.</summary>
public static class Rhythm
{
    public const int WeeksShown = 8;

    /// <summary>Longest pause /pause accepts.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromDays(7 * 12);

    /// <summary>How many of the last <paramref name="weeks"/> seven-day spans ending now saw at least one reveal.</summary>
    public static int ConnectedWeeks(IEnumerable<DateTimeOffset> revealedAt, DateTimeOffset now, int weeks = WeeksShown) =>
        revealedAt
            .Where(at => at <= now && now - at < TimeSpan.FromDays(7 * weeks))
            .Select(at => (int)((now - at).Ticks / TimeSpan.FromDays(7).Ticks))
            .Distinct()
            .Count();
}
