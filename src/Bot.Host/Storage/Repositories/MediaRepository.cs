using System.Text.Json;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>Kept media: the file and where its platform keeps it are encrypted, bound to the row's id.</summary>
internal sealed class MediaRepository(StorageSession session, FieldCipher cipher) : IMediaRepository
{
    private const string InsertSql = """
        INSERT INTO media (couple_id, person_id, kind, source, content_type, created_at, content)
        VALUES (@CoupleId, @PersonId, @Kind, '', @ContentType, @CreatedAt, @Empty)
        RETURNING id;
        """;

    private const string SealSql = """
        UPDATE media SET source = @Source, content = @Content WHERE id = @Id;
        """;

    private const string GetSql = """
        SELECT id AS Id, couple_id AS CoupleId, person_id AS PersonId, kind AS Kind, source AS Source,
               content_type AS ContentType, created_at AS CreatedAt, content AS Content
        FROM media WHERE id = @Id;
        """;

    private const string DeleteBySql = """
        DELETE FROM media WHERE person_id = @PersonId;
        """;

    public Task<long> AddAsync(MediaItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        return session.InTransactionAsync(
            async token =>
            {
                var id = await session.ExecuteScalarAsync<long>(
                    InsertSql,
                    new
                    {
                        item.CoupleId,
                        item.PersonId,
                        Kind = (long)item.Kind,
                        item.ContentType,
                        CreatedAt = UnixTime.ToMs(item.CreatedAt),
                        Empty = Array.Empty<byte>(),
                    },
                    token).ConfigureAwait(false);
                await session.ExecuteAsync(
                    SealSql,
                    new
                    {
                        Id = id,
                        Source = cipher.Encrypt(JsonSerializer.Serialize(item.Source), SealedColumns.MediaSource.At(id)),
                        Content = cipher.EncryptBytes(item.Content.Span, SealedColumns.MediaContent.At(id)),
                    },
                    token).ConfigureAwait(false);
                return id;
            },
            ct);
    }

    public async Task<MediaItem?> GetAsync(long id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<MediaRow>(GetSql, new { Id = id }, ct).ConfigureAwait(false);
        return row?.ToDomain(cipher);
    }

    public Task DeleteByAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteBySql, new { PersonId = personId }, ct);

    private sealed record MediaRow(
        long Id, long CoupleId, long PersonId, long Kind, string Source, string ContentType, long CreatedAt, byte[] Content)
    {
        public MediaItem ToDomain(FieldCipher cipher) => new(
            Id,
            CoupleId,
            PersonId,
            (MediaKind)Kind,
            JsonSerializer.Deserialize<MediaSource>(cipher.Decrypt(Source, SealedColumns.MediaSource.At(Id)))
                ?? throw new InvalidOperationException($"Media {Id} has no source."),
            ContentType,
            UnixTime.FromMs(CreatedAt),
            cipher.DecryptBytes(Content, SealedColumns.MediaContent.At(Id)));
    }
}
