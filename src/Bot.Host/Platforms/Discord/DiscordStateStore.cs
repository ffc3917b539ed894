using Bot.Core.Domain;
using Bot.Host.Security;
using Bot.Host.Storage;
using Dapper;

namespace Bot.Host.Platforms.Discord;

/// <summary>An interaction that may still be answered: its token (decrypted) and whether its first reply went out.</summary>
internal sealed record PendingInteraction(ulong Id, ulong ApplicationId, string Token, bool Acknowledged, bool Replied);

/// <summary>A person's DM channel and the newest message of theirs that was handled.</summary>
internal sealed record DmChannelCursor(ulong ChannelId, ulong UserId, ulong LastMessageId);

/// <summary>
/// What the Discord adapter must remember across restarts (and across nodes): interaction tokens while they are
/// valid, encrypted, and whether each interaction got its first reply; each person's DM channel and the newest DM
/// handled there. Tokens live on Discord's clock, so expiry uses the real clock whatever clock couples use.
/// </summary>
internal sealed class DiscordStateStore(DbConnectionFactory factory, FieldCipher cipher)
{
    /// <summary>How long Discord accepts replies through an interaction's token.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private const string RememberSql = """
        INSERT INTO discord_interactions (id, application_id, token, expires_at)
        VALUES (@Id, @ApplicationId, @Token, @ExpiresAt)
        ON CONFLICT (id) DO NOTHING;
        """;

    private const string GetSql = """
        SELECT id AS Id, application_id AS ApplicationId, token AS Token, acked_at AS AckedAt, replied_at AS RepliedAt
        FROM discord_interactions WHERE id = @Id AND expires_at > @Now;
        """;

    private const string MarkRepliedSql = "UPDATE discord_interactions SET replied_at = @Now WHERE id = @Id;";

    private const string MarkAcknowledgedSql = "UPDATE discord_interactions SET acked_at = @Now WHERE id = @Id;";

    private const string ForgetSql = "DELETE FROM discord_interactions WHERE id = @Id;";

    private const string ForgetExpiredSql = "DELETE FROM discord_interactions WHERE expires_at <= @Now;";

    private const string SeeDmSql = """
        INSERT INTO discord_dm_channels (channel_id, user_id, last_message_id) VALUES (@ChannelId, @UserId, @MessageId)
        ON CONFLICT (channel_id) DO UPDATE SET last_message_id = CASE
            WHEN excluded.last_message_id > discord_dm_channels.last_message_id THEN excluded.last_message_id
            ELSE discord_dm_channels.last_message_id END;
        """;

    private const string KnowDmSql = """
        INSERT INTO discord_dm_channels (channel_id, user_id, last_message_id) VALUES (@ChannelId, @UserId, @MessageId)
        ON CONFLICT DO NOTHING;
        """;

    private const string DmChannelOfSql = "SELECT channel_id FROM discord_dm_channels WHERE user_id = @UserId;";

    // Partners in a couple with an open round: what they type in DMs answers it, so nothing of theirs may be missed.
    private const string CursorsToCatchUpSql = """
        SELECT d.channel_id AS ChannelId, d.user_id AS UserId, d.last_message_id AS LastMessageId
        FROM discord_dm_channels d
        JOIN persons p ON p.platform = @Discord AND p.external_id = CAST(d.user_id AS TEXT)
        WHERE EXISTS (
            SELECT 1 FROM couples c JOIN rounds r ON r.couple_id = c.id AND r.state = 1
            WHERE c.ended_at IS NULL AND (c.partner_a_id = p.id OR c.partner_b_id = p.id));
        """;

    public async Task RememberAsync(ulong id, ulong applicationId, string token, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(RememberSql, new
        {
            Id = (long)id,
            ApplicationId = (long)applicationId,
            Token = cipher.Encrypt(token, SealedColumns.DiscordInteractionToken.At((long)id)),
            ExpiresAt = Now() + (long)TokenLifetime.TotalMilliseconds,
        }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>The interaction while its token is valid; null when unknown or expired.</summary>
    public async Task<PendingInteraction?> GetAsync(ulong id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<InteractionRow>(
            new CommandDefinition(GetSql, new { Id = (long)id, Now = Now() }, cancellationToken: ct)).ConfigureAwait(false);
        return row is null
            ? null
            : new PendingInteraction((ulong)row.Id, (ulong)row.ApplicationId,
                cipher.Decrypt(row.Token, SealedColumns.DiscordInteractionToken.At(row.Id)),
                row.AckedAt is not null, row.RepliedAt is not null);
    }

    public Task MarkAcknowledgedAsync(ulong id, CancellationToken ct) => ExecuteAsync(MarkAcknowledgedSql, id, ct);

    public Task MarkRepliedAsync(ulong id, CancellationToken ct) => ExecuteAsync(MarkRepliedSql, id, ct);

    /// <summary>Drops an interaction that could not be acknowledged: its replies go by DM.</summary>
    public Task ForgetAsync(ulong id, CancellationToken ct) => ExecuteAsync(ForgetSql, id, ct);

    private async Task ExecuteAsync(string sql, ulong id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = (long)id, Now = Now() },
            cancellationToken: ct)).ConfigureAwait(false);
    }

    public async Task<int> ForgetExpiredAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(ForgetExpiredSql, new { Now = Now() },
            cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>Notes a DM of the person's that was handled (taken into the inbox).</summary>
    public Task SeeDmAsync(ulong channelId, ulong userId, ulong messageId, CancellationToken ct) =>
        WriteDmAsync(SeeDmSql, channelId, userId, messageId, ct);

    /// <summary>Notes the person's DM channel, with the bot's own message as the place to read on from.</summary>
    public Task KnowDmChannelAsync(ulong channelId, ulong userId, ulong fromMessageId, CancellationToken ct) =>
        WriteDmAsync(KnowDmSql, channelId, userId, fromMessageId, ct);

    public async Task<ulong?> DmChannelOfAsync(ulong userId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(DmChannelOfSql,
            new { UserId = (long)userId }, cancellationToken: ct)).ConfigureAwait(false);
        return id is { } known ? (ulong)known : null;
    }

    public async Task<IReadOnlyList<DmChannelCursor>> CursorsToCatchUpAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CursorRow>(new CommandDefinition(CursorsToCatchUpSql,
            new { Discord = (long)Platform.Discord }, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new DmChannelCursor((ulong)r.ChannelId, (ulong)r.UserId, (ulong)r.LastMessageId))];
    }

    private async Task WriteDmAsync(string sql, ulong channelId, ulong userId, ulong messageId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { ChannelId = (long)channelId, UserId = (long)userId, MessageId = (long)messageId },
            cancellationToken: ct)).ConfigureAwait(false);
    }

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record InteractionRow(long Id, long ApplicationId, string Token, long? AckedAt, long? RepliedAt);

    private sealed record CursorRow(long ChannelId, long UserId, long LastMessageId);
}
