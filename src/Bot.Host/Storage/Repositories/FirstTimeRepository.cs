using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>Monthly "first time" proposals; they hold references only, so nothing here needs encrypting.</summary>
internal sealed class FirstTimeRepository(StorageSession session) : IFirstTimeRepository
{
    private const string Columns = """
        id AS Id, couple_id AS CoupleId, source AS Source, ref AS Ref, state AS State, proposed_at AS ProposedAt,
        follow_up_at AS FollowUpAt, decided_at AS DecidedAt
        """;

    private const string InsertSql = """
        INSERT INTO first_times (couple_id, source, ref, state, proposed_at, follow_up_at, decided_at)
        VALUES (@CoupleId, @Source, @Ref, @State, @ProposedAt, @FollowUpAt, @DecidedAt)
        RETURNING id;
        """;

    private const string GetSql = $"""
        SELECT {Columns} FROM first_times WHERE id = @Id;
        """;

    // States 1 and 2 are FirstTimeState.Proposed and Accepted.
    private const string GetCurrentSql = $"""
        SELECT {Columns} FROM first_times
        WHERE couple_id = @CoupleId AND state IN (1, 2)
        ORDER BY id DESC
        LIMIT 1;
        """;

    private const string TryMoveSql = """
        UPDATE first_times SET state = @To, decided_at = @At, follow_up_at = @FollowUpAt
        WHERE id = @Id AND state = @From;
        """;

    // Must match ix_first_times_due_follow_up's condition to use it (state 2 is Accepted).
    internal const string FindDueFollowUpsSql = """
        SELECT id FROM first_times
        WHERE state = 2 AND follow_up_at IS NOT NULL AND follow_up_at <= @Now
        ORDER BY follow_up_at, id
        LIMIT @Limit;
        """;

    private const string TryTakeFollowUpSql = """
        UPDATE first_times SET follow_up_at = NULL WHERE id = @Id AND follow_up_at = @Expected;
        """;

    public async Task<FirstTime> AddAsync(FirstTime firstTime, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(firstTime);
        var id = await session.ExecuteScalarAsync<long>(InsertSql, new
        {
            firstTime.CoupleId,
            Source = (long)firstTime.Source,
            firstTime.Ref,
            State = (long)firstTime.State,
            ProposedAt = UnixTime.ToMs(firstTime.ProposedAt),
            FollowUpAt = UnixTime.ToMs(firstTime.FollowUpAt),
            DecidedAt = UnixTime.ToMs(firstTime.DecidedAt),
        }, ct).ConfigureAwait(false);
        return (await GetAsync(id, ct).ConfigureAwait(false))!;
    }

    public async Task<FirstTime?> GetAsync(long id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<FirstTimeRow>(GetSql, new { Id = id }, ct)
            .ConfigureAwait(false);
        return row?.ToDomain();
    }

    public async Task<FirstTime?> GetCurrentAsync(long coupleId, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<FirstTimeRow>(GetCurrentSql, new { CoupleId = coupleId }, ct)
            .ConfigureAwait(false);
        return row?.ToDomain();
    }

    public async Task<bool> TryMoveAsync(long id, FirstTimeState from, FirstTimeState to, DateTimeOffset at,
        DateTimeOffset? followUpAt, CancellationToken ct) =>
        await session.ExecuteAsync(TryMoveSql, new
        {
            Id = id,
            From = (long)from,
            To = (long)to,
            At = UnixTime.ToMs(at),
            FollowUpAt = UnixTime.ToMs(followUpAt),
        }, ct).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<long>> FindDueFollowUpsAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return session.QueryAsync<long>(FindDueFollowUpsSql, new { Now = UnixTime.ToMs(now), Limit = (long)limit }, ct);
    }

    public async Task<bool> TryTakeFollowUpAsync(long id, DateTimeOffset expected, CancellationToken ct) =>
        await session.ExecuteAsync(TryTakeFollowUpSql, new { Id = id, Expected = UnixTime.ToMs(expected) }, ct)
            .ConfigureAwait(false) == 1;

    private sealed record FirstTimeRow(
        long Id,
        long CoupleId,
        long Source,
        string Ref,
        long State,
        long ProposedAt,
        long? FollowUpAt,
        long? DecidedAt)
    {
        public FirstTime ToDomain() => new(
            Id,
            CoupleId,
            (FirstTimeSource)Source,
            Ref,
            (FirstTimeState)State,
            UnixTime.FromMs(ProposedAt),
            UnixTime.FromMs(FollowUpAt),
            UnixTime.FromMs(DecidedAt));
    }
}
