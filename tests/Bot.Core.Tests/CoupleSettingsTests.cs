using System.Globalization;
using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class CoupleSettingsTests
{
    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task Schedule_WithDayAndTime_SavesItAndStatesTheNextCheckInLocally()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/schedule wednesday 20:30");

        var couple = _bot.ActiveCouple(alex)!;
        Assert.Equal(DayOfWeek.Wednesday, couple.Schedule.Day);
        Assert.Equal(new TimeOnly(20, 30), couple.Schedule.Time);
        Assert.Equal(At("2026-03-04T20:30Z"), couple.NextCheckInAt);
        Assert.Equal(
            "Done, Alex. Weekly check-ins: Wednesdays at 20:30 (UTC). Next one: Wednesday 4 March, 20:30.",
            _bot.LastTextTo(alex));
        Assert.StartsWith("Bea, Alex updated your check-ins.", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sun 7:30", DayOfWeek.Sunday, 7, 30)]
    [InlineData("SUN 07:30", DayOfWeek.Sunday, 7, 30)]
    [InlineData("Saturday 23:59", DayOfWeek.Saturday, 23, 59)]
    [InlineData("  tHu   0:00 ", DayOfWeek.Thursday, 0, 0)]
    [InlineData("MONDAY 12:15", DayOfWeek.Monday, 12, 15)]
    [InlineData("fri 8pm", DayOfWeek.Friday, 20, 0)]
    [InlineData("8:30 PM friday", DayOfWeek.Friday, 20, 30)]
    [InlineData("sundays at 7 pm", DayOfWeek.Sunday, 19, 0)]
    [InlineData("19:00 sun", DayOfWeek.Sunday, 19, 0)]
    [InlineData("wed 12am", DayOfWeek.Wednesday, 0, 0)]
    [InlineData("tue 19.45", DayOfWeek.Tuesday, 19, 45)]
    public async Task Schedule_AcceptsFullAndShortDaysInAnyCase_AndTwelveHourTimesInEitherOrder(string arguments, DayOfWeek day, int hour, int minute)
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, $"/schedule {arguments}");

        var schedule = _bot.ActiveCouple(alex)!.Schedule;
        Assert.Equal((day, new TimeOnly(hour, minute), true), (schedule.Day, schedule.Time, schedule.IsEnabled));
    }

    [Theory]
    [InlineData("funday 19:00")]
    [InlineData("sun")]
    [InlineData("19:00")]
    [InlineData("sun 25:00")]
    [InlineData("sun 13pm")]
    [InlineData("sun mon 19:00")]
    [InlineData("sun 19")]
    [InlineData("sun 19:00 weekly")]
    [InlineData("offf")]
    public async Task Schedule_WithBadInput_RepliesWithHelpAndChangesNothing(string arguments)
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var before = _bot.ActiveCouple(alex);

        await _bot.SendAsync(alex, $"/schedule {arguments}");

        Assert.Equal(Copy.ScheduleHelp("Alex"), _bot.LastTextTo(alex));
        Assert.Equal(before, _bot.ActiveCouple(alex));
        Assert.Empty(_bot.MessagesTo(bea));
    }

    [Fact]
    public async Task Schedule_WithoutArguments_ShowsTheCurrentSchedule()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/schedule");

        Assert.Equal(
            "Alex, Weekly check-ins: Sundays at 19:00 (UTC). Next one: Sunday 8 March, 19:00.",
            _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Schedule_Off_StopsCheckIns_AndOnBringsThemBack()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/schedule OFF");
        var off = _bot.ActiveCouple(alex)!;
        var offReply = _bot.LastTextTo(alex);
        _bot.AdvanceTo(At("2026-03-09T08:00Z"));
        await _bot.SendAsync(alex, "/schedule on");

        Assert.False(off.Schedule.IsEnabled);
        Assert.Null(off.NextCheckInAt);
        Assert.Contains("check-ins are off", offReply, StringComparison.Ordinal);
        var on = _bot.ActiveCouple(alex)!;
        Assert.True(on.Schedule.IsEnabled);
        Assert.Equal(At("2026-03-15T19:00Z"), on.NextCheckInAt);
        Assert.Contains("Next one: Sunday 15 March, 19:00.", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("europe/berlin")]
    [InlineData("Berlin")]
    [InlineData("BERLIN")]
    public async Task TimeZone_ByIdOrCity_SetsTheZoneAndStatesTheNextCheckInLocally(string typed)
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, $"/timezone {typed}");

        var couple = _bot.ActiveCouple(alex)!;
        Assert.Equal("Europe/Berlin", couple.TimeZone);
        Assert.Equal(At("2026-03-08T18:00Z"), couple.NextCheckInAt);
        Assert.Equal(
            "Done, Alex: it's Monday 2 March, 11:00 in Europe/Berlin. Weekly check-ins: Sundays at 19:00 "
            + "(Europe/Berlin). Next one: Sunday 8 March, 19:00.",
            _bot.LastTextTo(alex));
        Assert.Contains("Next one: Sunday 8 March, 19:00.", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_NewYork_CountsTheDaylightSavingChangeOnTheDay()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/timezone new york");

        var couple = _bot.ActiveCouple(alex)!;
        Assert.Equal("America/New_York", couple.TimeZone);
        Assert.Equal(At("2026-03-08T23:00Z"), couple.NextCheckInAt);
        Assert.Contains("it's Monday 2 March, 05:00", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_Unknown_RepliesWithoutChangingAnything()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/timezone Atlantis");

        Assert.Equal(Copy.TimeZoneUnknown("Alex", "Atlantis", []), _bot.LastTextTo(alex));
        Assert.Equal("UTC", _bot.ActiveCouple(alex)!.TimeZone);
    }

    [Fact]
    public async Task TimeZone_Ambiguous_SuggestsCloseMatches()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/timezone indianapolis");

        var reply = _bot.LastTextTo(alex);
        Assert.StartsWith(
            "I don't know the time zone \"indianapolis\", Alex. Did you mean", reply, StringComparison.Ordinal);
        Assert.Contains("America/Indiana/Indianapolis", reply, StringComparison.Ordinal);
        Assert.Equal("UTC", _bot.ActiveCouple(alex)!.TimeZone);
    }

    [Fact]
    public async Task TimeZone_WithoutArguments_ShowsTheCurrentZone()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/timezone");

        Assert.Equal(
            Copy.TimeZoneCurrent("Alex", _bot.Stored(alex), _bot.Stored(bea), _bot.ActiveCouple(alex)!, CoreHarness.Start),
            _bot.LastTextTo(alex));
        Assert.StartsWith("Alex, your time zone is UTC (it's 10:00).", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/schedule sun 19:00")]
    [InlineData("/timezone Europe/Berlin")]
    [InlineData("/checkin")]
    [InlineData("/status")]
    [InlineData("/history")]
    [InlineData("/question")]
    [InlineData("/unpair")]
    [InlineData("/skip")]
    public async Task CoupleCommands_WhenNotPaired_SayHowToPair(string line)
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, line);

        Assert.Equal(Copy.NotPaired("Alex"), _bot.LastTextTo(alex));
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
