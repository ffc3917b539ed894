using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class ScheduleParserTests
{
    [Theory]
    [InlineData("sunday", DayOfWeek.Sunday)]
    [InlineData("Sunday", DayOfWeek.Sunday)]
    [InlineData("SUN", DayOfWeek.Sunday)]
    [InlineData("mon", DayOfWeek.Monday)]
    [InlineData("Tue", DayOfWeek.Tuesday)]
    [InlineData("wEdNeSdAy", DayOfWeek.Wednesday)]
    [InlineData("thu", DayOfWeek.Thursday)]
    [InlineData("FRIDAY", DayOfWeek.Friday)]
    [InlineData(" sat ", DayOfWeek.Saturday)]
    public void TryParseDay_AcceptsFullAndThreeLetterNamesInAnyCase(string typed, DayOfWeek expected)
    {
        var parsed = ScheduleParser.TryParseDay(typed, out var day);

        Assert.True(parsed);
        Assert.Equal(expected, day);
    }

    [Theory]
    [InlineData("")]
    [InlineData("su")]
    [InlineData("sunda")]
    [InlineData("funday")]
    [InlineData("0")]
    [InlineData("7")]
    public void TryParseDay_RejectsAnythingElse(string typed)
    {
        var parsed = ScheduleParser.TryParseDay(typed, out _);

        Assert.False(parsed);
    }

    [Theory]
    [InlineData("19:00", 19, 0)]
    [InlineData("7:30", 7, 30)]
    [InlineData("07:30", 7, 30)]
    [InlineData("0:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    [InlineData("19.30", 19, 30)]
    [InlineData("7pm", 19, 0)]
    [InlineData("7:30 PM", 19, 30)]
    [InlineData("7:30p.m.", 19, 30)]
    [InlineData("12pm", 12, 0)]
    [InlineData("12am", 0, 0)]
    [InlineData("9am", 9, 0)]
    public void TryParseTime_AcceptsTwentyFourHourTimesAndAmPm(string typed, int hour, int minute)
    {
        var parsed = ScheduleParser.TryParseTime(typed, out var time);

        Assert.True(parsed);
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("19")]
    [InlineData("1900")]
    [InlineData("24:00")]
    [InlineData("19:60")]
    [InlineData("19:0")]
    [InlineData("119:00")]
    [InlineData("-1:00")]
    [InlineData("0pm")]
    [InlineData("13pm")]
    [InlineData("7 o'clock")]
    [InlineData("19:00:00")]
    public void TryParseTime_RejectsAnythingElse(string typed)
    {
        var parsed = ScheduleParser.TryParseTime(typed, out _);

        Assert.False(parsed);
    }
}
