using System.Globalization;
using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class PersonalTimeTests
{
    private static readonly QuietHours Night = QuietHours.Default;

    [Theory]
    [InlineData("2026-03-02T21:30Z", "2026-03-03T07:00Z")] // 22:30 in Berlin: until 08:00 tomorrow
    [InlineData("2026-03-02T21:00Z", "2026-03-03T07:00Z")] // 22:00 sharp is quiet
    [InlineData("2026-03-03T02:00Z", "2026-03-03T07:00Z")] // 03:00, after midnight: until 08:00 today
    [InlineData("2026-03-03T06:59Z", "2026-03-03T07:00Z")]
    public void QuietUntil_AcrossMidnight_EndsAtTheNextLocalMorning(string at, string expected)
    {
        var until = PersonalTime.QuietUntil(Night, "Europe/Berlin", At(at));

        Assert.Equal(At(expected), until);
    }

    [Theory]
    [InlineData("2026-03-03T07:00Z")] // 08:00 sharp is awake
    [InlineData("2026-03-03T11:00Z")]
    [InlineData("2026-03-02T20:59Z")]
    public void QuietUntil_OutsideTheQuietHours_IsNull(string at)
    {
        Assert.Null(PersonalTime.QuietUntil(Night, "Europe/Berlin", At(at)));
    }

    [Fact]
    public void QuietUntil_WithQuietHoursOff_IsNull()
    {
        Assert.Null(PersonalTime.QuietUntil(null, "Europe/Berlin", At("2026-03-03T02:00Z")));
    }

    [Fact]
    public void QuietUntil_WithinOneDay_EndsTheSameDay()
    {
        var nap = new QuietHours(new TimeOnly(13, 0), new TimeOnly(15, 0));

        var during = PersonalTime.QuietUntil(nap, "Asia/Tokyo", At("2026-03-03T05:00Z"));
        var after = PersonalTime.QuietUntil(nap, "Asia/Tokyo", At("2026-03-03T06:00Z"));
        var night = PersonalTime.QuietUntil(nap, "Asia/Tokyo", At("2026-03-03T15:00Z"));

        Assert.Equal(At("2026-03-03T06:00Z"), during);
        Assert.Null(after);
        Assert.Null(night);
    }

    [Fact]
    public void QuietUntil_OverTheSpringChange_EndsAtLocalEightInSummerTime()
    {
        // Saturday 28 March 23:00 in Berlin (UTC+1); the clocks go forward overnight, so 08:00 is 06:00 UTC.
        var until = PersonalTime.QuietUntil(Night, "Europe/Berlin", At("2026-03-28T22:00Z"));

        Assert.Equal(At("2026-03-29T06:00Z"), until);
    }

    [Fact]
    public void QuietUntil_EndingInsideTheSpringGap_MovesForwardByTheGap()
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30));

        var until = PersonalTime.QuietUntil(quiet, "Europe/Berlin", At("2026-03-28T22:00Z"));

        // 02:30 does not exist that night; 03:30 summer time is 01:30 UTC.
        Assert.Equal(At("2026-03-29T01:30Z"), until);
    }

    [Fact]
    public void QuietUntil_InTheAutumnOverlap_EndsAtTheRightOneOfTheTwoEndTimes()
    {
        // New York, 1 November 2026: 01:00–02:00 happens twice (EDT, then EST).
        var quiet = new QuietHours(new TimeOnly(0, 0), new TimeOnly(1, 30));

        var firstPass = PersonalTime.QuietUntil(quiet, "America/New_York", At("2026-11-01T05:15Z"));
        var secondPass = PersonalTime.QuietUntil(quiet, "America/New_York", At("2026-11-01T06:15Z"));

        Assert.Equal(At("2026-11-01T05:30Z"), firstPass);
        Assert.Equal(At("2026-11-01T06:30Z"), secondPass);
    }

    [Fact]
    public void DeliverableAt_PartnerWithoutOwnZone_UsesTheCouplesZone()
    {
        var couple = Couple("Asia/Tokyo");
        var sam = Person();
        var samInLondon = sam with { TimeZone = "Europe/London" };

        // 13:30 UTC: 22:30 in Tokyo (quiet until 08:00, 23:00 UTC), 13:30 in London (awake).
        var inTokyo = PersonalTime.DeliverableAt(sam, couple, At("2026-03-02T13:30Z"));
        var inLondon = PersonalTime.DeliverableAt(samInLondon, couple, At("2026-03-02T13:30Z"));

        Assert.Equal("Asia/Tokyo", sam.ZoneIn(couple));
        Assert.Equal(At("2026-03-02T23:00Z"), inTokyo);
        Assert.Equal(At("2026-03-02T13:30Z"), inLondon);
    }

    [Fact]
    public void QuietHours_WithTheSameStartAndEnd_CannotExist()
    {
        Assert.Throws<ArgumentException>(() => new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0)));
    }

    [Fact]
    public void IsSameLocalDay_FollowsTheZonesCalendar()
    {
        // 14:00 and 15:30 UTC are the same UTC day, but 23:00 and 00:30 in Tokyo.
        Assert.False(PersonalTime.IsSameLocalDay(At("2026-03-02T14:00Z"), At("2026-03-02T15:30Z"), "Asia/Tokyo"));
        Assert.True(PersonalTime.IsSameLocalDay(At("2026-03-02T14:00Z"), At("2026-03-02T15:30Z"), "UTC"));
    }

    private static Couple Couple(string zone) => new(
        1, 1, 2, zone, new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), null, null, At("2026-03-01T00:00Z"), null);

    private static Person Person() => new(
        2, new ChatUser(Platform.Telegram, "2"), "Sam", new ChatAddress(Platform.Telegram, "2"), true, JoinThrottle.None,
        At("2026-03-01T00:00Z"));

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
