using System.Globalization;
using Bot.Core.Domain;
using NodaTime;

namespace Bot.Core.Application;

/// <summary>Each partner's own clock: quiet hours, local times and days, correct across daylight-saving changes.</summary>
public static class PersonalTime
{
    /// <summary>
    /// When <paramref name="at"/> falls into the quiet hours (local to <paramref name="timeZone"/>), the instant they
    /// end; otherwise null. An end that falls into a DST gap moves forward by the gap.
    /// </summary>
    public static DateTimeOffset? QuietUntil(QuietHours? quiet, string timeZone, DateTimeOffset at)
    {
        if (quiet is null)
        {
            return null;
        }

        var zone = TimeZones.Get(timeZone);
        var instant = Instant.FromDateTimeOffset(at);
        var local = instant.InZone(zone).LocalDateTime;
        var time = new TimeOnly(local.Hour, local.Minute, local.Second);
        if (!quiet.Contains(time))
        {
            return null;
        }

        var date = quiet.SpansMidnight && time >= quiet.From ? local.Date.PlusDays(1) : local.Date;
        var end = date.At(new LocalTime(quiet.Until.Hour, quiet.Until.Minute));
        var mapping = zone.MapLocal(end);
        // In an overlap (clocks going back) the end comes twice; the first one after now is the one that counts.
        var candidate = mapping.Count switch
        {
            0 => end.InZoneLeniently(zone).ToInstant(),
            1 => mapping.Single().ToInstant(),
            _ => mapping.First().ToInstant() > instant ? mapping.First().ToInstant() : mapping.Last().ToInstant(),
        };
        return candidate > instant ? candidate.ToDateTimeOffset() : null;
    }

    /// <summary>
    /// When something meant for this person may reach them: <paramref name="at"/>, or the end of their quiet hours.
    /// While their clock is unknown (<see cref="Person.KnownZoneIn"/>) nothing is held on a guessed one.
    /// </summary>
    public static DateTimeOffset DeliverableAt(Person person, Couple couple, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.KnownZoneIn(couple) is { } zone ? QuietUntil(person.QuietHours, zone, at) ?? at : at;
    }

    /// <summary>The local clock time, e.g. "23:10".</summary>
    public static string ClockText(DateTimeOffset at, string timeZone) =>
        Instant.FromDateTimeOffset(at).InZone(TimeZones.Get(timeZone)).LocalDateTime
            .ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A weekday and clock time, e.g. "Sunday 19:00".</summary>
    public static string DayClockText(DateTimeOffset at, string timeZone) =>
        Instant.FromDateTimeOffset(at).InZone(TimeZones.Get(timeZone)).LocalDateTime
            .ToString("dddd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The local date, e.g. "2026-03-02".</summary>
    public static string DateText(DateTimeOffset at, string timeZone) =>
        Instant.FromDateTimeOffset(at).InZone(TimeZones.Get(timeZone)).Date
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeOnly TimeOfDay(DateTimeOffset at, string timeZone)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(TimeZones.Get(timeZone)).LocalDateTime;
        return new TimeOnly(local.Hour, local.Minute, local.Second);
    }

    public static bool IsSameLocalDay(DateTimeOffset a, DateTimeOffset b, string timeZone)
    {
        var zone = TimeZones.Get(timeZone);
        return Instant.FromDateTimeOffset(a).InZone(zone).Date == Instant.FromDateTimeOffset(b).InZone(zone).Date;
    }

    public static string QuietText(QuietHours quiet)
    {
        ArgumentNullException.ThrowIfNull(quiet);
        return $"{ScheduleParser.TimeText(quiet.From)}–{ScheduleParser.TimeText(quiet.Until)}";
    }
}
