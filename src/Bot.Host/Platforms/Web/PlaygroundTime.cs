using Bot.Host.Pipeline;
using Bot.Host.Scheduling;
using Bot.Host.Storage;

namespace Bot.Host.Platforms.Web;

/// <summary>
/// The playground's time control. Moving forward goes in steps of at most an hour, each followed by the sweep the
/// minute job would have run, so reminders, expiries, notes and capsules arrive in the order a real week brings
/// them instead of all at once.
/// </summary>
internal sealed class PlaygroundTime(
    PlaygroundClock clock,
    SweepRunner sweep,
    InboundPipeline pipeline,
    PlaygroundFeed feed,
    IServiceScopeFactory scopes) : IDisposable
{
    private const string NextCheckInSql = """
        SELECT min(next_checkin_at) FROM couples WHERE ended_at IS NULL AND next_checkin_at IS NOT NULL;
        """;

    // Rows held for quiet hours are not waited for; they go out once the clock reaches their time.
    private const string AnythingDueSql = """
        SELECT EXISTS (SELECT 1 FROM outbox WHERE next_attempt_at <= @Now);
        """;

    private static readonly TimeSpan Step = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxWaitForDelivery = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _oneMove = new(1, 1);

    /// <summary>When the earliest scheduled check-in of any couple opens; null when none is scheduled.</summary>
    public async Task<DateTimeOffset?> NextCheckInAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ms = await scope.ServiceProvider.GetRequiredService<StorageSession>()
            .ExecuteScalarAsync<long?>(NextCheckInSql, null, ct).ConfigureAwait(false);
        return ms is { } value ? UnixTime.FromMs(value) : null;
    }

    /// <summary>Moves the clock forward, sweeping after every step; returns when the last sweep is done.</summary>
    public async Task MoveForwardAsync(TimeSpan by, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        await _oneMove.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var target = clock.GetUtcNow() + by;
            do
            {
                await SettleAsync(ct).ConfigureAwait(false);
                var left = target - clock.GetUtcNow();
                if (left > TimeSpan.Zero)
                {
                    clock.MoveForward(left < Step ? left : Step);
                }

                // Also when nothing was left to move: a check-in due right now opens now.
                await sweep.RunAsync(ct).ConfigureAwait(false);
                feed.ClockMoved();
            }
            while (clock.GetUtcNow() < target);
        }
        finally
        {
            _oneMove.Release();
        }
    }

    public void Dispose() => _oneMove.Dispose();

    // What people typed is handled at the time they typed it, and a message being sent is not caught by the jump
    // (its lease follows this clock; jumping past it would let the sender send it twice).
    private async Task SettleAsync(CancellationToken ct)
    {
        await pipeline.IdleAsync().WaitAsync(ct).ConfigureAwait(false);
        var started = TimeProvider.System.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<StorageSession>();
        while (await session.ExecuteScalarAsync<bool>(AnythingDueSql, new { Now = UnixTime.ToMs(clock.GetUtcNow()) }, ct)
                   .ConfigureAwait(false)
               && TimeProvider.System.GetElapsedTime(started) < MaxWaitForDelivery)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct).ConfigureAwait(false);
        }
    }
}
