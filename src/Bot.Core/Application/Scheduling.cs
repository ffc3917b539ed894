using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Domain;
using NodaTime;
using NodaTime.TimeZones;

namespace Bot.Core.Application;

/// <summary>Turns a couple's local weekly slot into UTC instants, correct across daylight-saving changes.</summary>
public static class ScheduleCalculator
{
    /// <summary>
    /// The first occurrence of the slot strictly after <paramref name="after"/>. A slot that falls into a DST gap
    /// moves forward by the gap; one in an overlap takes the earlier instant, so it fires once.
    /// </summary>
    public static DateTimeOffset NextOccurrence(WeeklySchedule schedule, string timeZone, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZones.Get(timeZone);
        var afterInstant = Instant.FromDateTimeOffset(after);
        var today = afterInstant.InZone(zone).Date;
        var time = new LocalTime(schedule.Time.Hour, schedule.Time.Minute);
        var target = ToIsoDay(schedule.Day);

        for (var offset = 0; offset <= 7; offset++)
        {
            var date = today.PlusDays(offset);
            if (date.DayOfWeek != target)
            {
                continue;
            }

            var candidate = date.At(time).InZoneLeniently(zone).ToInstant();
            if (candidate > afterInstant)
            {
                return candidate.ToDateTimeOffset();
            }
        }

        throw new InvalidOperationException("A weekly slot always occurs within eight days.");
    }

    /// <summary>The next check-in for the couple, or null when their schedule is off.</summary>
    public static DateTimeOffset? NextCheckIn(WeeklySchedule schedule, string timeZone, DateTimeOffset after) =>
        schedule.IsEnabled ? NextOccurrence(schedule, timeZone, after) : null;

    /// <summary>
    /// The next check-in that will really happen: while a pause runs past the stored next one (the sweep skips it),
    /// the first slot once the pause is over. Null when the schedule is off.
    /// </summary>
    public static DateTimeOffset? FirstCheckInAfterPause(Couple couple, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(couple);
        return couple is { NextCheckInAt: { } next, PausedUntil: { } until } && until > now && next < until
            ? NextCheckIn(couple.Schedule, couple.TimeZone, until.AddTicks(-1))
            : couple.NextCheckInAt;
    }

    private static IsoDayOfWeek ToIsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)day;
}

/// <summary>IANA time zones from the tz database NodaTime ships, so the host's own zone data does not matter.</summary>
public static class TimeZones
{
    private static readonly IDateTimeZoneProvider Provider = DateTimeZoneProviders.Tzdb;

    private static readonly Dictionary<string, string> ByLowerId =
        Provider.Ids.ToDictionary(id => id.ToLowerInvariant(), id => id);

    public static bool IsValid(string id) => Provider.GetZoneOrNull(id) is not null;

    public static DateTimeZone Get(string id) =>
        Provider.GetZoneOrNull(id) ?? throw new DateTimeZoneNotFoundException($"Unknown time zone '{id}'.");

    /// <summary>
    /// Resolves what a person typed: an exact id in any case ("europe/berlin"), or a city that names exactly one
    /// zone ("Berlin", "new york"). Otherwise returns null and up to five close matches.
    /// </summary>
    public static string? Resolve(string input, out IReadOnlyList<string> suggestions)
    {
        suggestions = [];
        var cleaned = input.Trim().Replace(' ', '_');
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (ByLowerId.TryGetValue(cleaned.ToLowerInvariant(), out var exact))
        {
            return exact;
        }

        var city = "/" + cleaned.ToLowerInvariant();
        var byCity = ByLowerId.Where(p => p.Key.EndsWith(city, StringComparison.Ordinal)).Select(p => p.Value)
            .Where(id => !id.StartsWith("Etc/", StringComparison.Ordinal)).ToList();
        if (byCity.Count == 1)
        {
            return byCity[0];
        }

        suggestions = [.. (byCity.Count > 1 ? byCity : ByLowerId
                .Where(p => p.Key.Contains(cleaned.ToLowerInvariant(), StringComparison.Ordinal))
                .Select(p => p.Value))
            .Where(id => id.Contains('/', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(5)];
        return null;
    }

    /// <summary>Zone ids containing the text (any case), those starting with it or with a city named so first.</summary>
    public static IReadOnlyList<string> Search(string text, int limit)
    {
        var key = text.Trim().ToLowerInvariant();
        return [.. ByLowerId
            .Where(p => p.Key.Contains(key, StringComparison.Ordinal) && p.Value.Contains('/', StringComparison.Ordinal))
            .OrderBy(p => p.Key.StartsWith(key, StringComparison.Ordinal) || p.Key.Contains("/" + key, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => p.Value)];
    }

    /// <summary>Formats an instant in a zone the way replies show it, e.g. "Sunday 29 November, 19:00".</summary>
    public static string FormatLocal(DateTimeOffset instant, string timeZone)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(Get(timeZone)).LocalDateTime;
        return local.ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture);
    }

    public static string FormatLocalDate(DateTimeOffset instant, string timeZone)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(Get(timeZone)).LocalDateTime;
        return local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    }
}

/// <summary>Reads weekdays ("sun", "Sunday") and times of day ("19:00", "7pm") as people type them.</summary>
public static partial class ScheduleParser
{
    private static readonly Dictionary<string, DayOfWeek> Days = Enum.GetValues<DayOfWeek>()
        .SelectMany(d => new[]
        {
            (Name: d.ToString().ToLowerInvariant(), Day: d),
            (Name: d.ToString()[..3].ToLowerInvariant(), Day: d),
            (Name: d.ToString().ToLowerInvariant() + "s", Day: d),
        })
        .ToDictionary(x => x.Name, x => x.Day);

    public static bool TryParseDay(string text, out DayOfWeek day) =>
        Days.TryGetValue(text.Trim().TrimEnd('.', ',').ToLowerInvariant(), out day);

    /// <summary>
    /// Accepts a 24-hour H:MM or HH:MM (a dot works too: "19.30"), or a 12-hour time with am/pm ("7pm", "7:30 pm",
    /// "12am" is midnight). A bare number without am/pm is not a time here: "19" could be a day or a count.
    /// </summary>
    public static bool TryParseTime(string text, out TimeOnly time)
    {
        time = default;
        var match = Clock().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success
            ? int.Parse(match.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        if (match.Groups["half"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var pm = char.ToLowerInvariant(match.Groups["half"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        else if (!match.Groups["m"].Success)
        {
            return false;
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    public static string TimeText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<half>[ap]\.?m\.?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();
}
