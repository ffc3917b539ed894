using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class PulseTrendTests
{
    private static readonly Person A = new(1, new ChatUser(Platform.Telegram, "1"), "Alex", null, true,
        JoinThrottle.None, CoreHarness.Start);

    private static readonly Person B = new(2, new ChatUser(Platform.Telegram, "2"), "Sam", null, true,
        JoinThrottle.None, CoreHarness.Start);

    // Wednesday 25 March 2026, noon UTC: the current week starts on Monday 23 March.
    private static readonly DateTimeOffset Now = new(2026, 3, 25, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int month, int day, int hour = 18) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static PulseSeries Series(PulseTrend trend, Person person, PulseScale scale) =>
        trend.Series.Single(s => s.PersonId == person.Id && s.Scale == scale);

    [Fact]
    public void Build_GivesOneValuePerWeekEndingWithThisWeek_AndNullForMissingWeeks()
    {
        PulseReading[] readings =
        [
            new(Day(3, 1), A.Id, PulseScale.Loved, 3),
            new(Day(3, 15), A.Id, PulseScale.Loved, 5),
        ];

        var trend = PulseTrend.Build(readings, A, B, "UTC", Now, 4);

        Assert.Equal(
            [new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 23)],
            trend.Weeks);
        Assert.Equal([null, 5.0, null, null], Series(trend, A, PulseScale.Loved).Values);
        Assert.Equal(1, trend.WeeksWithData);
        Assert.False(trend.HasEnoughData);
    }

    [Fact]
    public void Build_AveragesSeveralRoundsInOneWeek_AndIgnoresSkippedScales()
    {
        PulseReading[] readings =
        [
            new(Day(3, 16), A.Id, PulseScale.Heard, 2),
            new(Day(3, 19), A.Id, PulseScale.Heard, 5),
            new(Day(3, 19), A.Id, PulseScale.Loved, null),
            new(Day(3, 19), B.Id, PulseScale.Loved, 4),
            new(Day(3, 23), B.Id, PulseScale.Heard, null),
        ];

        var trend = PulseTrend.Build(readings, A, B, "UTC", Now, 2);

        Assert.Equal([3.5, null], Series(trend, A, PulseScale.Heard).Values);
        Assert.Equal([null, null], Series(trend, A, PulseScale.Loved).Values);
        Assert.Equal([4.0, null], Series(trend, B, PulseScale.Loved).Values);
        Assert.Equal([null, null], Series(trend, B, PulseScale.Heard).Values);
        Assert.Equal(1, trend.WeeksWithData);
    }

    [Fact]
    public void Build_ReadsWeeksOnTheCouplesClock()
    {
        // Sunday 22 March 23:30 UTC is already Monday 23 March in Berlin (UTC+1).
        PulseReading[] readings =
        [
            new(new DateTimeOffset(2026, 3, 22, 23, 30, 0, TimeSpan.Zero), A.Id, PulseScale.Loved, 4),
            new(Day(3, 10), B.Id, PulseScale.Loved, 2),
        ];

        var utc = PulseTrend.Build(readings, A, B, "UTC", Now, 3);
        var berlin = PulseTrend.Build(readings, A, B, "Europe/Berlin", Now, 3);

        Assert.Equal([null, 4.0, null], Series(utc, A, PulseScale.Loved).Values);
        Assert.Equal([null, null, 4.0], Series(berlin, A, PulseScale.Loved).Values);
        Assert.True(berlin.HasEnoughData);
    }

    [Fact]
    public void Build_HasFourSeries_PartnerAFirst_NamedForTheLegend()
    {
        var trend = PulseTrend.Build([], A, B, "UTC", Now, 12);

        Assert.Equal(
            [("Alex", PulseScale.Loved), ("Alex", PulseScale.Heard), ("Sam", PulseScale.Loved), ("Sam", PulseScale.Heard)],
            trend.Series.Select(s => (s.PersonName, s.Scale)));
        Assert.All(trend.Series, s => Assert.Equal(12, s.Values.Count));
        Assert.Equal(0, trend.WeeksWithData);
    }
}
