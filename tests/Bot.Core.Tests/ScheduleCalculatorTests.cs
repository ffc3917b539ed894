using System.Globalization;
using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class ScheduleCalculatorTests
{
    private static readonly WeeklySchedule SundayEvening = new(DayOfWeek.Sunday, new TimeOnly(19, 0), IsEnabled: true);

    [Theory]
    [InlineData("2026-03-20T12:00Z", "2026-03-22T18:00Z")]
    [InlineData("2026-03-22T18:00Z", "2026-03-29T17:00Z")]
    [InlineData("2026-03-29T16:59Z", "2026-03-29T17:00Z")]
    [InlineData("2026-10-18T16:00Z", "2026-10-18T17:00Z")]
    [InlineData("2026-10-18T17:00Z", "2026-10-25T18:00Z")]
    public void NextOccurrence_InBerlin_FollowsDaylightSaving(string after, string expected)
    {
        var next = ScheduleCalculator.NextOccurrence(SundayEvening, "Europe/Berlin", At(after));

        Assert.Equal(At(expected), next);
    }

    [Theory]
    [InlineData("2026-03-01T12:00Z", "2026-03-02T00:00Z")]
    [InlineData("2026-03-02T00:00Z", "2026-03-08T23:00Z")]
    [InlineData("2026-10-25T12:00Z", "2026-10-25T23:00Z")]
    [InlineData("2026-10-25T23:00Z", "2026-11-02T00:00Z")]
    public void NextOccurrence_InNewYork_FollowsDaylightSaving(string after, string expected)
    {
        var next = ScheduleCalculator.NextOccurrence(SundayEvening, "America/New_York", At(after));

        Assert.Equal(At(expected), next);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-28T12:00Z", "2026-03-29T01:30Z")]
    [InlineData("America/New_York", "2026-03-07T12:00Z", "2026-03-08T07:30Z")]
    public void NextOccurrence_InTheSpringForwardGap_MovesForwardByTheGap(string zone, string after, string expected)
    {
        var schedule = new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(2, 30), IsEnabled: true);

        var next = ScheduleCalculator.NextOccurrence(schedule, zone, At(after));

        Assert.Equal(At(expected), next);
        Assert.Equal(new TimeOnly(3, 30), LocalTime(next, zone));
    }

    [Theory]
    [InlineData("Europe/Berlin", 2, "2026-10-24T12:00Z", "2026-10-25T00:30Z", "2026-11-01T01:30Z")]
    [InlineData("America/New_York", 1, "2026-10-31T12:00Z", "2026-11-01T05:30Z", "2026-11-08T06:30Z")]
    public void NextOccurrence_InTheFallBackOverlap_FiresOnceAtTheEarlierInstant(
        string zone, int hour, string after, string first, string following)
    {
        var schedule = new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(hour, 30), IsEnabled: true);

        var next = ScheduleCalculator.NextOccurrence(schedule, zone, At(after));
        var afterThat = ScheduleCalculator.NextOccurrence(schedule, zone, next);
        var fromTheLaterTwin = ScheduleCalculator.NextOccurrence(schedule, zone, next.AddHours(1));

        Assert.Equal(At(first), next);
        Assert.Equal(At(following), afterThat);
        Assert.Equal(At(following), fromTheLaterTwin);
    }

    [Fact]
    public void NextOccurrence_IsStrictlyAfterTheGivenInstant()
    {
        var slot = At("2026-03-08T19:00Z");

        var next = ScheduleCalculator.NextOccurrence(SundayEvening, "UTC", slot);

        Assert.Equal(At("2026-03-15T19:00Z"), next);
    }

    [Fact]
    public void NextOccurrence_UsesTheLocalDayNotTheUtcDay()
    {
        var schedule = new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(8, 0), IsEnabled: true);

        var next = ScheduleCalculator.NextOccurrence(schedule, "Pacific/Auckland", At("2026-03-01T12:00Z"));

        Assert.Equal(At("2026-03-01T19:00Z"), next);
    }

    [Fact]
    public void NextCheckIn_WhenScheduleIsOff_IsNull()
    {
        var off = SundayEvening with { IsEnabled = false };

        var next = ScheduleCalculator.NextCheckIn(off, "Europe/Berlin", At("2026-03-02T10:00Z"));

        Assert.Null(next);
    }

    [Fact]
    public void NextOccurrence_WithUnknownZone_Throws()
    {
        var now = At("2026-03-02T10:00Z");

        Assert.Throws<NodaTime.TimeZones.DateTimeZoneNotFoundException>(
            () => ScheduleCalculator.NextOccurrence(SundayEvening, "Mars/Olympus", now));
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static TimeOnly LocalTime(DateTimeOffset instant, string zone)
    {
        var local = NodaTime.Instant.FromDateTimeOffset(instant).InZone(TimeZones.Get(zone)).TimeOfDay;
        return new TimeOnly(local.Hour, local.Minute);
    }
}
