using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>At most one pending input per person: what their next text means.</summary>
internal sealed class PendingInputRepository(StorageSession session) : IPendingInputRepository
{
    private const string GetSql = """
        SELECT person_id AS PersonId, round_id AS RoundId, position AS Position, kind AS Kind, created_at AS CreatedAt
        FROM pending_inputs WHERE person_id = @PersonId;
        """;

    private const string SetSql = """
        INSERT INTO pending_inputs (person_id, round_id, position, kind, created_at)
        VALUES (@PersonId, @RoundId, @Position, @Kind, @CreatedAt)
        ON CONFLICT (person_id) DO UPDATE SET
            round_id = excluded.round_id, position = excluded.position, kind = excluded.kind,
            created_at = excluded.created_at;
        """;

    private const string ClearSql = """
        DELETE FROM pending_inputs WHERE person_id = @PersonId;
        """;

    public async Task<PendingInput?> GetAsync(long personId, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(GetSql, new { PersonId = personId }, ct)
            .ConfigureAwait(false);
        return row?.ToDomain();
    }

    public Task SetAsync(PendingInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return session.ExecuteAsync(SetSql, new
        {
            input.PersonId,
            input.RoundId,
            Position = (long)input.Position,
            Kind = (long)input.Kind,
            CreatedAt = UnixTime.ToMs(input.CreatedAt),
        }, ct);
    }

    public Task ClearAsync(long personId, CancellationToken ct) =>
        session.ExecuteAsync(ClearSql, new { PersonId = personId }, ct);

    private sealed record Row(long PersonId, long RoundId, long Position, long Kind, long CreatedAt)
    {
        public PendingInput ToDomain() =>
            new(PersonId, RoundId, (int)Position, (PendingInputKind)Kind, UnixTime.FromMs(CreatedAt));
    }
}
