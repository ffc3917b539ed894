using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class BucketListTests
{
    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task Add_PutsTheWishOnTheSharedList_AndTellsThePartner()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/bucket add see the northern lights");
        await _bot.SendAsync(bea, "/bucket add learn to tango");
        await _bot.SendAsync(bea, "/bucket");

        Assert.Equal(Copy.BucketAdded("Alex", "see the northern lights"), _bot.TextsTo(alex)[0]);
        Assert.Contains(Copy.BucketPartnerAdded("Bea", "Alex", "see the northern lights"), _bot.TextsTo(bea));
        var list = _bot.LastTextTo(bea);
        Assert.Contains("1. see the northern lights (Alex)", list, StringComparison.Ordinal);
        Assert.Contains("2. learn to tango (Bea)", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_TicksOffByNumber_AndMovesItToDoneTogether()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bucket add picnic at dawn");
        await _bot.SendAsync(alex, "/bucket add night swim");
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/bucket done 2");
        await _bot.SendAsync(alex, "/bucket");

        Assert.Equal(Copy.BucketDone("Bea", "night swim"), _bot.TextsTo(bea)[0]);
        Assert.Contains(Copy.BucketPartnerDone("Alex", "Bea", "night swim"), _bot.TextsTo(alex));
        var list = _bot.LastTextTo(alex);
        Assert.Contains("1. picnic at dawn (Alex)", list, StringComparison.Ordinal);
        Assert.Contains("Done together:\n✓ night swim", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bucket done 3")]
    [InlineData("/bucket done zero")]
    [InlineData("/bucket done")]
    public async Task Done_WithANumberNotOnTheList_ExplainsTheRange(string line)
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bucket add one");
        await _bot.SendAsync(alex, "/bucket add two");
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, line);

        Assert.Equal(Copy.BucketNoSuchItem("Alex", 2), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task BadInput_GetsAClearReply()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/bucket add");
        await _bot.SendAsync(alex, "/bucket add " + new string('x', BucketListService.MaxItemLength + 1));
        await _bot.SendAsync(alex, "/bucket juggle");
        await _bot.SendAsync(alex, "/bucket");

        Assert.Equal(
            [Copy.BucketHelp("Alex"), Copy.BucketTooLong("Alex", BucketListService.MaxItemLength), Copy.BucketHelp("Alex")],
            _bot.TextsTo(alex).Take(3));
        Assert.Contains("empty", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Empty(_bot.Store.BucketList.All);
    }

    [Fact]
    public async Task Bucket_WhenNotPaired_PointsToPairing()
    {
        var kim = _bot.Person("Kim");

        await _bot.SendAsync(kim, "/bucket add anything");

        Assert.Equal(Copy.NotPaired("Kim"), _bot.LastTextTo(kim));
        Assert.Empty(_bot.Store.BucketList.All);
    }

    [Fact]
    public async Task Forget_RemovesTheWishesIAdded_AndKeepsMyPartners()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bucket add alex-wish");
        await _bot.SendAsync(bea, "/bucket add bea-wish");

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");

        Assert.Equal(["bea-wish"], _bot.Store.BucketList.All.Select(i => i.Text));
    }
}
