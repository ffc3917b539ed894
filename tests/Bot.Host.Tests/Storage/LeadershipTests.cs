using Bot.Host.Delivery;
using Bot.Host.Storage;
using Bot.Testing.Postgres;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Host.Tests.Storage;

/// <summary>One node leads at a time on PostgreSQL; another takes over when the leader's connection dies.</summary>
public sealed class LeadershipTests : IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    private readonly List<IAsyncDisposable> _owned = [];
    private string _connectionString = null!;

    public async Task InitializeAsync() => _connectionString = await PostgresTestServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await PostgresTestServer.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task WithSqlite_TheNodeAlwaysLeads()
    {
        var sole = new SoleLeadership();

        var term = await sole.WaitForLeadershipAsync(CancellationToken.None);

        Assert.True(sole.IsLeader);
        Assert.False(term.CanBeCanceled);
    }

    [Fact]
    public async Task OneOfTwoLeads_AndWhenItsConnectionIsKilled_TheOtherTakesOver()
    {
        var (first, _) = await StartAsync();
        var (second, _) = await StartAsync();

        var firstTerm = await Task.WhenAny(
            first.WaitForLeadershipAsync(CancellationToken.None), second.WaitForLeadershipAsync(CancellationToken.None))
            .Unwrap().WaitAsync(Bounded);
        var (leader, follower) = first.IsLeader ? (first, second) : (second, first);
        Assert.False(follower.IsLeader);
        var lost = new TaskCompletionSource();
        firstTerm.Register(() => lost.TrySetResult());

        Assert.Equal(1, await KillLeaderConnectionAsync());

        await lost.Task.WaitAsync(Bounded);
        await follower.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(Bounded);
        Assert.True(follower.IsLeader);
    }

    [Fact]
    public async Task OutboxRowsCommittedOnAFollower_WakeTheLeadersSender()
    {
        var (first, firstSignal) = await StartAsync();
        var (second, secondSignal) = await StartAsync();
        await Task.WhenAny(
            first.WaitForLeadershipAsync(CancellationToken.None), second.WaitForLeadershipAsync(CancellationToken.None))
            .Unwrap().WaitAsync(Bounded);
        var (leaderSignal, followerSignal) = first.IsLeader ? (firstSignal, secondSignal) : (secondSignal, firstSignal);

        followerSignal.Notify();

        Assert.True(await leaderSignal.WaitAsync(Bounded, CancellationToken.None));
    }

    private async Task<(PostgresLeadership Leadership, OutboxSignal Signal)> StartAsync()
    {
        var factory = new PostgresConnectionFactory(_connectionString);
        var signal = new OutboxSignal();
        var leadership = new PostgresLeadership(factory, signal, NullLogger<PostgresLeadership>.Instance)
        {
            RetryInterval = TimeSpan.FromMilliseconds(200),
        };
        _owned.Add(factory);
        _owned.Add(new Stopper(leadership, signal));
        await leadership.StartAsync(CancellationToken.None);
        return (leadership, signal);
    }

    private async Task<int> KillLeaderConnectionAsync()
    {
        var factory = new PostgresConnectionFactory(_connectionString);
        await using (factory)
        {
            await using var connection = await factory.OpenAsync(CancellationToken.None);
            return (await connection.QueryAsync<bool>(
                """
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND classid = @Class AND objid = 2;
                """,
                new { Class = SqlDialect.LockClass })).Count(killed => killed);
        }
    }

    private sealed class Stopper(PostgresLeadership leadership, OutboxSignal signal) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await leadership.StopAsync(CancellationToken.None);
            leadership.Dispose();
            signal.Dispose();
        }
    }
}
