using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    private async Task<BucketItem> WishAsync(Couple couple, string text, DateTimeOffset at, long? by = null) =>
        await BucketList.AddAsync(new BucketItem(0, couple.Id, text, by ?? couple.PartnerAId, at, null), CancellationToken.None);

    [Fact]
    public async Task BucketList_ListsOpenWishesInOrderAdded_ThenDoneOnesNewestFirst()
    {
        var couple = await CoupleAsync();
        var first = await WishAsync(couple, "first", Now);
        var second = await WishAsync(couple, "second", Now.AddMinutes(1));
        var third = await WishAsync(couple, "third", Now.AddMinutes(2));
        await WishAsync(await CoupleAsync(tag: "other"), "someone else's", Now);
        await BucketList.MarkDoneAsync(couple.Id, first.Id, Now.AddHours(1), CancellationToken.None);
        await BucketList.MarkDoneAsync(couple.Id, third.Id, Now.AddHours(2), CancellationToken.None);

        var list = await BucketList.ListAsync(couple.Id, CancellationToken.None);

        Assert.Equal(["second", "third", "first"], list.Select(i => i.Text));
        Assert.Equal(second, list[0]);
        Assert.Equal(Now.AddHours(2), list[1].DoneAt);
    }

    [Fact]
    public async Task BucketList_MarkDone_OnlyOnceAndOnlyForItsCouple()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync(tag: "other");
        var wish = await WishAsync(couple, "wish", Now);

        var byOther = await BucketList.MarkDoneAsync(other.Id, wish.Id, Now, CancellationToken.None);
        var first = await BucketList.MarkDoneAsync(couple.Id, wish.Id, Now, CancellationToken.None);
        var again = await BucketList.MarkDoneAsync(couple.Id, wish.Id, Now, CancellationToken.None);

        Assert.Equal((false, true, false), (byOther, first, again));
    }

    [Fact]
    public async Task BucketList_DeleteAddedBy_RemovesOnlyThatPersonsWishes()
    {
        var couple = await CoupleAsync();
        await WishAsync(couple, "a's", Now, couple.PartnerAId);
        await WishAsync(couple, "b's", Now, couple.PartnerBId);

        await BucketList.DeleteAddedByAsync(couple.PartnerAId, CancellationToken.None);

        Assert.Equal(["b's"], (await BucketList.ListAsync(couple.Id, CancellationToken.None)).Select(i => i.Text));
    }
}
