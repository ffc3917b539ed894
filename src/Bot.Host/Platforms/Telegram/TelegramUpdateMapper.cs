using System.Globalization;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace Bot.Host.Platforms.Telegram;

/// <summary>Turns a Telegram update into the core's platform-neutral message, or null for what we ignore.</summary>
internal static class TelegramUpdateMapper
{
    public static Inbound? Map(Update update, string botUsername) => update switch
    {
        { Message: { MigrateToChatId: { } newId, From: { } upgrader } migrated } => new ChatChanged(
            User(upgrader), upgrader.FirstName, Address(migrated.Chat.Id), ChatChange.Moved)
        {
            MovedTo = Address(newId),
        },
        { Message: { } message } => FromMessage(message, botUsername),
        { MyChatMember: { Chat.Type: ChatType.Group or ChatType.Supergroup } mine }
            when mine.NewChatMember.IsInChat == false => new ChatChanged(
                User(mine.From), mine.From.FirstName, Address(mine.Chat.Id), ChatChange.BotRemoved),
        { ChatMember: { Chat.Type: ChatType.Group or ChatType.Supergroup, NewChatMember.User.IsBot: false } member }
            when member.OldChatMember.IsInChat != member.NewChatMember.IsInChat => new ChatChanged(
                User(member.From), member.From.FirstName, Address(member.Chat.Id),
                member.NewChatMember.IsInChat ? ChatChange.MemberJoined : ChatChange.MemberLeft)
            {
                Member = User(member.NewChatMember.User),
            },
        { EditedMessage: { From: { IsBot: false } from, Chat.Type: ChatType.Private } edited } => new MessageEdited(
            User(from), from.FirstName, Address(edited.Chat.Id), true, MessageId(edited), edited.Text ?? ""),
        { CallbackQuery: { Data: { } data, From: { IsBot: false } from } query } => new ChoiceSelected(
            User(from), from.FirstName,
            Address(query.Message?.Chat.Id ?? from.Id),
            query.Message is null || query.Message.Chat.Type == ChatType.Private,
            data),
        _ => null,
    };

    private static Inbound? FromMessage(Message message, string botUsername)
    {
        if (message.From is not { IsBot: false } from || message.Chat.Type == ChatType.Channel)
        {
            return null;
        }

        var isPrivate = message.Chat.Type == ChatType.Private;
        var chat = Address(message.Chat.Id);
        var media = MediaOf(message);
        // A photo, voice note or video carries its words as a caption.
        var text = message.Text ?? message.Caption;
        if (text is null && media is null)
        {
            // Stickers, documents and the like: worth a friendly word in private, noise in a group.
            return isPrivate && !IsServiceMessage(message) ? new TextReceived(User(from), from.FirstName, chat, true, "") : null;
        }

        if (text is null || !text.StartsWith('/'))
        {
            return new TextReceived(User(from), from.FirstName, chat, isPrivate, text ?? "")
            {
                MessageId = MessageId(message),
                Media = media,
            };
        }

        var firstSpace = text.IndexOfAny([' ', '\n']);
        var token = firstSpace < 0 ? text[1..] : text[1..firstSpace];
        var arguments = firstSpace < 0 ? "" : text[(firstSpace + 1)..].Trim();
        var at = token.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!token[(at + 1)..].Equals(botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return null; // A command for another bot in the same group.
            }

            token = token[..at];
        }

        // "/memory" as the caption of a file, or as a reply to one's own file sent a moment before.
        media ??= message.ReplyToMessage is { From.Id: var author } replied && author == from.Id ? MediaOf(replied) : null;
        return token.Length == 0
            ? new TextReceived(User(from), from.FirstName, chat, isPrivate, text) { Media = media }
            : new CommandReceived(User(from), from.FirstName, chat, isPrivate, token.ToLowerInvariant(), arguments)
            {
                Media = media,
            };
    }

    /// <summary>The voice note, photo (its largest size) or video a message carries, by file_id.</summary>
    private static InboundMedia? MediaOf(Message message) => message switch
    {
        { Voice: { } voice } => Media(MediaKind.Voice, voice.FileId, voice.FileSize, voice.MimeType ?? "audio/ogg"),
        { Photo: [_, ..] photos } when photos.MaxBy(p => (long)p.Width * p.Height) is { } photo =>
            Media(MediaKind.Photo, photo.FileId, photo.FileSize, "image/jpeg"),
        { VideoNote: { } note } => Media(MediaKind.VideoNote, note.FileId, note.FileSize, "video/mp4"),
        { Video: { } video } => Media(MediaKind.Video, video.FileId, video.FileSize, video.MimeType ?? "video/mp4"),
        _ => null,
    };

    private static InboundMedia Media(MediaKind kind, string fileId, long? size, string contentType) =>
        new(kind, new MediaSource(Platform.Telegram, fileId), size, contentType);

    private static string MessageId(Message message) => message.Id.ToString(CultureInfo.InvariantCulture);

    private static bool IsServiceMessage(Message message) =>
        message.NewChatMembers is not null || message.LeftChatMember is not null || message.GroupChatCreated == true;

    private static ChatUser User(User user) =>
        new(Platform.Telegram, user.Id.ToString(CultureInfo.InvariantCulture));

    private static ChatAddress Address(long chatId) =>
        new(Platform.Telegram, chatId.ToString(CultureInfo.InvariantCulture));
}
