using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>Each person's say over the /support offer; no words, so plain.</summary>
internal sealed class SupportOfferRepository(StorageSession session) : ISupportOfferRepository
{
    private const string GetSql = """
        SELECT is_off AS IsOff, last_offered_at AS LastOfferedAt FROM support_offers WHERE person_id = @PersonId;
        """;

    private const string SetOffSql = """
        INSERT INTO support_offers (person_id, is_off) VALUES (@PersonId, @IsOff)
        ON CONFLICT (person_id) DO UPDATE SET is_off = excluded.is_off;
        """;

    private const string EnsureSql = """
        INSERT INTO support_offers (person_id) VALUES (@PersonId) ON CONFLICT (person_id) DO NOTHING;
        """;

    // Only if the last offer is still the one the caller saw (IS compares NULLs too), and the offer is on.
    private const string MarkSql = """
        UPDATE support_offers SET last_offered_at = @At
        WHERE person_id = @PersonId AND is_off = 0 AND last_offered_at IS NOT DISTINCT FROM @Previous;
        """;

    public async Task<SupportOfferState> GetAsync(long personId, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(GetSql, new { PersonId = personId }, ct)
            .ConfigureAwait(false);
        return row is null ? SupportOfferState.Default : new SupportOfferState(row.IsOff != 0, UnixTime.FromMs(row.LastOfferedAt));
    }

    public Task SetOffAsync(long personId, bool off, CancellationToken ct) =>
        session.ExecuteAsync(SetOffSql, new { PersonId = personId, IsOff = off ? 1L : 0L }, ct);

    public async Task<bool> TryMarkOfferedAsync(
        long personId, DateTimeOffset? previous, DateTimeOffset at, CancellationToken ct)
    {
        await session.ExecuteAsync(EnsureSql, new { PersonId = personId }, ct).ConfigureAwait(false);
        return await session.ExecuteAsync(MarkSql,
            new { PersonId = personId, Previous = UnixTime.ToMs(previous), At = UnixTime.ToMs(at) }, ct)
            .ConfigureAwait(false) == 1;
    }

    private sealed record Row(long IsOff, long? LastOfferedAt);
}
