using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    private async Task<LoveNote> NoteAsync(
        Couple couple, string text, DateTimeOffset deliverAt, long? from = null, bool isCapsule = false)
    {
        var sender = from ?? couple.PartnerAId;
        return await LoveNotes.AddAsync(
            new LoveNote(0, couple.Id, sender, couple.PartnerOf(sender), text, Now, deliverAt, null, isCapsule),
            CancellationToken.None);
    }

    [Fact]
    public async Task LoveNotes_AddThenGet_RoundTripsEveryField()
    {
        var couple = await CoupleAsync();
        var at = Now.AddDays(30);

        var added = await NoteAsync(couple, "sealed with a kiss 💌\nsecond line", at, couple.PartnerBId, isCapsule: true);
        var read = await LoveNotes.GetAsync(added.Id, CancellationToken.None);

        Assert.Equal(added, read);
        Assert.Equal(
            (couple.PartnerBId, couple.PartnerAId, "sealed with a kiss 💌\nsecond line", true, at, Now),
            (read!.FromId, read.ToId, read.Text, read.IsCapsule, read.DeliverAt, read.CreatedAt));
        Assert.Null(read.DeliveredAt);
        Assert.Null(await LoveNotes.GetAsync(added.Id + 1000, CancellationToken.None));
    }

    [Fact]
    public async Task LoveNotes_FindDue_ReturnsUndeliveredDueNotesEarliestFirst_UpToTheLimit()
    {
        var couple = await CoupleAsync();
        var later = await NoteAsync(couple, "later", Now.AddMinutes(-1));
        var earliest = await NoteAsync(couple, "earliest", Now.AddHours(-2));
        var middle = await NoteAsync(couple, "middle", Now.AddHours(-1));
        await NoteAsync(couple, "future", Now.AddMinutes(1));
        var delivered = await NoteAsync(couple, "delivered", Now.AddHours(-3));
        await LoveNotes.MarkDeliveredAsync(delivered.Id, Now, CancellationToken.None);

        var due = await LoveNotes.FindDueAsync(Now, 10, CancellationToken.None);
        var limited = await LoveNotes.FindDueAsync(Now, 2, CancellationToken.None);

        Assert.Equal([earliest.Id, middle.Id, later.Id], due);
        Assert.Equal([earliest.Id, middle.Id], limited);
    }

    [Fact]
    public async Task LoveNotes_MarkDelivered_OnlyOnce()
    {
        var couple = await CoupleAsync();
        var note = await NoteAsync(couple, "once", Now);

        var first = await LoveNotes.MarkDeliveredAsync(note.Id, Now.AddMinutes(1), CancellationToken.None);
        var again = await LoveNotes.MarkDeliveredAsync(note.Id, Now.AddMinutes(2), CancellationToken.None);
        var missing = await LoveNotes.MarkDeliveredAsync(note.Id + 1000, Now, CancellationToken.None);

        Assert.Equal((true, false, false), (first, again, missing));
        Assert.Equal(Now.AddMinutes(1), (await LoveNotes.GetAsync(note.Id, CancellationToken.None))!.DeliveredAt);
    }

    [Fact]
    public async Task LoveNotes_CountPendingAndDeleteFrom_ConcernOnlyThatSender()
    {
        var couple = await CoupleAsync();
        var fromA = await NoteAsync(couple, "a pending", Now.AddDays(1), couple.PartnerAId);
        var deliveredFromA = await NoteAsync(couple, "a delivered", Now, couple.PartnerAId);
        await LoveNotes.MarkDeliveredAsync(deliveredFromA.Id, Now, CancellationToken.None);
        var fromB = await NoteAsync(couple, "b pending", Now.AddDays(1), couple.PartnerBId);

        var pendingA = await LoveNotes.CountPendingFromAsync(couple.PartnerAId, CancellationToken.None);
        await LoveNotes.DeleteFromAsync(couple.PartnerAId, CancellationToken.None);

        Assert.Equal(1, pendingA);
        Assert.Null(await LoveNotes.GetAsync(fromA.Id, CancellationToken.None));
        Assert.Null(await LoveNotes.GetAsync(deliveredFromA.Id, CancellationToken.None));
        Assert.Equal("b pending", (await LoveNotes.GetAsync(fromB.Id, CancellationToken.None))!.Text);
        Assert.Equal(0, await LoveNotes.CountPendingFromAsync(couple.PartnerAId, CancellationToken.None));
    }

    [Fact]
    public async Task LoveNotes_ListDelivered_ReturnsOnlyThisCouplesDeliveredNotes_EarliestDeliveryFirst()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync(tag: "other");
        var second = await NoteAsync(couple, "second", Now);
        var first = await NoteAsync(couple, "first", Now, couple.PartnerBId, isCapsule: true);
        await NoteAsync(couple, "waiting", Now.AddDays(1));
        var elsewhere = await NoteAsync(other, "elsewhere", Now);
        await LoveNotes.MarkDeliveredAsync(second.Id, Now.AddMinutes(2), CancellationToken.None);
        await LoveNotes.MarkDeliveredAsync(first.Id, Now.AddMinutes(1), CancellationToken.None);
        await LoveNotes.MarkDeliveredAsync(elsewhere.Id, Now, CancellationToken.None);

        var delivered = await LoveNotes.ListDeliveredAsync(couple.Id, CancellationToken.None);

        Assert.Equal(["first", "second"], delivered.Select(n => n.Text));
        Assert.True(delivered[0].IsCapsule);
    }
}
