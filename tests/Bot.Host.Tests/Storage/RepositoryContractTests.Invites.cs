namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task AddInvite_ThenFind_RoundTrips()
    {
        var owner = await PersonAsync("owner");
        var invite = NewInvite("ABC123", owner.Id);

        await Invites.AddAsync(invite, CancellationToken.None);

        Assert.Equal(invite, await Invites.FindAsync("ABC123", CancellationToken.None));
    }

    [Fact]
    public async Task FindInvite_UnknownCode_ReturnsNull()
    {
        var invite = await Invites.FindAsync("NOPE42", CancellationToken.None);

        Assert.Null(invite);
    }

    [Fact]
    public async Task AddInvite_DuplicateCode_Throws()
    {
        var owner = await PersonAsync("owner");
        var invite = NewInvite("ABC123", owner.Id);
        await Invites.AddAsync(invite, CancellationToken.None);

        var again = () => Invites.AddAsync(invite, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(again);
    }

    [Fact]
    public async Task DeleteUnusedByOwner_RemovesOnlyTheOwnersUnusedCodes()
    {
        var owner = await PersonAsync("owner");
        var partner = await PersonAsync("partner");
        await Invites.AddAsync(NewInvite("UNUSED1", owner.Id), CancellationToken.None);
        await Invites.AddAsync(NewInvite("UNUSED2", owner.Id), CancellationToken.None);
        await Invites.AddAsync(NewInvite("USED1", owner.Id), CancellationToken.None);
        await Invites.MarkUsedAsync("USED1", partner.Id, Now, CancellationToken.None);
        await Invites.AddAsync(NewInvite("OTHER1", partner.Id), CancellationToken.None);

        await Invites.DeleteUnusedByOwnerAsync(owner.Id, CancellationToken.None);

        Assert.Null(await Invites.FindAsync("UNUSED1", CancellationToken.None));
        Assert.Null(await Invites.FindAsync("UNUSED2", CancellationToken.None));
        Assert.NotNull(await Invites.FindAsync("USED1", CancellationToken.None));
        Assert.NotNull(await Invites.FindAsync("OTHER1", CancellationToken.None));
    }

    [Fact]
    public async Task MarkUsed_RecordsWhoAndWhen()
    {
        var owner = await PersonAsync("owner");
        var partner = await PersonAsync("partner");
        await Invites.AddAsync(NewInvite("ABC123", owner.Id), CancellationToken.None);

        await Invites.MarkUsedAsync("ABC123", partner.Id, Now.AddMinutes(5), CancellationToken.None);

        var invite = await Invites.FindAsync("ABC123", CancellationToken.None);
        Assert.True(invite!.IsUsed);
        Assert.Equal(Now.AddMinutes(5), invite.UsedAt);
        Assert.Equal(partner.Id, invite.UsedById);
    }

    [Fact]
    public async Task MarkUsed_Twice_KeepsTheFirstUse()
    {
        var owner = await PersonAsync("owner");
        var first = await PersonAsync("first");
        var second = await PersonAsync("second");
        await Invites.AddAsync(NewInvite("ABC123", owner.Id), CancellationToken.None);
        await Invites.MarkUsedAsync("ABC123", first.Id, Now, CancellationToken.None);

        await Invites.MarkUsedAsync("ABC123", second.Id, Now.AddMinutes(1), CancellationToken.None);

        var invite = await Invites.FindAsync("ABC123", CancellationToken.None);
        Assert.Equal(first.Id, invite!.UsedById);
        Assert.Equal(Now, invite.UsedAt);
    }
}
