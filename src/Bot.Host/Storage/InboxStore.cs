using System.Globalization;
using System.Text.Json;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Host.Security;

namespace Bot.Host.Storage;

/// <summary>A stored update waiting to be handled; <paramref name="ChatKey"/> orders the work of one chat.</summary>
internal sealed record InboxItem(long Id, string ChatKey, Inbound Message);

/// <summary>An unhandled update as the queue needs it after a restart: which one, and whose turn it takes.</summary>
internal sealed record PendingUpdate(long Id, string ChatKey);

/// <summary>
/// The durable inbound queue: an update is stored before the platform hears it arrived, then handled exactly
/// once. What people wrote (text, command arguments, button payloads) is stored encrypted; handled rows keep
/// only their update key (for dedupe) until purged, and what people wrote is erased.
/// </summary>
internal sealed class InboxStore(StorageSession session, FieldCipher cipher)
{
    private const long CommandKind = 1;
    private const long TextKind = 2;
    private const long ChoiceKind = 3;
    private const long EditKind = 4;
    private const long ChangeKind = 5;

    private const string Columns = """
        id AS Id, update_key AS UpdateKey, chat_key AS ChatKey, kind AS Kind, from_platform AS FromPlatform, from_id AS FromId,
        from_name AS FromName, chat_platform AS ChatPlatform, chat_id AS ChatId, is_private AS IsPrivate,
        command AS Command, arguments AS Arguments, text AS Text, payload AS Payload,
        reply_platform AS ReplyPlatform, reply_chat_id AS ReplyChatId,
        private_platform AS PrivatePlatform, private_chat_id AS PrivateChatId, message_id AS MessageId,
        options AS Options, media AS Media
        """;

    private const string InsertSql = """
        INSERT INTO inbox (update_key, chat_key, received_at, kind, from_platform, from_id, from_name, chat_platform,
                           chat_id, is_private, command, arguments, text, payload, reply_platform, reply_chat_id,
                           private_platform, private_chat_id, message_id, options, media)
        VALUES (@UpdateKey, @ChatKey, @ReceivedAt, @Kind, @FromPlatform, @FromId, @FromName, @ChatPlatform,
                @ChatId, @IsPrivate, @Command, @Arguments, @Text, @Payload, @ReplyPlatform, @ReplyChatId,
                @PrivatePlatform, @PrivateChatId, @MessageId, @Options, @Media)
        ON CONFLICT (update_key) DO NOTHING
        RETURNING id;
        """;

    private const string GetPendingSql = """
        SELECT id AS Id, chat_key AS ChatKey FROM inbox WHERE processed_at IS NULL ORDER BY id;
        """;

    private const string GetPendingReplyAddressSql = """
        SELECT coalesce(reply_platform, chat_platform) AS Platform, coalesce(reply_chat_id, chat_id) AS ChatId
        FROM inbox WHERE id = @Id AND processed_at IS NULL /*pg: FOR UPDATE SKIP LOCKED*/;
        """;

    // On PostgreSQL the row stays locked until the handling transaction ends; another node reading it meanwhile
    // skips it (gets nothing) instead of handling it a second time. SQLite's single writer does that by itself.
    private const string GetPendingByIdSql = $"""
        SELECT {Columns} FROM inbox WHERE id = @Id AND processed_at IS NULL /*pg: FOR UPDATE SKIP LOCKED*/;
        """;

    private const string HasMediaSql = """
        SELECT EXISTS (SELECT 1 FROM inbox WHERE id = @Id AND processed_at IS NULL AND media IS NOT NULL);
        """;

    private const string CompleteSql = """
        UPDATE inbox SET
            processed_at = @Now, chat_key = NULL, kind = NULL, from_platform = NULL, from_id = NULL,
            from_name = NULL, chat_platform = NULL, chat_id = NULL, is_private = NULL, command = NULL,
            arguments = NULL, text = NULL, payload = NULL, reply_platform = NULL, reply_chat_id = NULL,
            private_platform = NULL, private_chat_id = NULL, message_id = NULL, options = NULL, media = NULL
        WHERE id = @Id AND processed_at IS NULL;
        """;

    private const string PurgeSql = """
        DELETE FROM inbox WHERE processed_at IS NOT NULL AND processed_at < @Before;
        """;

    private static string? QuestionText(QuestionRef? question) =>
        question is null ? null : string.Create(CultureInfo.InvariantCulture, $"{question.RoundId}:{question.Position}");

    private static QuestionRef? ReadQuestion(string? text) =>
        text?.Split(':') is [var round, var position]
        && long.TryParse(round, NumberStyles.None, CultureInfo.InvariantCulture, out var roundId)
        && int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            ? new QuestionRef(roundId, at)
            : null;

    /// <summary>Stores the update; null when its key was seen before (a redelivery).</summary>
    public Task<long?> TryAddAsync(string updateKey, Inbound message, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(updateKey);
        ArgumentNullException.ThrowIfNull(message);
        (long Kind, string? Command, string? Arguments, string? Text, string? Payload, string? MessageId) content = message switch
        {
            CommandReceived c => (CommandKind, c.Command, c.Arguments, null, null, null),
            // A text from an answer form keeps the question it was meant for in the payload column.
            TextReceived t => (TextKind, null, null, t.Text, QuestionText(t.ForQuestion), t.MessageId),
            ChoiceSelected s => (ChoiceKind, null, null, null, s.Payload, null),
            MessageEdited e => (EditKind, null, null, e.Text, null, e.MessageId),
            ChatChanged x => (ChangeKind, x.Change.ToString(), null, x.MovedTo?.ChatId, x.Member?.ExternalId, null),
            _ => throw new ArgumentException($"Unknown inbound message {message.GetType().Name}.", nameof(message)),
        };
        return session.ExecuteScalarAsync<long?>(
            InsertSql,
            new
            {
                UpdateKey = updateKey,
                ChatKey = message.Chat.ToString(),
                ReceivedAt = UnixTime.ToMs(now),
                content.Kind,
                FromPlatform = (long)message.From.Platform,
                FromId = message.From.ExternalId,
                message.FromName,
                ChatPlatform = (long)message.Chat.Platform,
                message.Chat.ChatId,
                IsPrivate = message.IsPrivate ? 1L : 0L,
                content.Command,
                Arguments = cipher.Encrypt(content.Arguments, SealedColumns.InboxArguments.At(updateKey)),
                Text = cipher.Encrypt(content.Text, SealedColumns.InboxText.At(updateKey)),
                Payload = cipher.Encrypt(content.Payload, SealedColumns.InboxPayload.At(updateKey)),
                ReplyPlatform = (long?)message.ReplyTo?.Platform,
                ReplyChatId = message.ReplyTo?.ChatId,
                PrivatePlatform = (long?)message.PrivateChat?.Platform,
                PrivateChatId = message.PrivateChat?.ChatId,
                content.MessageId,
                Options = message is CommandReceived { Options: { } options }
                    ? cipher.Encrypt(JsonSerializer.Serialize(options), SealedColumns.InboxOptions.At(updateKey))
                    : null,
                Media = message.Media is { } media
                    ? cipher.Encrypt(JsonSerializer.Serialize(StoredMedia.Of(media)), SealedColumns.InboxMedia.At(updateKey))
                    : null,
            },
            ct);
    }

    /// <summary>
    /// Every unhandled update, oldest first, by id and chat only: each is read when its turn comes, so one that
    /// cannot be read holds up nothing but itself.
    /// </summary>
    public Task<IReadOnlyList<PendingUpdate>> GetPendingAsync(CancellationToken ct) =>
        session.QueryAsync<PendingUpdate>(GetPendingSql, null, ct);

    /// <summary>Where to answer an unhandled update, read without its content (which may be what is damaged).</summary>
    public async Task<ChatAddress?> GetPendingReplyAddressAsync(long id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<AddressRow>(GetPendingReplyAddressSql, new { Id = id }, ct)
            .ConfigureAwait(false);
        return row is { Platform: { } platform, ChatId: { } chatId } ? new ChatAddress((Platform)platform, chatId) : null;
    }

    public async Task<InboxItem?> GetPendingAsync(long id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<InboxRow>(GetPendingByIdSql, new { Id = id }, ct)
            .ConfigureAwait(false);
        return row?.ToItem(cipher);
    }

    /// <summary>Whether the unhandled update came with a file (to fetch before it is handled).</summary>
    public async Task<bool> HasMediaAsync(long id, CancellationToken ct) =>
        await session.ExecuteScalarAsync<bool>(HasMediaSql, new { Id = id }, ct).ConfigureAwait(false);

    /// <summary>Marks the update handled and erases its content; runs in the caller's transaction, if any.</summary>
    public Task CompleteAsync(long id, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(CompleteSql, new { Id = id, Now = UnixTime.ToMs(now) }, ct);

    /// <summary>Forgets handled updates older than <paramref name="before"/>; their keys no longer dedupe.</summary>
    public Task<int> PurgeProcessedAsync(DateTimeOffset before, CancellationToken ct) =>
        session.ExecuteAsync(PurgeSql, new { Before = UnixTime.ToMs(before) }, ct);

    private sealed record AddressRow(long? Platform, string? ChatId);

    /// <summary>What the inbox keeps of a file that came with an update: where to fetch it, never its bytes.</summary>
    private sealed record StoredMedia(
        MediaKind Kind, Platform Platform, string FileId, string? Url, long? Size, string? ContentType)
    {
        public static StoredMedia Of(InboundMedia media) => new(
            media.Kind, media.Source.Platform, media.Source.FileId, media.Source.Url, media.Size, media.ContentType);

        public InboundMedia ToMedia() => new(Kind, new MediaSource(Platform, FileId, Url), Size, ContentType);
    }

    private sealed record InboxRow(
        long Id,
        string UpdateKey,
        string? ChatKey,
        long? Kind,
        long? FromPlatform,
        string? FromId,
        string? FromName,
        long? ChatPlatform,
        string? ChatId,
        long? IsPrivate,
        string? Command,
        string? Arguments,
        string? Text,
        string? Payload,
        long? ReplyPlatform,
        string? ReplyChatId,
        long? PrivatePlatform,
        string? PrivateChatId,
        string? MessageId,
        string? Options,
        string? Media)
    {
        private string Open(FieldCipher cipher, SealedColumn column, string value) =>
            cipher.Decrypt(value, column.At(UpdateKey));

        public InboxItem ToItem(FieldCipher cipher)
        {
            var from = new ChatUser((Platform)Required(FromPlatform), Required(FromId));
            var chat = new ChatAddress((Platform)Required(ChatPlatform), Required(ChatId));
            var name = Required(FromName);
            var isPrivate = Required(IsPrivate) != 0;
            Inbound message = Kind switch
            {
                CommandKind => new CommandReceived(
                    from, name, chat, isPrivate, Required(Command), Open(cipher, SealedColumns.InboxArguments, Required(Arguments)))
                {
                    Options = Options is null
                        ? null
                        : JsonSerializer.Deserialize<Dictionary<string, string>>(Open(cipher, SealedColumns.InboxOptions, Options)),
                },
                TextKind => new TextReceived(from, name, chat, isPrivate, Open(cipher, SealedColumns.InboxText, Required(Text)))
                {
                    MessageId = MessageId,
                    ForQuestion = Payload is null ? null : ReadQuestion(Open(cipher, SealedColumns.InboxPayload, Payload)),
                },
                ChoiceKind => new ChoiceSelected(from, name, chat, isPrivate, Open(cipher, SealedColumns.InboxPayload, Required(Payload))),
                EditKind => new MessageEdited(
                    from, name, chat, isPrivate, Required(MessageId), Open(cipher, SealedColumns.InboxText, Required(Text))),
                ChangeKind => new ChatChanged(from, name, chat, Enum.Parse<ChatChange>(Required(Command)))
                {
                    Member = Payload is null ? null : new ChatUser(chat.Platform, Open(cipher, SealedColumns.InboxPayload, Payload)),
                    MovedTo = Text is null ? null : new ChatAddress(chat.Platform, Open(cipher, SealedColumns.InboxText, Text)),
                },
                _ => throw new InvalidOperationException($"Inbox row {Id} has unknown kind {Kind}."),
            };
            return new InboxItem(Id, Required(ChatKey), message with
            {
                ReplyTo = Address(ReplyPlatform, ReplyChatId),
                PrivateChat = Address(PrivatePlatform, PrivateChatId),
                Media = Media is null
                    ? null
                    : JsonSerializer.Deserialize<StoredMedia>(Open(cipher, SealedColumns.InboxMedia, Media))?.ToMedia(),
            });
        }

        private static ChatAddress? Address(long? platform, string? chatId) =>
            platform is { } p && chatId is not null ? new ChatAddress((Platform)p, chatId) : null;

        private T Required<T>(T? value)
            where T : class =>
            value ?? throw new InvalidOperationException($"Inbox row {Id} is missing content.");

        private long Required(long? value) =>
            value ?? throw new InvalidOperationException($"Inbox row {Id} is missing content.");
    }
}
