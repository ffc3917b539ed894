using System.Text.Json;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Host.Security;

namespace Bot.Host.Storage;

/// <summary>A claimed outbox row: the message and how far its delivery got.</summary>
internal sealed record OutboxItem(long Id, OutgoingMessage Message, int Attempts, int PartsSent, OutboxLane Lane);

/// <summary>
/// The sender's side of the outbox. Claims hand out only each chat's oldest row under a lease, so messages of
/// one chat go out in order and several nodes can drain the same outbox without sending anything twice. Replies
/// are claimed before background rows, oldest first within each lane.
/// Updates of a row that is gone (delivered, dropped or forgotten meanwhile) do nothing.
/// </summary>
internal sealed class OutboxStore(StorageSession session, FieldCipher cipher, ILogger<OutboxStore> logger)
{
    // Walks due rows by ix_outbox_due (replies first, then background; lane IN lets SQLite search each lane in
    // order instead of sorting) and keeps a row only if no older deliverable row of its chat exists
    // (ix_outbox_chat covers the check); a chat whose oldest row waits (retry later, or claimed) therefore sends
    // nothing newer meanwhile. A row held for quiet hours (not_before; its next_attempt_at is set to match, so the
    // walk skips it) is not in the way: newer rows of its chat go ahead, and it takes its turn once the hold ends.
    // On PostgreSQL the found rows are locked and rows another claim holds are skipped, so two claims running at once
    // never take the same row (SQLite's single writer does that by itself).
    internal const string FindClaimableSql = """
        SELECT o.id AS Id, o.platform AS Platform, o.chat_id AS ChatId, o.text AS Text, o.choices AS Choices,
               o.invites_answer AS InvitesAnswer, o.asks_round AS AsksRound, o.asks_position AS AsksPosition,
               o.silent AS Silent, o.attempts AS Attempts, o.parts_sent AS PartsSent,
               o.lane AS Lane, o.home_couple_id AS HomeOf, o.letter AS Letter
        FROM outbox AS o
        WHERE o.lane IN (0, 1) AND o.next_attempt_at <= @Now
          AND (o.claimed_until IS NULL OR o.claimed_until < @Now) AND o.set_aside_at IS NULL
          AND NOT EXISTS (
              SELECT 1 FROM outbox AS older
              WHERE older.platform = o.platform AND older.chat_id = o.chat_id AND older.id < o.id
                AND (older.not_before IS NULL OR older.not_before <= @Now) AND older.set_aside_at IS NULL)
        ORDER BY o.lane, o.next_attempt_at, o.id
        LIMIT @Limit /*pg: FOR UPDATE OF o SKIP LOCKED*/;
        """;

    private const string ClaimSql = """
        UPDATE outbox SET claimed_until = @Until WHERE id IN @Ids;
        """;

    private const string WordsOfSql = """
        SELECT outbox_id AS OutboxId, person_id AS PersonId FROM outbox_words WHERE outbox_id IN @Ids;
        """;

    private const string AttachmentsSql = """
        SELECT outbox_id AS OutboxId, kind AS Kind, file_name AS FileName, content_type AS ContentType,
               content AS Content, source AS Source
        FROM outbox_attachments WHERE outbox_id IN @Ids;
        """;

    private const string RenewLeaseSql = """
        UPDATE outbox SET claimed_until = @Until WHERE id = @Id AND claimed_until IS NOT NULL;
        """;

    private const string SetAsideSql = """
        UPDATE outbox SET set_aside_at = @Now, claimed_until = NULL WHERE id = @Id;
        """;

    private const string MarkPartsSentSql = """
        UPDATE outbox SET parts_sent = @PartsSent WHERE id = @Id;
        """;

    private const string DeleteSql = """
        DELETE FROM outbox WHERE id = @Id;
        """;

    private const string RetryLaterSql = """
        UPDATE outbox
        SET next_attempt_at = @NextAttemptAt, attempts = @Attempts, last_error = @Error, claimed_until = NULL
        WHERE id = @Id;
        """;

    private const string ReleaseSql = """
        UPDATE outbox SET next_attempt_at = @NextAttemptAt, claimed_until = NULL WHERE id = @Id;
        """;

    private const string CountSql = """
        SELECT count(*) FROM outbox;
        """;

    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return session.InTransactionAsync<IReadOnlyList<OutboxItem>>(
            async token =>
            {
                var rows = await session.QueryAsync<OutboxRow>(
                    FindClaimableSql, new { Now = UnixTime.ToMs(now), Limit = (long)limit }, token)
                    .ConfigureAwait(false);
                if (rows.Count == 0)
                {
                    return [];
                }

                var ids = new { Ids = rows.Select(r => r.Id).ToList(), Until = UnixTime.ToMs(now + lease) };
                await session.ExecuteAsync(ClaimSql, ids, token).ConfigureAwait(false);
                var words = (await session.QueryAsync<WordsRow>(WordsOfSql, ids, token).ConfigureAwait(false))
                    .ToLookup(w => w.OutboxId, w => w.PersonId);
                var files = (await session.QueryAsync<AttachmentRow>(AttachmentsSql, ids, token).ConfigureAwait(false))
                    .ToDictionary(f => f.OutboxId);
                var items = new List<OutboxItem>(rows.Count);
                foreach (var row in rows)
                {
                    try
                    {
                        items.Add(row.ToItem(
                            words[row.Id].Order().ToList(), files.GetValueOrDefault(row.Id)?.ToAttachment(cipher), cipher));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A row nobody can read would fail every claim (and hold up its chat) for good: it is set
                        // aside, kept for an operator, so everything else goes out.
                        logger.LogError("Outbox message {Id} to {Platform}:{Chat} cannot be read ({Error}); set aside",
                            row.Id, (Platform)row.Platform, row.ChatId, ex.Message);
                        await session.ExecuteAsync(SetAsideSql, new { row.Id, Now = UnixTime.ToMs(now) }, token)
                            .ConfigureAwait(false);
                    }
                }

                return items;
            },
            ct);
    }

    /// <summary>Keeps a claimed row with its sender for longer (a row released or gone meanwhile stays so).</summary>
    public Task RenewLeaseAsync(long id, DateTimeOffset until, CancellationToken ct = default) =>
        session.ExecuteAsync(RenewLeaseSql, new { Id = id, Until = UnixTime.ToMs(until) }, ct);

    public Task MarkPartsSentAsync(long id, int partsSent, CancellationToken ct = default) =>
        session.ExecuteAsync(MarkPartsSentSql, new { Id = id, PartsSent = (long)partsSent }, ct);

    /// <summary>Delivered: the row goes.</summary>
    public Task CompleteAsync(long id, CancellationToken ct = default) =>
        session.ExecuteAsync(DeleteSql, new { Id = id }, ct);

    /// <summary>A failed attempt: counts it, keeps the error and frees the row for another try.</summary>
    public Task RetryLaterAsync(
        long id, DateTimeOffset nextAttemptAt, int attempts, string error, CancellationToken ct = default) =>
        session.ExecuteAsync(
            RetryLaterSql,
            new { Id = id, NextAttemptAt = UnixTime.ToMs(nextAttemptAt), Attempts = (long)attempts, Error = error },
            ct);

    /// <summary>Frees the row without counting an attempt (a global rate-limit pause was not its fault).</summary>
    public Task ReleaseAsync(long id, DateTimeOffset nextAttemptAt, CancellationToken ct = default) =>
        session.ExecuteAsync(ReleaseSql, new { Id = id, NextAttemptAt = UnixTime.ToMs(nextAttemptAt) }, ct);

    /// <summary>Gives up on the row; the caller logs <paramref name="reason"/> (the row keeps no record).</summary>
    public Task DropAsync(long id, string reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return session.ExecuteAsync(DeleteSql, new { Id = id }, ct);
    }

    /// <summary>Rows still waiting for delivery, claimed or not.</summary>
    public async Task<int> CountAsync(CancellationToken ct = default) =>
        (int)await session.ExecuteScalarAsync<long>(CountSql, null, ct).ConfigureAwait(false);

    private sealed record OutboxRow(
        long Id, long Platform, string ChatId, string Text, string Choices, long InvitesAnswer, long? AsksRound,
        long? AsksPosition, long Silent, long Attempts, long PartsSent, long Lane, long? HomeOf, string? Letter)
    {
        public OutboxItem ToItem(IReadOnlyList<long> wordsOf, Attachment? attachment, FieldCipher cipher) => new(
            Id,
            new OutgoingMessage(
                new ChatAddress((Platform)Platform, ChatId),
                cipher.Decrypt(Text, SealedColumns.OutboxText.At(Id)),
                ChoicesJson.Deserialize(Choices),
                wordsOf)
            {
                InvitesAnswer = InvitesAnswer != 0,
                Asks = AsksRound is { } round && AsksPosition is { } position ? new QuestionRef(round, (int)position) : null,
                Silent = Silent != 0,
                Attachment = attachment,
                HomeOf = HomeOf,
                Letter = LetterJson.Deserialize(cipher.Decrypt(Letter, SealedColumns.OutboxLetter.At(Id))),
            },
            (int)Attempts,
            (int)PartsSent,
            (OutboxLane)Lane);
    }

    private sealed record WordsRow(long OutboxId, long PersonId);

    private sealed record AttachmentRow(
        long OutboxId, long Kind, string FileName, string ContentType, byte[] Content, string? Source)
    {
        public Attachment ToAttachment(FieldCipher cipher) =>
            new((AttachmentKind)Kind, FileName, ContentType,
                cipher.DecryptBytes(Content, SealedColumns.OutboxAttachment.At(OutboxId)))
            {
                Source = Source is null
                    ? null
                    : JsonSerializer.Deserialize<MediaSource>(
                        cipher.Decrypt(Source, SealedColumns.OutboxAttachmentSource.At(OutboxId))),
            };
    }
}
