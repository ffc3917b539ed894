using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>The couple's bucket list; the wishes are a partner's words, encrypted at rest.</summary>
internal sealed class BucketListRepository(StorageSession session, FieldCipher cipher) : IBucketListRepository
{
    private const string Columns = """
        id AS Id, couple_id AS CoupleId, text AS Text, added_by_id AS AddedById, added_at AS AddedAt, done_at AS DoneAt
        """;

    private const string InsertSql = """
        INSERT INTO bucket_items (couple_id, text, added_by_id, added_at, done_at)
        VALUES (@CoupleId, '', @AddedById, @AddedAt, @DoneAt)
        RETURNING id;
        """;

    private const string ListSql = $"""
        SELECT {Columns} FROM bucket_items
        WHERE couple_id = @CoupleId
        ORDER BY done_at IS NOT NULL, CASE WHEN done_at IS NULL THEN added_at ELSE -done_at END, id;
        """;

    private const string MarkDoneSql = """
        UPDATE bucket_items SET done_at = @At WHERE id = @Id AND couple_id = @CoupleId AND done_at IS NULL;
        """;

    private const string DeleteAddedBySql = """
        DELETE FROM bucket_items WHERE added_by_id = @PersonId;
        """;

    public async Task<BucketItem> AddAsync(BucketItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = await session.InsertSealedAsync(InsertSql, new
        {
            item.CoupleId,
            item.AddedById,
            AddedAt = UnixTime.ToMs(item.AddedAt),
            DoneAt = UnixTime.ToMs(item.DoneAt),
        }, SealedColumns.BucketItemText, item.Text, cipher, ct).ConfigureAwait(false);
        return item with { Id = id, AddedAt = UnixTime.FromMs(UnixTime.ToMs(item.AddedAt)) };
    }

    public async Task<IReadOnlyList<BucketItem>> ListAsync(long coupleId, CancellationToken ct)
    {
        var rows = await session.QueryAsync<BucketRow>(ListSql, new { CoupleId = coupleId }, ct).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain(cipher))];
    }

    public async Task<bool> MarkDoneAsync(long coupleId, long itemId, DateTimeOffset at, CancellationToken ct) =>
        await session.ExecuteAsync(MarkDoneSql, new { Id = itemId, CoupleId = coupleId, At = UnixTime.ToMs(at) }, ct)
            .ConfigureAwait(false) == 1;

    public Task DeleteAddedByAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteAddedBySql, new { PersonId = personId }, ct);

    private sealed record BucketRow(long Id, long CoupleId, string Text, long AddedById, long AddedAt, long? DoneAt)
    {
        public BucketItem ToDomain(FieldCipher cipher) => new(
            Id,
            CoupleId,
            cipher.Decrypt(Text, SealedColumns.BucketItemText.At(Id)),
            AddedById,
            UnixTime.FromMs(AddedAt),
            UnixTime.FromMs(DoneAt));
    }
}
