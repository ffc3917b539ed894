using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>Love notes and time capsules; their text is encrypted at rest.</summary>
internal sealed class LoveNoteRepository(StorageSession session, FieldCipher cipher) : ILoveNoteRepository
{
    private const string Columns = """
        id AS Id, couple_id AS CoupleId, from_id AS FromId, to_id AS ToId, text AS Text, created_at AS CreatedAt,
        deliver_at AS DeliverAt, delivered_at AS DeliveredAt, is_capsule AS IsCapsule, media_id AS MediaId
        """;

    private const string InsertSql = """
        INSERT INTO love_notes (couple_id, from_id, to_id, text, created_at, deliver_at, delivered_at, is_capsule, media_id)
        VALUES (@CoupleId, @FromId, @ToId, '', @CreatedAt, @DeliverAt, @DeliveredAt, @IsCapsule, @MediaId)
        RETURNING id;
        """;

    private const string GetSql = $"""
        SELECT {Columns} FROM love_notes WHERE id = @Id;
        """;

    private const string FindDueSql = """
        SELECT id FROM love_notes
        WHERE delivered_at IS NULL AND deliver_at <= @Now
        ORDER BY deliver_at, id
        LIMIT @Limit;
        """;

    private const string ListDeliveredSql = $"""
        SELECT {Columns} FROM love_notes
        WHERE couple_id = @CoupleId AND delivered_at IS NOT NULL
        ORDER BY delivered_at, id;
        """;

    private const string MarkDeliveredSql = """
        UPDATE love_notes SET delivered_at = @At WHERE id = @Id AND delivered_at IS NULL;
        """;

    private const string PostponeSql = """
        UPDATE love_notes SET deliver_at = @To
        WHERE id = @Id AND delivered_at IS NULL AND deliver_at = @Expected;
        """;

    private const string MoveDueSql = """
        UPDATE love_notes SET deliver_at = @To
        WHERE couple_id = @CoupleId AND delivered_at IS NULL AND deliver_at = @From;
        """;

    private const string CountPendingFromSql = """
        SELECT COUNT(*) FROM love_notes WHERE from_id = @PersonId AND delivered_at IS NULL;
        """;

    private const string DeleteFromSql = """
        DELETE FROM love_notes WHERE from_id = @PersonId;
        """;

    public async Task<LoveNote> AddAsync(LoveNote note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(note);
        var id = await session.InsertSealedAsync(InsertSql, new
        {
            note.CoupleId,
            note.FromId,
            note.ToId,
            CreatedAt = UnixTime.ToMs(note.CreatedAt),
            DeliverAt = UnixTime.ToMs(note.DeliverAt),
            DeliveredAt = UnixTime.ToMs(note.DeliveredAt),
            IsCapsule = note.IsCapsule ? 1 : 0,
            note.MediaId,
        }, SealedColumns.LoveNoteText, note.Text, cipher, ct).ConfigureAwait(false);
        return note with
        {
            Id = id,
            CreatedAt = UnixTime.FromMs(UnixTime.ToMs(note.CreatedAt)),
            DeliverAt = UnixTime.FromMs(UnixTime.ToMs(note.DeliverAt)),
            DeliveredAt = UnixTime.FromMs(UnixTime.ToMs(note.DeliveredAt)),
        };
    }

    public async Task<LoveNote?> GetAsync(long id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<NoteRow>(GetSql, new { Id = id }, ct).ConfigureAwait(false);
        return row?.ToDomain(cipher);
    }

    public Task<IReadOnlyList<long>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        session.QueryAsync<long>(FindDueSql, new { Now = UnixTime.ToMs(now), Limit = limit }, ct);

    public async Task<IReadOnlyList<LoveNote>> ListDeliveredAsync(long coupleId, CancellationToken ct)
    {
        var rows = await session.QueryAsync<NoteRow>(ListDeliveredSql, new { CoupleId = coupleId }, ct)
            .ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain(cipher))];
    }

    public async Task<bool> MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        await session.ExecuteAsync(MarkDeliveredSql, new { Id = id, At = UnixTime.ToMs(at) }, ct)
            .ConfigureAwait(false) == 1;

    public async Task<bool> PostponeAsync(long id, DateTimeOffset expected, DateTimeOffset to, CancellationToken ct) =>
        await session.ExecuteAsync(PostponeSql,
            new { Id = id, Expected = UnixTime.ToMs(expected), To = UnixTime.ToMs(to) }, ct).ConfigureAwait(false) == 1;

    public Task MoveDueAsync(long coupleId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        session.ExecuteAsync(MoveDueSql,
            new { CoupleId = coupleId, From = UnixTime.ToMs(from), To = UnixTime.ToMs(to) }, ct);

    public async Task<int> CountPendingFromAsync(long personId, CancellationToken ct) =>
        (int)await session.ExecuteScalarAsync<long>(CountPendingFromSql, new { PersonId = personId }, ct)
            .ConfigureAwait(false);

    public Task DeleteFromAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteFromSql, new { PersonId = personId }, ct);

    private sealed record NoteRow(
        long Id,
        long CoupleId,
        long FromId,
        long ToId,
        string Text,
        long CreatedAt,
        long DeliverAt,
        long? DeliveredAt,
        long IsCapsule,
        long? MediaId)
    {
        public LoveNote ToDomain(FieldCipher cipher) => new(
            Id,
            CoupleId,
            FromId,
            ToId,
            cipher.Decrypt(Text, SealedColumns.LoveNoteText.At(Id)),
            UnixTime.FromMs(CreatedAt),
            UnixTime.FromMs(DeliverAt),
            UnixTime.FromMs(DeliveredAt),
            IsCapsule != 0)
        {
            MediaId = MediaId,
        };
    }
}
