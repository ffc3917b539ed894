using System.Globalization;
using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("  AMERICA/NEW_YORK ", "America/New_York")]
    [InlineData("Berlin", "Europe/Berlin")]
    [InlineData("new york", "America/New_York")]
    [InlineData("tokyo", "Asia/Tokyo")]
    [InlineData("UTC", "UTC")]
    public void Resolve_FindsZoneByIdInAnyCaseOrByCity(string typed, string expected)
    {
        var zone = TimeZones.Resolve(typed, out var suggestions);

        Assert.Equal(expected, zone);
        Assert.Empty(suggestions);
    }

    [Fact]
    public void Resolve_WithCityInSeveralZones_SuggestsThem()
    {
        var zone = TimeZones.Resolve("Indianapolis", out var suggestions);

        Assert.Null(zone);
        Assert.Contains("America/Indiana/Indianapolis", suggestions);
    }

    [Fact]
    public void Resolve_WithPartOfAName_SuggestsUpToFiveZones()
    {
        var zone = TimeZones.Resolve("America/Ar", out var suggestions);

        Assert.Null(zone);
        Assert.InRange(suggestions.Count, 1, 5);
        Assert.All(suggestions, s => Assert.StartsWith("America/Ar", s, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_WithNothingLikeIt_ReturnsNullWithoutSuggestions(string typed)
    {
        var zone = TimeZones.Resolve(typed, out var suggestions);

        Assert.Null(zone);
        Assert.Empty(suggestions);
    }

    [Fact]
    public void FormatLocal_ShowsDayDateAndTimeInTheZone()
    {
        var instant = DateTimeOffset.Parse("2026-03-29T17:00Z", CultureInfo.InvariantCulture);

        var text = TimeZones.FormatLocal(instant, "Europe/Berlin");

        Assert.Equal("Sunday 29 March, 19:00", text);
    }

    [Fact]
    public void Search_PutsCityAndPrefixMatchesFirst_AndRespectsTheLimit()
    {
        var found = TimeZones.Search("york", 5);

        Assert.Equal("America/New_York", found[0]);
        Assert.InRange(found.Count, 1, 5);
        Assert.All(found, zone => Assert.Contains("york", zone, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(25, TimeZones.Search("a", 25).Count);
    }
}
