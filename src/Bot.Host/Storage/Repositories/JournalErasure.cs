using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>Erase requests, and the one place that knows every table holding a couple's shared journal.</summary>
internal sealed class JournalErasure(StorageSession session) : IJournalErasure
{
    private const string RequestSql = """
        INSERT INTO journal_erase_requests (couple_id, requested_by_id, requested_at)
        VALUES (@CoupleId, @PersonId, @At)
        ON CONFLICT (couple_id) DO UPDATE SET requested_by_id = excluded.requested_by_id,
                                              requested_at = excluded.requested_at;
        """;

    private const string IsRequestedSql = """
        SELECT EXISTS (SELECT 1 FROM journal_erase_requests WHERE couple_id = @CoupleId AND requested_by_id = @PersonId);
        """;

    private const string TakeRequestSql = """
        DELETE FROM journal_erase_requests WHERE couple_id = @CoupleId AND requested_by_id = @PersonId;
        """;

    // Children before parents; a table added later that belongs to a couple's journal belongs here too.
    private const string EraseSql = """
        DELETE FROM answers WHERE round_id IN (SELECT id FROM rounds WHERE couple_id = @CoupleId);
        DELETE FROM pulses WHERE round_id IN (SELECT id FROM rounds WHERE couple_id = @CoupleId);
        DELETE FROM pending_inputs WHERE round_id IN (SELECT id FROM rounds WHERE couple_id = @CoupleId);
        DELETE FROM round_questions WHERE round_id IN (SELECT id FROM rounds WHERE couple_id = @CoupleId);
        DELETE FROM rounds WHERE couple_id = @CoupleId;
        DELETE FROM drawn_questions WHERE couple_id = @CoupleId;
        DELETE FROM bucket_items WHERE couple_id = @CoupleId;
        DELETE FROM love_notes WHERE couple_id = @CoupleId;
        DELETE FROM bowl_questions WHERE couple_id = @CoupleId;
        DELETE FROM first_times WHERE couple_id = @CoupleId;
        DELETE FROM quiz_answers WHERE play_id IN (SELECT id FROM quiz_plays WHERE couple_id = @CoupleId);
        DELETE FROM quiz_plays WHERE couple_id = @CoupleId;
        DELETE FROM memories WHERE couple_id = @CoupleId;
        DELETE FROM media WHERE couple_id = @CoupleId;
        """;

    public Task RequestAsync(long coupleId, long requestedById, DateTimeOffset at, CancellationToken ct) =>
        session.ExecuteAsync(RequestSql, new { CoupleId = coupleId, PersonId = requestedById, At = UnixTime.ToMs(at) }, ct);

    public async Task<bool> IsRequestedAsync(long coupleId, long requestedById, CancellationToken ct) =>
        await session.ExecuteScalarAsync<bool>(IsRequestedSql, new { CoupleId = coupleId, PersonId = requestedById }, ct)
            .ConfigureAwait(false);

    public async Task<bool> TryTakeRequestAsync(long coupleId, long requestedById, CancellationToken ct) =>
        await session.ExecuteAsync(TakeRequestSql, new { CoupleId = coupleId, PersonId = requestedById }, ct)
            .ConfigureAwait(false) == 1;

    public Task EraseAsync(long coupleId, CancellationToken ct) =>
        session.EraseAsync(EraseSql, new { CoupleId = coupleId }, ct);
}
