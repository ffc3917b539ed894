using Bot.Host.Pipeline;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Takes a Telegram update into the inbox, whichever way it came (long polling or the webhook): mapped, committed
/// under its update id (a redelivery is recognised), and a pressed button's spinner stopped. Also knows the bot's
/// username once either way has asked Telegram for it.
/// </summary>
internal sealed class TelegramIntake(ITelegramBotClient bot, InboundPipeline pipeline, ILogger<TelegramIntake> logger)
{
    /// <summary>Member changes are only sent when asked for by name; homes follow them.</summary>
    public static readonly UpdateType[] Wanted =
    [
        UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember,
        UpdateType.ChatMember,
    ];

    /// <summary>The bot's username (for commands addressed "/pair@name"); null until getMe answered.</summary>
    public string? Username { get; set; }

    /// <summary>Commits the update to the inbox; when this returns, Telegram may be told it arrived.</summary>
    public async Task AcceptAsync(Update update, string username, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        var message = TelegramUpdateMapper.Map(update, username);
        if (message is not null)
        {
            await pipeline.AcceptAsync($"telegram:{update.Id}", message, ct).ConfigureAwait(false);
        }

        if (update.CallbackQuery is { } query)
        {
            try
            {
                // Stops the button's spinner; the real answer arrives as a message through the outbox.
                await bot.AnswerCallbackQuery(query.Id, cancellationToken: ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ApiRequestException or HttpRequestException or RequestException)
            {
                logger.LogDebug("Could not answer callback query: {Message}", ex.Message);
            }
        }
    }
}
