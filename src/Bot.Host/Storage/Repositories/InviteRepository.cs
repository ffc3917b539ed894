using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>Single-use pairing codes.</summary>
internal sealed class InviteRepository(StorageSession session) : IInviteRepository
{
    private const string InsertSql = """
        INSERT INTO invites (code, owner_id, created_at, expires_at, used_at, used_by_id)
        VALUES (@Code, @OwnerId, @CreatedAt, @ExpiresAt, @UsedAt, @UsedById);
        """;

    private const string FindSql = """
        SELECT code AS Code, owner_id AS OwnerId, created_at AS CreatedAt, expires_at AS ExpiresAt,
               used_at AS UsedAt, used_by_id AS UsedById
        FROM invites WHERE code = @Code;
        """;

    private const string DeleteUnusedByOwnerSql = """
        DELETE FROM invites WHERE owner_id = @OwnerId AND used_at IS NULL;
        """;

    // A used code keeps its first use.
    private const string MarkUsedSql = """
        UPDATE invites SET used_at = @UsedAt, used_by_id = @UsedById WHERE code = @Code AND used_at IS NULL;
        """;

    public Task AddAsync(Invite invite, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invite);
        return session.ExecuteAsync(
            InsertSql,
            new
            {
                invite.Code,
                invite.OwnerId,
                CreatedAt = UnixTime.ToMs(invite.CreatedAt),
                ExpiresAt = UnixTime.ToMs(invite.ExpiresAt),
                UsedAt = UnixTime.ToMs(invite.UsedAt),
                invite.UsedById,
            },
            ct);
    }

    public async Task<Invite?> FindAsync(string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        var row = await session.QuerySingleOrDefaultAsync<InviteRow>(FindSql, new { Code = code }, ct)
            .ConfigureAwait(false);
        return row?.ToDomain();
    }

    public Task DeleteUnusedByOwnerAsync(long ownerId, CancellationToken ct) =>
        session.ExecuteAsync(DeleteUnusedByOwnerSql, new { OwnerId = ownerId }, ct);

    public Task MarkUsedAsync(string code, long usedById, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        return session.ExecuteAsync(
            MarkUsedSql, new { Code = code, UsedById = usedById, UsedAt = UnixTime.ToMs(at) }, ct);
    }

    private sealed record InviteRow(
        string Code, long OwnerId, long CreatedAt, long ExpiresAt, long? UsedAt, long? UsedById)
    {
        public Invite ToDomain() => new(
            Code, OwnerId, UnixTime.FromMs(CreatedAt), UnixTime.FromMs(ExpiresAt), UnixTime.FromMs(UsedAt), UsedById);
    }
}
