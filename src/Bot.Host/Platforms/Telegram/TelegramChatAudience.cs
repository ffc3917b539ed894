using System.Globalization;
using System.Net;
using Bot.Core.Domain;
using Bot.Core.Ports;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Who can read a Telegram group: the member count and each allowed person's membership. The count includes this
/// bot; any other member, person or bot, makes the chat not theirs alone (a bot cannot list a group's members).
/// </summary>
internal sealed class TelegramChatAudience(ITelegramBotClient bot) : IChatAudience
{
    public Platform Platform => Platform.Telegram;

    public async Task<AudienceCheck> CheckAsync(
        ChatAddress chat, IReadOnlyCollection<ChatUser> allowed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(allowed);
        var chatId = new ChatId(long.Parse(chat.ChatId, CultureInfo.InvariantCulture));
        try
        {
            var count = await bot.GetChatMemberCount(chatId, ct).ConfigureAwait(false);
            if (count > allowed.Count + 1)
            {
                return new AudienceCheck.Others($"{count} members");
            }

            foreach (var user in allowed)
            {
                if (user.Platform != Platform.Telegram)
                {
                    return new AudienceCheck.Others("a partner is on another platform");
                }

                var member = await bot.GetChatMember(chatId, long.Parse(user.ExternalId, CultureInfo.InvariantCulture), ct)
                    .ConfigureAwait(false);
                if (!member.IsInChat)
                {
                    return new AudienceCheck.Others("a partner is not in the chat");
                }
            }

            return AudienceCheck.OnlyThem;
        }
        catch (ApiRequestException ex) when (ex.Parameters?.MigrateToChatId is { } newId)
        {
            return new AudienceCheck.Moved(new ChatAddress(Platform.Telegram, newId.ToString(CultureInfo.InvariantCulture)));
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.BadRequest)
        {
            return new AudienceCheck.Gone($"{ex.ErrorCode} {ex.Message}");
        }
        catch (ApiRequestException ex)
        {
            return new AudienceCheck.Unknown($"{ex.ErrorCode} {ex.Message}");
        }
        catch (RequestException ex)
        {
            return new AudienceCheck.Unknown(ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return new AudienceCheck.Unknown(ex.Message);
        }
    }
}
