using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Storage;

/// <summary>
/// What SQLite's single writer gives for free, checked on PostgreSQL with two sessions at once (two nodes): claims
/// skip what another claim holds, an update is handled by one node, and a couple's transactions take turns.
/// </summary>
public sealed class PostgresConcurrencyTests : IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    private TestDatabase _database = null!;

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    public async Task InitializeAsync() =>
        _database = await TestDatabase.CreateAsync(provider: StorageProvider.Postgres);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TwoClaimsAtOnce_TakeDifferentRows_WithoutWaitingForEachOther()
    {
        for (var chat = 1; chat <= 6; chat++)
        {
            await _database.Get<IOutbox>().EnqueueAsync(
                OutgoingMessage.Plain(new ChatAddress(Platform.Telegram, chat.ToString(System.Globalization.CultureInfo.InvariantCulture)), "hi"),
                CancellationToken.None);
        }

        await using var first = _database.NewScope();
        await using var second = _database.NewScope();
        var release = new TaskCompletionSource();
        IReadOnlyList<OutboxItem> firstClaim = [];
        var holding = new TaskCompletionSource();
        var firstRun = first.ServiceProvider.GetRequiredService<StorageSession>().InTransactionAsync(
            async ct =>
            {
                firstClaim = await first.ServiceProvider.GetRequiredService<OutboxStore>()
                    .ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 3, ct);
                holding.SetResult();
                await release.Task;
            },
            CancellationToken.None);
        await holding.Task.WaitAsync(Bounded);

        var secondClaim = await second.ServiceProvider.GetRequiredService<OutboxStore>()
            .ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None).WaitAsync(Bounded);
        release.SetResult();
        await firstRun.WaitAsync(Bounded);

        Assert.Equal(3, firstClaim.Count);
        Assert.Equal(3, secondClaim.Count);
        Assert.Empty(firstClaim.Select(i => i.Id).Intersect(secondClaim.Select(i => i.Id)));
    }

    [Fact]
    public async Task AnUpdateBeingHandled_IsNotHandedToASecondNode()
    {
        var id = (await _database.Get<InboxStore>().TryAddAsync(
            "telegram:1",
            new TextReceived(new ChatUser(Platform.Telegram, "1"), "Sam", new ChatAddress(Platform.Telegram, "1"), true, "hello"),
            Now,
            CancellationToken.None))!.Value;
        await using var first = _database.NewScope();
        await using var second = _database.NewScope();
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource<InboxItem?>();
        var firstRun = first.ServiceProvider.GetRequiredService<StorageSession>().InTransactionAsync(
            async ct =>
            {
                holding.SetResult(await first.ServiceProvider.GetRequiredService<InboxStore>().GetPendingAsync(id, ct));
                await release.Task;
                await first.ServiceProvider.GetRequiredService<InboxStore>().CompleteAsync(id, Now, ct);
            },
            CancellationToken.None);
        Assert.NotNull(await holding.Task.WaitAsync(Bounded));

        var seenBySecond = await second.ServiceProvider.GetRequiredService<StorageSession>().InTransactionAsync(
            ct => second.ServiceProvider.GetRequiredService<InboxStore>().GetPendingAsync(id, ct),
            CancellationToken.None).WaitAsync(Bounded);
        release.SetResult();
        await firstRun.WaitAsync(Bounded);

        Assert.Null(seenBySecond);
    }

    [Fact]
    public async Task TwoTransactionsOfOneCouple_TakeTurns_AndTheSecondSeesTheFirstsChange()
    {
        var persons = _database.Get<IPersonRepository>();
        var alex = await persons.UpsertAsync(new ChatUser(Platform.Telegram, "1"), "Alex", null, Now, CancellationToken.None);
        var blake = await persons.UpsertAsync(new ChatUser(Platform.Telegram, "2"), "Blake", null, Now, CancellationToken.None);
        var couple = await _database.Get<ICoupleRepository>().AddAsync(
            new Couple(0, alex.Id, blake.Id, "UTC", new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), null, null, Now, null),
            CancellationToken.None);
        await using var first = _database.NewScope();
        await using var second = _database.NewScope();
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        var firstRun = first.ServiceProvider.GetRequiredService<IUnitOfWork>().RunAsync(
            async ct =>
            {
                var couples = first.ServiceProvider.GetRequiredService<ICoupleRepository>();
                var mine = (await couples.GetActiveForPersonAsync(alex.Id, ct))!;
                holding.SetResult();
                await release.Task;
                await couples.UpdateAsync(mine with { PausedUntil = Now.AddDays(7) }, ct);
            },
            CancellationToken.None);
        await holding.Task.WaitAsync(Bounded);

        var secondRun = second.ServiceProvider.GetRequiredService<IUnitOfWork>().RunAsync(
            ct => second.ServiceProvider.GetRequiredService<ICoupleRepository>().GetAsync(couple.Id, ct),
            CancellationToken.None);
        await WaitUntilSomeoneWaitsForALockAsync();
        Assert.False(secondRun.IsCompleted);
        release.SetResult();
        await firstRun.WaitAsync(Bounded);
        var seen = await secondRun.WaitAsync(Bounded);

        Assert.Equal(Now.AddDays(7), seen!.PausedUntil);
    }

    private async Task WaitUntilSomeoneWaitsForALockAsync()
    {
        await using var connection = await _database.OpenConnectionAsync();
        var deadline = DateTime.UtcNow + Bounded;
        while (await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock';") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The second transaction never waited for the couple's lock.");
            await Task.Delay(20);
        }
    }
}
