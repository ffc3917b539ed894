using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    private async Task<Couple> CoolingAsync(DateTimeOffset until, string topic = "money talk")
    {
        var couple = await CoupleAsync();
        var cooling = couple with { CooldownUntil = until, CooldownById = couple.PartnerAId, CooldownTopic = topic };
        await Couples.UpdateAsync(cooling, CancellationToken.None);
        return cooling;
    }

    [Fact]
    public async Task Couples_Update_RoundTripsTheCooldownAndTheNextFirstTime()
    {
        var couple = await CoolingAsync(Now.AddMinutes(30), "the dishes, again 🙈");
        await Couples.UpdateAsync(couple with { NextFirstTimeAt = Now.AddDays(31) }, CancellationToken.None);

        var read = await Couples.GetAsync(couple.Id, CancellationToken.None);

        Assert.Equal(
            (Now.AddMinutes(30), couple.PartnerAId, "the dishes, again 🙈", Now.AddDays(31)),
            (read!.CooldownUntil, read.CooldownById, read.CooldownTopic, read.NextFirstTimeAt));
    }

    [Fact]
    public async Task Couples_AddWithNextFirstTime_KeepsIt()
    {
        var a = await PersonAsync("ft-a");
        var b = await PersonAsync("ft-b");

        var added = await Couples.AddAsync(
            NewCouple(a.Id, b.Id) with { NextFirstTimeAt = Now.AddDays(33) }, CancellationToken.None);

        Assert.Equal(Now.AddDays(33), (await Couples.GetAsync(added.Id, CancellationToken.None))!.NextFirstTimeAt);
    }

    [Fact]
    public async Task Couples_FindDueCooldownEnds_ReturnsActiveCouplesWhoseCooldownIsUp_EarliestFirst()
    {
        var later = await CoolingAsync(Now.AddMinutes(-1));
        var earliest = await CoolingAsync(Now.AddHours(-1));
        await CoolingAsync(Now.AddMinutes(1));
        await CoupleAsync();
        var ended = await CoolingAsync(Now.AddHours(-2));
        await Couples.UpdateAsync(ended with { EndedAt = Now }, CancellationToken.None);

        var due = await Couples.FindDueCooldownEndsAsync(Now, 10, CancellationToken.None);
        var limited = await Couples.FindDueCooldownEndsAsync(Now, 1, CancellationToken.None);

        Assert.Equal([earliest.Id, later.Id], due);
        Assert.Equal([earliest.Id], limited);
    }

    [Fact]
    public async Task Couples_TryEndCooldown_ClearsItOnce_AndOnlyForTheExpectedEnd()
    {
        var couple = await CoolingAsync(Now);

        var wrong = await Couples.TryEndCooldownAsync(couple.Id, Now.AddMinutes(1), CancellationToken.None);
        var first = await Couples.TryEndCooldownAsync(couple.Id, Now, CancellationToken.None);
        var second = await Couples.TryEndCooldownAsync(couple.Id, Now, CancellationToken.None);

        Assert.Equal((false, true, false), (wrong, first, second));
        var read = await Couples.GetAsync(couple.Id, CancellationToken.None);
        Assert.Equal(((DateTimeOffset?)null, (long?)null, (string?)null),
            (read!.CooldownUntil, read.CooldownById, read.CooldownTopic));
    }

    [Fact]
    public async Task Couples_FirstTimeDueAndAdvance_AreAtomic()
    {
        var couple = await CoupleAsync();
        await Couples.UpdateAsync(couple with { NextFirstTimeAt = Now.AddMinutes(-5) }, CancellationToken.None);
        var future = await CoupleAsync();
        await Couples.UpdateAsync(future with { NextFirstTimeAt = Now.AddMinutes(5) }, CancellationToken.None);

        var due = await Couples.FindDueFirstTimesAsync(Now, 10, CancellationToken.None);
        var first = await Couples.TryAdvanceFirstTimeAsync(couple.Id, Now.AddMinutes(-5), Now.AddDays(30), CancellationToken.None);
        var second = await Couples.TryAdvanceFirstTimeAsync(couple.Id, Now.AddMinutes(-5), Now.AddDays(31), CancellationToken.None);

        Assert.Equal([couple.Id], due);
        Assert.Equal((true, false), (first, second));
        Assert.Equal(Now.AddDays(30), (await Couples.GetAsync(couple.Id, CancellationToken.None))!.NextFirstTimeAt);
        Assert.Empty(await Couples.FindDueFirstTimesAsync(Now, 10, CancellationToken.None));
    }

    [Fact]
    public async Task LoveNotes_Postpone_MovesAWaitingNoteOnlyFromItsExpectedTime()
    {
        var couple = await CoupleAsync();
        var note = await NoteAsync(couple, "held", Now);

        var wrong = await LoveNotes.PostponeAsync(note.Id, Now.AddMinutes(1), Now.AddHours(1), CancellationToken.None);
        var moved = await LoveNotes.PostponeAsync(note.Id, Now, Now.AddHours(1), CancellationToken.None);
        var again = await LoveNotes.PostponeAsync(note.Id, Now, Now.AddHours(2), CancellationToken.None);

        Assert.Equal((false, true, false), (wrong, moved, again));
        Assert.Equal(Now.AddHours(1), (await LoveNotes.GetAsync(note.Id, CancellationToken.None))!.DeliverAt);
        Assert.Empty(await LoveNotes.FindDueAsync(Now.AddMinutes(59), 10, CancellationToken.None));
    }

    [Fact]
    public async Task LoveNotes_MoveDue_MovesOnlyTheCouplesWaitingNotesDueAtThatInstant()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync();
        var held = await NoteAsync(couple, "held", Now.AddHours(1));
        var elsewhere = await NoteAsync(couple, "at another time", Now.AddHours(2));
        var theirs = await NoteAsync(other, "another couple", Now.AddHours(1));
        var delivered = await NoteAsync(couple, "delivered", Now.AddHours(1));
        await LoveNotes.MarkDeliveredAsync(delivered.Id, Now, CancellationToken.None);

        await LoveNotes.MoveDueAsync(couple.Id, Now.AddHours(1), Now, CancellationToken.None);

        async Task<DateTimeOffset> DueOf(LoveNote n) => (await LoveNotes.GetAsync(n.Id, CancellationToken.None))!.DeliverAt;
        Assert.Equal(
            (Now, Now.AddHours(2), Now.AddHours(1), Now.AddHours(1)),
            (await DueOf(held), await DueOf(elsewhere), await DueOf(theirs), await DueOf(delivered)));
    }
}
