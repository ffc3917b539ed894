using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>The photo journal; a memory's line of text is encrypted at rest (its media lives in <c>media</c>).</summary>
internal sealed class MemoryRepository(StorageSession session, FieldCipher cipher) : IMemoryRepository
{
    private const string Columns = """
        id AS Id, couple_id AS CoupleId, author_id AS AuthorId, text AS Text, media_id AS MediaId,
        media_kind AS MediaKind, created_at AS CreatedAt, next_recall_after AS NextRecallAfter
        """;

    private const string InsertSql = """
        INSERT INTO memories (couple_id, author_id, text, media_id, media_kind, created_at, next_recall_after)
        VALUES (@CoupleId, @AuthorId, NULL, @MediaId, @MediaKind, @CreatedAt, @NextRecallAfter)
        RETURNING id;
        """;

    private const string GetSql = $"""
        SELECT {Columns} FROM memories WHERE id = @Id;
        """;

    private const string ListSql = $"""
        SELECT {Columns} FROM memories WHERE couple_id = @CoupleId
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit;
        """;

    private const string FindRecallSql = """
        SELECT id FROM memories WHERE next_recall_after <= @Now
        ORDER BY next_recall_after, id
        LIMIT @Limit;
        """;

    private const string MoveNextRecallSql = """
        UPDATE memories SET next_recall_after = @Next WHERE id = @Id AND next_recall_after = @Expected;
        """;

    private const string DeleteBySql = """
        DELETE FROM memories WHERE author_id = @PersonId;
        """;

    public Task<Memory> AddAsync(Memory memory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return session.InTransactionAsync(
            async token =>
            {
                var id = await session.ExecuteScalarAsync<long>(
                    InsertSql,
                    new
                    {
                        memory.CoupleId,
                        memory.AuthorId,
                        memory.MediaId,
                        MediaKind = (long?)memory.MediaKind,
                        CreatedAt = UnixTime.ToMs(memory.CreatedAt),
                        NextRecallAfter = UnixTime.ToMs(memory.NextRecallAfter),
                    },
                    token).ConfigureAwait(false);
                if (memory.Text is { } text)
                {
                    var column = SealedColumns.MemoryText;
                    await session.ExecuteAsync(column.SetByIdSql, new { Id = id, Value = cipher.Encrypt(text, column.At(id)) },
                        token).ConfigureAwait(false);
                }

                return memory with
                {
                    Id = id,
                    CreatedAt = UnixTime.FromMs(UnixTime.ToMs(memory.CreatedAt)),
                    NextRecallAfter = UnixTime.FromMs(UnixTime.ToMs(memory.NextRecallAfter)),
                };
            },
            ct);
    }

    public async Task<Memory?> GetAsync(long id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<MemoryRow>(GetSql, new { Id = id }, ct).ConfigureAwait(false);
        return row?.ToDomain(cipher);
    }

    public async Task<IReadOnlyList<Memory>> ListAsync(long coupleId, int limit, CancellationToken ct)
    {
        var rows = await session.QueryAsync<MemoryRow>(ListSql, new { CoupleId = coupleId, Limit = (long)limit }, ct)
            .ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain(cipher))];
    }

    public Task<IReadOnlyList<long>> FindRecallCandidatesAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        session.QueryAsync<long>(FindRecallSql, new { Now = UnixTime.ToMs(now), Limit = (long)limit }, ct);

    public async Task<bool> MoveNextRecallAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken ct) =>
        await session.ExecuteAsync(
            MoveNextRecallSql,
            new { Id = id, Expected = UnixTime.ToMs(expected), Next = UnixTime.ToMs(next) },
            ct).ConfigureAwait(false) == 1;

    public Task DeleteByAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteBySql, new { PersonId = personId }, ct);

    private sealed record MemoryRow(
        long Id, long CoupleId, long AuthorId, string? Text, long? MediaId, long? MediaKind, long CreatedAt,
        long NextRecallAfter)
    {
        public Memory ToDomain(FieldCipher cipher) => new(
            Id,
            CoupleId,
            AuthorId,
            cipher.Decrypt(Text, SealedColumns.MemoryText.At(Id)),
            MediaId,
            UnixTime.FromMs(CreatedAt),
            UnixTime.FromMs(NextRecallAfter))
        {
            MediaKind = (MediaKind?)MediaKind,
        };
    }
}
