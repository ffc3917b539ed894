using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>The weekly pulse taps; numbers only, so they stay plain.</summary>
internal sealed class PulseRepository(StorageSession session) : IPulseRepository
{
    private const string AddSql = """
        INSERT INTO pulses (round_id, person_id, scale, value, at)
        VALUES (@RoundId, @PersonId, @Scale, @Value, @At)
        ON CONFLICT (round_id, person_id, scale) DO NOTHING;
        """;

    private const string ForRoundSql = """
        SELECT round_id AS RoundId, person_id AS PersonId, scale AS Scale, value AS Value, at AS At
        FROM pulses WHERE round_id = @RoundId
        ORDER BY scale, person_id;
        """;

    // State 2 is RoundState.Revealed.
    private const string RevealedSql = """
        SELECT r.opened_at AS RoundOpenedAt, p.person_id AS PersonId, p.scale AS Scale, p.value AS Value
        FROM pulses p JOIN rounds r ON r.id = p.round_id
        WHERE r.couple_id = @CoupleId AND r.state = 2 AND r.opened_at >= @Since
        ORDER BY r.opened_at, p.scale, p.person_id;
        """;

    private const string DeleteBySql = """
        DELETE FROM pulses WHERE person_id = @PersonId;
        """;

    public async Task<bool> AddAsync(PulseEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var added = await session.ExecuteAsync(AddSql, new
        {
            entry.RoundId,
            entry.PersonId,
            Scale = (long)entry.Scale,
            Value = (long?)entry.Value,
            At = UnixTime.ToMs(entry.At),
        }, ct).ConfigureAwait(false);
        return added == 1;
    }

    public async Task<IReadOnlyList<PulseEntry>> GetForRoundAsync(long roundId, CancellationToken ct)
    {
        var rows = await session.QueryAsync<EntryRow>(ForRoundSql, new { RoundId = roundId }, ct).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<IReadOnlyList<PulseReading>> GetRevealedAsync(
        long coupleId, DateTimeOffset since, CancellationToken ct)
    {
        var rows = await session.QueryAsync<ReadingRow>(
            RevealedSql, new { CoupleId = coupleId, Since = UnixTime.ToMs(since) }, ct).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public Task DeleteByAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteBySql, new { PersonId = personId }, ct);

    private sealed record EntryRow(long RoundId, long PersonId, long Scale, long? Value, long At)
    {
        public PulseEntry ToDomain() =>
            new(RoundId, PersonId, (PulseScale)Scale, Value is { } v ? (int)v : null, UnixTime.FromMs(At));
    }

    private sealed record ReadingRow(long RoundOpenedAt, long PersonId, long Scale, long? Value)
    {
        public PulseReading ToDomain() =>
            new(UnixTime.FromMs(RoundOpenedAt), PersonId, (PulseScale)Scale, Value is { } v ? (int)v : null);
    }
}
