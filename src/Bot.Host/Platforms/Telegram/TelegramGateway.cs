using System.Globalization;
using System.Net;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Delivery;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Sends outbox messages through the Bot API: plain text (no parse mode) so nobody's words need escaping, and a
/// letter (a reveal) as HTML with every piece escaped (<see cref="TelegramLetter"/>). A file goes as a photo, voice
/// note, video (note) or document with the text as its caption (the outbox sender sends a longer text first); a
/// partner's file that came from Telegram is resent by its file_id.
/// </summary>
internal sealed class TelegramGateway(ITelegramBotClient bot) : IChatGateway, ILetterGateway
{
    public Platform Platform => Platform.Telegram;

    public int MaxTextLength => 4096;

    public int MaxCaptionLength => 1024;

    // Telegram allows about 30 a second overall and counts what arrives, not what left: paced at 30, the sends of
    // two nodes (one pacer, a take-over between) arrived 31–32 within a second on a busy machine. 27 leaves that room.
    public int MaxMessagesPerSecond => 27;

    // One message a second to a person; groups allow about 20 a minute.
    public TimeSpan MinIntervalPerChat(ChatAddress chat) =>
        chat.ChatId.StartsWith('-') ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(1);

    public IReadOnlyList<Letter> Pages(Letter letter) => LetterPages.Split(letter, TelegramLetter.Limits);

    public async Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var markup = message.Choices.Count == 0
            ? null
            : new InlineKeyboardMarkup(message.Choices.Select(row =>
                row.Select(choice => InlineKeyboardButton.WithCallbackData(choice.Label, choice.Payload))));
        var chatId = new ChatId(long.Parse(message.To.ChatId, CultureInfo.InvariantCulture));
        try
        {
            if (message.Attachment is { } file)
            {
                await SendFileAsync(chatId, file, message.Text, markup, message.Silent, ct).ConfigureAwait(false);
                return DeliveryResult.Ok;
            }

            var html = message.Letter is { } letter ? TelegramLetter.Html(letter) : null;
            await bot.SendMessage(
                chatId,
                html ?? message.Text,
                parseMode: html is null ? ParseMode.None : ParseMode.Html,
                replyMarkup: markup,
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                disableNotification: message.Silent,
                cancellationToken: ct).ConfigureAwait(false);
            return DeliveryResult.Ok;
        }
        catch (ApiRequestException ex) when (ex.Parameters?.MigrateToChatId is { } newId)
        {
            return new DeliveryResult.Moved(new ChatAddress(Platform.Telegram, newId.ToString(CultureInfo.InvariantCulture)));
        }
        catch (ApiRequestException ex)
        {
            return ex.ErrorCode switch
            {
                (int)HttpStatusCode.TooManyRequests =>
                    new DeliveryResult.RateLimited(TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 1)),
                (int)HttpStatusCode.Forbidden => new DeliveryResult.Unreachable(ex.Message),
                >= 500 => new DeliveryResult.Failed($"{ex.ErrorCode} {ex.Message}"),
                _ => new DeliveryResult.Rejected($"{ex.ErrorCode} {ex.Message}"),
            };
        }
        catch (RequestException ex)
        {
            return new DeliveryResult.Failed(ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult.Failed(ex.Message);
        }
    }

    private async Task SendFileAsync(
        ChatId chatId, Attachment file, string text, InlineKeyboardMarkup? markup, bool silent, CancellationToken ct)
    {
        if (file.Kind == AttachmentKind.VideoNote && text.Length > 0)
        {
            // A video note takes no caption: the words go first, on their own.
            await bot.SendMessage(chatId, text, disableNotification: silent, cancellationToken: ct).ConfigureAwait(false);
            text = "";
        }

        // A file that came from Telegram is sent again by its file_id: no upload. Should Telegram no longer know
        // that id, the kept bytes go up instead.
        if (file.Source is { Platform: Platform.Telegram, FileId: { } fileId } && file.Kind != AttachmentKind.Document)
        {
            try
            {
                await SendFileAsync(chatId, file, InputFile.FromFileId(fileId), text, markup, silent, ct).ConfigureAwait(false);
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == (int)HttpStatusCode.BadRequest && !file.Content.IsEmpty)
            {
            }
        }

        using var content = new MemoryStream(file.Content.ToArray(), writable: false);
        await SendFileAsync(chatId, file, InputFile.FromStream(content, file.FileName), text, markup, silent, ct)
            .ConfigureAwait(false);
    }

    private async Task SendFileAsync(ChatId chatId, Attachment file, InputFile input, string text,
        InlineKeyboardMarkup? markup, bool silent, CancellationToken ct)
    {
        var caption = text.Length == 0 ? null : text;
        switch (file.Kind)
        {
            case AttachmentKind.Voice:
                await bot.SendVoice(chatId, input, caption: caption, replyMarkup: markup, disableNotification: silent,
                        cancellationToken: ct)
                    .ConfigureAwait(false);
                break;
            case AttachmentKind.VideoNote:
                await bot.SendVideoNote(chatId, input, replyMarkup: markup, disableNotification: silent,
                        cancellationToken: ct)
                    .ConfigureAwait(false);
                break;
            case AttachmentKind.Video:
                await bot.SendVideo(chatId, input, caption: caption, replyMarkup: markup, disableNotification: silent,
                        cancellationToken: ct)
                    .ConfigureAwait(false);
                break;
            case AttachmentKind.Photo:
                await bot.SendPhoto(chatId, input, caption: caption, replyMarkup: markup, disableNotification: silent,
                        cancellationToken: ct)
                    .ConfigureAwait(false);
                break;
            case AttachmentKind.Document:
                await bot.SendDocument(chatId, input, caption: caption, replyMarkup: markup, disableNotification: silent,
                        cancellationToken: ct)
                    .ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(file), file.Kind, "Unknown attachment kind.");
        }
    }
}
