using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task AddCouple_AssignsIdAndRoundTripsEveryField()
    {
        var a = await PersonAsync("a");
        var b = await PersonAsync("b");
        var couple = NewCouple(a.Id, b.Id, Now.AddDays(6)) with
        {
            Id = 999,
            Home = new ChatAddress(Platform.Telegram, "-100123"),
            Schedule = new WeeklySchedule(DayOfWeek.Saturday, new TimeOnly(23, 59), IsEnabled: false),
            TimeZoneIsGuess = true,
            SlotIsDefault = true,
        };

        var added = await Couples.AddAsync(couple, CancellationToken.None);

        Assert.NotEqual(999, added.Id);
        Assert.Equal(couple with { Id = added.Id }, added);
        Assert.Equal(added, await Couples.GetAsync(added.Id, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateCouple_ClearsTheGuessedZoneAndTheDefaultSlot()
    {
        var a = await PersonAsync("a");
        var b = await PersonAsync("b");
        var added = await Couples.AddAsync(NewCouple(a.Id, b.Id, Now.AddDays(6)) with { TimeZoneIsGuess = true, SlotIsDefault = true },
            CancellationToken.None);

        await Couples.UpdateAsync(added with { TimeZoneIsGuess = false, SlotIsDefault = false }, CancellationToken.None);

        var updated = await Couples.GetAsync(added.Id, CancellationToken.None);
        Assert.Equal((false, false), (updated!.TimeZoneIsGuess, updated.SlotIsDefault));
    }

    [Fact]
    public async Task AddCouple_KeepsTheScheduleToTheMinute()
    {
        var a = await PersonAsync("a");
        var b = await PersonAsync("b");
        var couple = NewCouple(a.Id, b.Id) with
        {
            Schedule = new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(7, 15, 42), IsEnabled: true),
        };

        var added = await Couples.AddAsync(couple, CancellationToken.None);

        Assert.Equal(new TimeOnly(7, 15), added.Schedule.Time);
    }

    [Fact]
    public async Task GetCouple_UnknownId_ReturnsNull()
    {
        var couple = await Couples.GetAsync(404, CancellationToken.None);

        Assert.Null(couple);
    }

    [Fact]
    public async Task GetActiveForPerson_FindsTheCoupleFromEitherPartner()
    {
        var couple = await CoupleAsync();

        var fromA = await Couples.GetActiveForPersonAsync(couple.PartnerAId, CancellationToken.None);
        var fromB = await Couples.GetActiveForPersonAsync(couple.PartnerBId, CancellationToken.None);

        Assert.Equal(couple, fromA);
        Assert.Equal(couple, fromB);
    }

    [Fact]
    public async Task GetActiveForPerson_EndedCouple_ReturnsNull()
    {
        var couple = await CoupleAsync();
        await Couples.UpdateAsync(couple with { EndedAt = Now.AddDays(1) }, CancellationToken.None);

        var active = await Couples.GetActiveForPersonAsync(couple.PartnerAId, CancellationToken.None);

        Assert.Null(active);
    }

    [Fact]
    public async Task GetActiveForPerson_AfterRepairing_FindsTheNewCouple()
    {
        var old = await CoupleAsync();
        await Couples.UpdateAsync(old with { EndedAt = Now }, CancellationToken.None);
        var c = await PersonAsync("c");

        var fresh = await Couples.AddAsync(NewCouple(c.Id, old.PartnerAId), CancellationToken.None);

        Assert.Equal(fresh, await Couples.GetActiveForPersonAsync(old.PartnerAId, CancellationToken.None));
        Assert.Null(await Couples.GetActiveForPersonAsync(old.PartnerBId, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateCouple_WritesZoneScheduleNextCheckInHomePauseAndEnd()
    {
        var couple = await CoupleAsync(Now.AddDays(1));
        var changed = couple with
        {
            TimeZone = "America/New_York",
            Schedule = new WeeklySchedule(DayOfWeek.Wednesday, new TimeOnly(8, 5), IsEnabled: false),
            NextCheckInAt = null,
            Home = new ChatAddress(Platform.Discord, "555"),
            EndedAt = Now.AddDays(2),
            PausedUntil = Now.AddDays(14),
        };

        await Couples.UpdateAsync(changed, CancellationToken.None);

        Assert.Equal(changed, await Couples.GetAsync(couple.Id, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateCouple_DoesNotChangePartnersOrCreation()
    {
        var couple = await CoupleAsync();
        var other = await PersonAsync("other");

        await Couples.UpdateAsync(
            couple with { PartnerAId = other.Id, CreatedAt = Now.AddYears(-1) }, CancellationToken.None);

        Assert.Equal(couple, await Couples.GetAsync(couple.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FindDueCheckIns_ReturnsDueActiveCouplesEarliestFirst()
    {
        var later = await CoupleAsync(Now.AddMinutes(-1));
        var earliest = await CoupleAsync(Now.AddHours(-2));
        var exactlyNow = await CoupleAsync(Now);
        await CoupleAsync(Now.AddMinutes(1));
        await CoupleAsync(nextCheckIn: null);
        var ended = await CoupleAsync(Now.AddHours(-3));
        await Couples.UpdateAsync(ended with { EndedAt = Now }, CancellationToken.None);

        var due = await Couples.FindDueCheckInsAsync(Now, 10, CancellationToken.None);

        Assert.Equal([earliest.Id, later.Id, exactlyNow.Id], due);
    }

    [Fact]
    public async Task FindDueCheckIns_StopsAtTheLimit()
    {
        var first = await CoupleAsync(Now.AddHours(-3));
        var second = await CoupleAsync(Now.AddHours(-2));
        await CoupleAsync(Now.AddHours(-1));

        var due = await Couples.FindDueCheckInsAsync(Now, 2, CancellationToken.None);

        Assert.Equal([first.Id, second.Id], due);
    }

    [Fact]
    public async Task FindDueCheckIns_SameTime_OrdersById()
    {
        var first = await CoupleAsync(Now.AddHours(-1));
        var second = await CoupleAsync(Now.AddHours(-1));

        var due = await Couples.FindDueCheckInsAsync(Now, 10, CancellationToken.None);

        Assert.Equal([first.Id, second.Id], due);
    }

    [Fact]
    public async Task TryAdvanceCheckIn_SucceedsOnceThenFails()
    {
        var due = Now.AddMinutes(-1);
        var couple = await CoupleAsync(due);

        var first = await Couples.TryAdvanceCheckInAsync(couple.Id, due, Now.AddDays(7), CancellationToken.None);
        var second = await Couples.TryAdvanceCheckInAsync(couple.Id, due, Now.AddDays(14), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(Now.AddDays(7), (await Couples.GetAsync(couple.Id, CancellationToken.None))!.NextCheckInAt);
    }

    [Fact]
    public async Task TryAdvanceCheckIn_ToNull_TakesTheCoupleOutOfTheSweep()
    {
        var due = Now.AddMinutes(-1);
        var couple = await CoupleAsync(due);

        var advanced = await Couples.TryAdvanceCheckInAsync(couple.Id, due, null, CancellationToken.None);

        Assert.True(advanced);
        Assert.Empty(await Couples.FindDueCheckInsAsync(Now.AddYears(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task TryAdvanceCheckIn_WhenNextIsNull_ReturnsFalse()
    {
        var couple = await CoupleAsync(nextCheckIn: null);

        var advanced = await Couples.TryAdvanceCheckInAsync(couple.Id, Now, Now.AddDays(7), CancellationToken.None);

        Assert.False(advanced);
    }
}
