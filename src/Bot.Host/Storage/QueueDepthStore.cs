using Bot.Host.Operations;

namespace Bot.Host.Storage;

/// <summary>
/// Counts what waits in the inbox and the outbox, for the operator's gauges. Both counts walk an index
/// (<c>ix_inbox_processed</c>, <c>ix_outbox_due</c>) and read no content; done rows leave the outbox, so every row
/// there still waits (held for quiet hours, retrying, or set aside).
/// </summary>
internal sealed class QueueDepthStore(StorageSession session)
{
    private const string DepthSql = """
        SELECT (SELECT count(*) FROM inbox WHERE processed_at IS NULL) AS Inbox,
               (SELECT count(*) FROM outbox WHERE lane = 0) AS Replies,
               (SELECT count(*) FROM outbox WHERE lane = 1) AS Background;
        """;

    private const string PingSql = "SELECT 1;";

    public async Task<QueueDepths> ReadAsync(CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<QueueDepths>(DepthSql, null, ct).ConfigureAwait(false)
        ?? new QueueDepths(0, 0, 0);

    /// <summary>One round trip to the database; throws when it cannot be reached.</summary>
    public Task PingAsync(CancellationToken ct) => session.ExecuteScalarAsync<long>(PingSql, null, ct);
}

/// <summary>Whether this process brought the schema up to date and checked the key (set once on start).</summary>
internal sealed class StorageReadiness
{
    private volatile bool _migrated;

    public bool IsMigrated => _migrated;

    public void MarkMigrated() => _migrated = true;
}
