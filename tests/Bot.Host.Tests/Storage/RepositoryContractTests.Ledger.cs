namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task GetDrawn_NothingDrawn_ReturnsEmpty()
    {
        var couple = await CoupleAsync();

        var drawn = await Ledger.GetDrawnAsync(couple.Id, "dreams", CancellationToken.None);

        Assert.Empty(drawn);
    }

    [Fact]
    public async Task AddDrawn_ThenGet_ReturnsTheQuestionsOfThatDeck()
    {
        var couple = await CoupleAsync();
        await Ledger.AddAsync(couple.Id, "dreams", "d-1", Now, CancellationToken.None);
        await Ledger.AddAsync(couple.Id, "dreams", "d-2", Now, CancellationToken.None);
        await Ledger.AddAsync(couple.Id, "story", "s-1", Now, CancellationToken.None);

        var drawn = await Ledger.GetDrawnAsync(couple.Id, "dreams", CancellationToken.None);

        Assert.Equal(["d-1", "d-2"], drawn.Order());
    }

    [Fact]
    public async Task AddDrawn_Twice_IsRecordedOnce()
    {
        var couple = await CoupleAsync();
        await Ledger.AddAsync(couple.Id, "dreams", "d-1", Now, CancellationToken.None);

        await Ledger.AddAsync(couple.Id, "dreams", "d-1", Now.AddDays(1), CancellationToken.None);

        Assert.Equal(["d-1"], await Ledger.GetDrawnAsync(couple.Id, "dreams", CancellationToken.None));
    }

    [Fact]
    public async Task GetDrawn_IsPerCouple()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync();
        await Ledger.AddAsync(couple.Id, "dreams", "d-1", Now, CancellationToken.None);

        var drawn = await Ledger.GetDrawnAsync(other.Id, "dreams", CancellationToken.None);

        Assert.Empty(drawn);
    }

    [Fact]
    public async Task ResetLedger_ClearsOnlyThatDeckOfThatCouple()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync();
        await Ledger.AddAsync(couple.Id, "dreams", "d-1", Now, CancellationToken.None);
        await Ledger.AddAsync(couple.Id, "story", "s-1", Now, CancellationToken.None);
        await Ledger.AddAsync(other.Id, "dreams", "d-1", Now, CancellationToken.None);

        await Ledger.ResetAsync(couple.Id, "dreams", CancellationToken.None);

        Assert.Empty(await Ledger.GetDrawnAsync(couple.Id, "dreams", CancellationToken.None));
        Assert.Equal(["s-1"], await Ledger.GetDrawnAsync(couple.Id, "story", CancellationToken.None));
        Assert.Equal(["d-1"], await Ledger.GetDrawnAsync(other.Id, "dreams", CancellationToken.None));
    }
}
