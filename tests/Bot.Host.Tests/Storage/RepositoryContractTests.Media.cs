using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    private static MediaItem NewMedia(Couple couple, long personId, byte[] content) => new(
        0, couple.Id, personId, MediaKind.Voice, new MediaSource(Platform.Discord, "77", "https://cdn.example/77/a.ogg"),
        "audio/ogg", Now, content);

    [Fact]
    public async Task Media_RoundTrips_WithItsBytesAndWhereItCameFrom()
    {
        var couple = await CoupleAsync();

        var id = await Media.AddAsync(NewMedia(couple, couple.PartnerAId, [1, 2, 3]), CancellationToken.None);
        var stored = await Media.GetAsync(id, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal((couple.PartnerAId, MediaKind.Voice, "audio/ogg", Now), (stored.PersonId, stored.Kind, stored.ContentType, stored.CreatedAt));
        Assert.Equal(new MediaSource(Platform.Discord, "77", "https://cdn.example/77/a.ogg"), stored.Source);
        Assert.Equal([1, 2, 3], stored.Content.ToArray());
    }

    [Fact]
    public async Task Media_DeleteBy_RemovesOnlyThatPersonsFiles()
    {
        var couple = await CoupleAsync();
        var mine = await Media.AddAsync(NewMedia(couple, couple.PartnerAId, [1]), CancellationToken.None);
        var theirs = await Media.AddAsync(NewMedia(couple, couple.PartnerBId, [2]), CancellationToken.None);

        await Media.DeleteByAsync(couple.PartnerAId, CancellationToken.None);

        Assert.Null(await Media.GetAsync(mine, CancellationToken.None));
        Assert.NotNull(await Media.GetAsync(theirs, CancellationToken.None));
    }

    [Fact]
    public async Task Memories_ListNewestFirst_AndComeUpForRecallOncePerMove()
    {
        var couple = await CoupleAsync();
        var older = await Memories.AddAsync(
            new Memory(0, couple.Id, couple.PartnerAId, "beach", 5, Now, Now.AddDays(363)) { MediaKind = MediaKind.Photo },
            CancellationToken.None);
        var newer = await Memories.AddAsync(
            new Memory(0, couple.Id, couple.PartnerBId, null, null, Now.AddDays(1), Now.AddDays(364)),
            CancellationToken.None);

        var list = await Memories.ListAsync(couple.Id, 10, CancellationToken.None);
        var due = await Memories.FindRecallCandidatesAsync(Now.AddDays(363), 10, CancellationToken.None);
        var moved = await Memories.MoveNextRecallAsync(older.Id, older.NextRecallAfter, Now.AddDays(728), CancellationToken.None);
        var movedAgain = await Memories.MoveNextRecallAsync(older.Id, older.NextRecallAfter, Now.AddDays(728), CancellationToken.None);

        Assert.Equal([newer, older], list);
        Assert.Equal(("beach", MediaKind.Photo, 5L), (list[1].Text, list[1].MediaKind, list[1].MediaId ?? 0));
        Assert.Equal([older.Id], due);
        Assert.Equal((true, false), (moved, movedAgain));
        Assert.Empty(await Memories.FindRecallCandidatesAsync(Now.AddDays(363), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Memories_DeleteBy_RemovesOnlyThatPersonsMemories()
    {
        var couple = await CoupleAsync();
        await Memories.AddAsync(new Memory(0, couple.Id, couple.PartnerAId, "a's", null, Now, Now), CancellationToken.None);
        await Memories.AddAsync(new Memory(0, couple.Id, couple.PartnerBId, "b's", null, Now, Now), CancellationToken.None);

        await Memories.DeleteByAsync(couple.PartnerAId, CancellationToken.None);

        Assert.Equal(["b's"], (await Memories.ListAsync(couple.Id, 10, CancellationToken.None)).Select(m => m.Text));
    }
}
