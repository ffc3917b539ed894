using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Core.Application;

/// <summary>A gentle measure of rhythm instead of a streak that resets: weeks with a shared reveal.</summary>
public static partial class Rhythm
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

    /// <summary>Reads "2w", "10 days", "1 week", "3d": whole days or weeks, from one day up to twelve weeks.</summary>
    public static bool TryParsePause(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = PauseSyntax().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var days = match.Groups["unit"].Value.StartsWith('w') ? n * 7L : n;
        duration = TimeSpan.FromDays(days);
        return days >= 1 && duration <= MaxPause;
    }

    [GeneratedRegex(@"^(?<n>\d{1,3})\s*(?<unit>d|days?|w|wks?|weeks?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PauseSyntax();
}
