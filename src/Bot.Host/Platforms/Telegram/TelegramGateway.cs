using System.Globalization;
using System.Net;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Sends outbox messages through the Bot API; plain text (no parse mode) so nobody's words need escaping. A file
/// goes as a photo or document with the text as its caption (the outbox sender sends a longer text first).
/// </summary>
internal sealed class TelegramGateway(ITelegramBotClient bot) : IChatGateway
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

            await bot.SendMessage(
                chatId,
                message.Text,
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
        var caption = text.Length == 0 ? null : text;
        using var content = new MemoryStream(file.Content.ToArray(), writable: false);
        var input = InputFile.FromStream(content, file.FileName);
        switch (file.Kind)
        {
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
