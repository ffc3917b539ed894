using System.Text.Json;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>
/// Writes outgoing messages in the caller's transaction; <see cref="OutboxStore"/> delivers them. The text and any
/// attached file are stored encrypted: a reveal or a journal export quotes answers while it waits for delivery.
/// </summary>
internal sealed class Outbox(
    StorageSession session, FieldCipher cipher, TimeProvider time, OutboxLaneOfScope lane) : IOutbox
{
    private const string InsertSql = """
        INSERT INTO outbox (platform, chat_id, text, choices, invites_answer, asks_round, asks_position, round_step,
                            silent, created_at, next_attempt_at, attempts, parts_sent, not_before, lane,
                            home_couple_id, step_of_round)
        VALUES (@Platform, @ChatId, '', @Choices, @InvitesAnswer, @AsksRound, @AsksPosition, @RoundStep,
                @Silent, @Now, CASE WHEN @NotBefore > @Now THEN @NotBefore ELSE @Now END, 0, 0, @NotBefore, @Lane, @HomeOf, @StepOfRound)
        RETURNING id;
        """;

    // A reply cannot overtake what its chat already has waiting (per-chat order), so those rows move up with it.
    private const string PromoteChatSql = """
        UPDATE outbox SET lane = @Lane WHERE platform = @Platform AND chat_id = @ChatId AND lane > @Lane;
        """;

    private const string InsertWordsSql = """
        INSERT INTO outbox_words (outbox_id, person_id) VALUES (@OutboxId, @PersonId) ON CONFLICT DO NOTHING;
        """;

    private const string InsertAttachmentSql = """
        INSERT INTO outbox_attachments (outbox_id, kind, file_name, content_type, content, source)
        VALUES (@OutboxId, @Kind, @FileName, @ContentType, @Content, @Source);
        """;

    // outbox_words and outbox_attachments rows go with their message (ON DELETE CASCADE).
    private const string DeleteWordsOfSql = """
        DELETE FROM outbox WHERE id IN (SELECT outbox_id FROM outbox_words WHERE person_id = @PersonId);
        """;

    private const string DropHeldQuestionsSql = """
        DELETE FROM outbox
        WHERE platform = @Platform AND chat_id = @ChatId AND (invites_answer = 1 OR round_step = 1) AND not_before > @Now
          AND claimed_until IS NULL;
        """;

    private const string WithdrawRoundStepsSql = """
        DELETE FROM outbox WHERE step_of_round = @RoundId AND not_before > @Now AND claimed_until IS NULL;
        """;

    private const string MoveChatSql = """
        UPDATE outbox SET chat_id = @To WHERE platform = @Platform AND chat_id = @From;
        """;

    public Task EnqueueAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = UnixTime.ToMs(time.GetUtcNow());
        return session.InTransactionAsync(
            async token =>
            {
                var id = await session.ExecuteScalarAsync<long>(
                    InsertSql,
                    new
                    {
                        Platform = (long)message.To.Platform,
                        message.To.ChatId,
                        Choices = ChoicesJson.Serialize(message.Choices),
                        InvitesAnswer = message.InvitesAnswer ? 1L : 0L,
                        AsksRound = message.Asks?.RoundId,
                        AsksPosition = (long?)message.Asks?.Position,
                        RoundStep = message.IsRoundStep ? 1L : 0L,
                        Silent = message.Silent ? 1L : 0L,
                        Now = now,
                        NotBefore = UnixTime.ToMs(message.NotBefore),
                        Lane = (long)lane.Lane,
                        message.HomeOf,
                        message.StepOfRound,
                    },
                    token).ConfigureAwait(false);
                // The text is sealed to the row's id, which the insert has just given.
                var sealedText = SealedColumns.OutboxText;
                await session.ExecuteAsync(
                    sealedText.SetByIdSql, new { Id = id, Value = cipher.Encrypt(message.Text, sealedText.At(id)) }, token)
                    .ConfigureAwait(false);
                if (LetterJson.Serialize(message.Letter) is { } letter)
                {
                    var sealedLetter = SealedColumns.OutboxLetter;
                    await session.ExecuteAsync(
                        sealedLetter.SetByIdSql, new { Id = id, Value = cipher.Encrypt(letter, sealedLetter.At(id)) }, token)
                        .ConfigureAwait(false);
                }

                if (lane.Lane == OutboxLane.Reply)
                {
                    await session.ExecuteAsync(
                        PromoteChatSql,
                        new { Platform = (long)message.To.Platform, message.To.ChatId, Lane = (long)lane.Lane },
                        token).ConfigureAwait(false);
                }

                await session.ExecuteAsync(
                    InsertWordsSql, message.WordsOf.Select(p => new { OutboxId = id, PersonId = p }), token)
                    .ConfigureAwait(false);
                if (message.Attachment is { } file)
                {
                    await session.ExecuteAsync(
                        InsertAttachmentSql,
                        new
                        {
                            OutboxId = id,
                            Kind = (long)file.Kind,
                            file.FileName,
                            file.ContentType,
                            Content = cipher.EncryptBytes(file.Content.Span, SealedColumns.OutboxAttachment.At(id)),
                            Source = file.Source is { } source
                                ? cipher.Encrypt(JsonSerializer.Serialize(source), SealedColumns.OutboxAttachmentSource.At(id))
                                : null,
                        },
                        token).ConfigureAwait(false);
                }

                return id;
            },
            ct);
    }

    public Task DeleteUndeliveredWordsOfAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteWordsOfSql, new { PersonId = personId }, ct);

    public Task DropHeldQuestionsAsync(ChatAddress chat, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return session.ExecuteAsync(
            DropHeldQuestionsSql,
            new { Platform = (long)chat.Platform, chat.ChatId, Now = UnixTime.ToMs(now) },
            ct);
    }

    public Task WithdrawRoundStepsAsync(long roundId, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(WithdrawRoundStepsSql, new { RoundId = roundId, Now = UnixTime.ToMs(now) }, ct);

    public Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Platform != to.Platform)
        {
            throw new ArgumentException("A chat moves within its platform.", nameof(to));
        }

        return session.ExecuteAsync(MoveChatSql, new { Platform = (long)from.Platform, From = from.ChatId, To = to.ChatId }, ct);
    }
}
