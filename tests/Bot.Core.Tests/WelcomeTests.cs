using Bot.Core.Application;
using Bot.Core.Application.Buttons;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class WelcomeTests
{
    private static readonly DateTimeOffset Night = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);

    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task Join_AsksEachPartnerForTheirClock_WithCommonZonesAndTypeMyCity()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);

        await _bot.SendAsync(bea, $"/join {code}");

        foreach (var person in new[] { alex, bea })
        {
            var ask = Assert.Single(_bot.MessagesTo(person), m => m.Text.Contains("where in the world", StringComparison.Ordinal));
            var buttons = ask.Choices.SelectMany(row => row).ToList();
            Assert.Contains(buttons, b => b.Label == "Berlin·Paris 11:00" && b.Payload.StartsWith("wz:Europe/Berlin:", StringComparison.Ordinal));
            Assert.Contains(buttons, b => b.Label == Copy.TypeMyCityLabel && b.Payload.StartsWith("wz:type:", StringComparison.Ordinal));
            Assert.All(ask.Choices, row => Assert.InRange(row.Count, 1, 5));
        }

        var couple = _bot.ActiveCouple(alex)!;
        Assert.True(couple.TimeZoneIsGuess);
        Assert.True(couple.SlotIsDefault);
    }

    [Fact]
    public async Task ZoneTapped_SetsTheirClock_ThenQuietHoursLineAndSlotChoices()
    {
        var (alex, bea) = await PairedAsync();

        await _bot.PressOfferedAsync(bea, "wz:Europe/Berlin");

        Assert.Equal("Europe/Berlin", _bot.Stored(bea).TimeZone);
        // Alex has no clock of his own yet, so the check-ins move along with Bea's, as /timezone does.
        Assert.Equal("Europe/Berlin", _bot.ActiveCouple(bea)!.TimeZone);
        var quiet = Assert.Single(_bot.MessagesTo(bea), m => m.Text.Contains("Quiet hours: from 22:00–08:00", StringComparison.Ordinal));
        Assert.Contains(quiet.Choices.SelectMany(r => r), c => c.Payload.StartsWith("wq:2300-0700:", StringComparison.Ordinal));
        Assert.Contains(_bot.PayloadsTo(bea), p => p.StartsWith("ws:p:", StringComparison.Ordinal));
        Assert.Null(_bot.Stored(alex).TimeZone);
    }

    [Fact]
    public async Task ZoneTappedTwice_SaysItIsSetAlready()
    {
        var (_, bea) = await PairedAsync();
        var payload = _bot.PayloadsTo(bea).Last(p => p.StartsWith("wz:Asia/Tokyo:", StringComparison.Ordinal));
        await _bot.PressAsync(bea, payload);

        await _bot.PressAsync(bea, payload);

        Assert.Contains("You're on Asia/Tokyo already", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeMyCity_TakesTheNextTextAsTheirCity()
    {
        var (_, bea) = await PairedAsync();
        await _bot.PressOfferedAsync(bea, "wz:type");
        Assert.Equal(WelcomeInput.City, _bot.Stored(bea).Awaiting);

        await _bot.TextAsync(bea, "Atlantis");
        Assert.Contains("I don't know the time zone \"Atlantis\"", _bot.LastTextTo(bea), StringComparison.Ordinal);
        await _bot.TextAsync(bea, "lisbon");

        Assert.Equal("Europe/Lisbon", _bot.Stored(bea).TimeZone);
        Assert.Null(_bot.Stored(bea).Awaiting);
    }

    [Fact]
    public async Task TypeMyCity_ThenACommand_LetsGoOfTheCity()
    {
        var (_, bea) = await PairedAsync();
        await _bot.PressOfferedAsync(bea, "wz:type");

        await _bot.SendAsync(bea, "/status");

        Assert.Null(_bot.Stored(bea).Awaiting);
    }

    [Fact]
    public async Task QuietTapped_ChangesTheirQuietHours()
    {
        var (_, bea) = await PairedAsync();
        await _bot.PressOfferedAsync(bea, "wz:Europe/London");

        await _bot.PressOfferedAsync(bea, "wq:2300-0700");

        Assert.Equal(new QuietHours(new TimeOnly(23, 0), new TimeOnly(7, 0)), _bot.Stored(bea).QuietHours);
        await _bot.PressOfferedAsync(bea, "wq:off");
        Assert.Null(_bot.Stored(bea).QuietHours);
    }

    [Fact]
    public async Task SlotProposed_AndAccepted_IsTheirScheduleOnTheProposersClock()
    {
        var (alex, bea) = await PairedAsync();
        await _bot.PressOfferedAsync(alex, "wz:America/New_York");
        await _bot.PressOfferedAsync(bea, "wz:Europe/Berlin");

        // The first suggestion: Sunday 19:00.
        await _bot.PressAsync(bea, _bot.PayloadsTo(bea).First(p => p.StartsWith("ws:p:", StringComparison.Ordinal)));
        var proposal = _bot.LastMessageTo(alex);
        Assert.Contains("Bea suggests your weekly check-in on Sundays at 19:00, Bea's time (Sunday 14:00 for you)",
            proposal.Text, StringComparison.Ordinal);
        await _bot.PressOfferedAsync(alex, "ws:a");

        var couple = _bot.ActiveCouple(alex)!;
        Assert.False(couple.SlotIsDefault);
        Assert.Equal(new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), couple.Schedule);
        Assert.Equal("Europe/Berlin", couple.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 18, 0, 0, TimeSpan.Zero), couple.NextCheckInAt);
        Assert.Contains("It's a date, Alex", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Contains("It's a date, Bea", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlotAcceptedTwice_SaysItIsSettled()
    {
        var (alex, bea) = await PairedAsync();
        await _bot.PressOfferedAsync(bea, "wz:Europe/Berlin");
        await _bot.PressOfferedAsync(bea, "ws:p");
        var accept = _bot.PayloadsTo(alex).Last(p => p.StartsWith("ws:a:", StringComparison.Ordinal));
        await _bot.PressAsync(alex, accept);
        var schedule = _bot.ActiveCouple(alex)!.Schedule;

        await _bot.PressAsync(alex, accept);

        Assert.Contains("You've settled your slot already, Alex", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Equal(schedule, _bot.ActiveCouple(alex)!.Schedule);
    }

    [Fact]
    public async Task SuggestAnother_LetsThePartnerTypeTheirOwnSlot()
    {
        var (alex, bea) = await PairedAsync();
        await _bot.PressOfferedAsync(bea, "wz:Europe/Berlin");
        await _bot.PressOfferedAsync(bea, "ws:p");

        await _bot.PressOfferedAsync(alex, "ws:o");
        await _bot.PressOfferedAsync(alex, "ws:t");
        await _bot.TextAsync(alex, "wed 8pm");
        await _bot.PressOfferedAsync(bea, "ws:a");

        var couple = _bot.ActiveCouple(bea)!;
        Assert.Equal(new WeeklySchedule(DayOfWeek.Wednesday, new TimeOnly(20, 0), true), couple.Schedule);
    }

    [Fact]
    public async Task TypedSlotThatCannotBeRead_GetsHelp()
    {
        var (_, bea) = await PairedAsync();
        await _bot.PressOfferedAsync(bea, "wz:Europe/Berlin");
        await _bot.PressOfferedAsync(bea, "ws:t");

        await _bot.TextAsync(bea, "whenever suits");

        Assert.Contains("I couldn't read a day and time", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Equal(WelcomeInput.Slot, _bot.Stored(bea).Awaiting);
    }

    [Fact]
    public async Task WelcomeButton_MonthsLater_GetsAFriendlyReplyAndChangesNothing()
    {
        var (_, bea) = await PairedAsync();
        var payload = _bot.PayloadsTo(bea).Last(p => p.StartsWith("wz:Asia/Tokyo:", StringComparison.Ordinal));
        _bot.Advance(TimeSpan.FromDays(90));

        await _bot.PressAsync(bea, payload);

        Assert.Contains("That welcome button has had its day, Bea", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Null(_bot.Stored(bea).TimeZone);
    }

    [Fact]
    public async Task SlotButton_FromAnEarlierPairing_ChangesNothing()
    {
        var (alex, bea) = await PairedAsync();
        var earlier = _bot.ActiveCouple(alex)!.Id;
        await _bot.SendAsync(alex, "/unpair");
        await _bot.PressOfferedAsync(alex, "unpair");
        await _bot.PairAsync(alex, bea);

        await _bot.PressAsync(bea, _bot.Confirmation(bea, ButtonCatalog.WelcomeSlot, "p", earlier, 0, "1900"));

        Assert.Contains("from an earlier pairing", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownClock_HoldsNothingForQuietHours_UntilTheyTellIt()
    {
        var (alex, bea) = await PairedAsync();
        _bot.AdvanceTo(Night);

        await _bot.SendAsync(alex, "/checkin");

        // Bea never said where she is: 23:00 UTC is only a guess, so her question is not held for a "morning".
        Assert.Contains(_bot.MessagesTo(bea), m => m.IsRoundStep && m.NotBefore is null);
        Assert.Contains("(in use once a time zone is set)", Copy.StatusClocks(_bot.Stored(bea), _bot.Stored(alex),
            _bot.ActiveCouple(bea)!, Night), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnownClock_HoldsForQuietHours()
    {
        var (alex, bea) = await PairedAsync();
        await _bot.PressOfferedAsync(bea, "wz:Europe/London");
        _bot.AdvanceTo(Night);

        await _bot.SendAsync(alex, "/checkin");

        Assert.Contains(_bot.MessagesTo(bea), m => m.IsRoundStep && m.NotBefore > Night);
    }

    [Fact]
    public async Task CoupleZoneNamedOutright_IsKnownForBoth()
    {
        var (alex, bea) = await PairedAsync();

        await _bot.SendAsync(alex, "/timezone couple Europe/Paris");

        Assert.False(_bot.ActiveCouple(alex)!.TimeZoneIsGuess);
        Assert.Equal("Europe/Paris", _bot.Stored(bea).KnownZoneIn(_bot.ActiveCouple(bea)!));
    }

    private async Task<(TestUser Alex, TestUser Bea)> PairedAsync()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        await _bot.SendAsync(bea, $"/join {code}");
        return (alex, bea);
    }
}
