using System.Net;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Application.Commands;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Webhook mode (<c>Telegram:WebhookUrl</c>): on start, asks Telegram to POST updates to that URL with the secret
/// token, retrying while Telegram cannot be reached. Every node registers the same URL and secret, so it does not
/// matter which one starts last; stopping removes nothing (another node may still serve the webhook, and Telegram
/// keeps updates queued while none answers). Switching back to polling deletes the webhook then, keeping its queue.
/// </summary>
internal sealed class TelegramWebhook(
    ITelegramBotClient bot,
    TelegramIntake intake,
    IOptions<TelegramOptions> options,
    HostExit exit,
    ILogger<TelegramWebhook> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private volatile bool _isRegistered;

    /// <summary>True once Telegram accepted the webhook (readiness reads it).</summary>
    public bool IsRegistered => _isRegistered;

    /// <summary>
    /// The secret Telegram sends back in <c>X-Telegram-Bot-Api-Secret-Token</c>: <c>Telegram:WebhookSecret</c>, or
    /// else one derived from the bot token, the same on every node and after every restart, unknown to anyone
    /// without the token.
    /// </summary>
    public static string SecretOf(TelegramOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.IsNullOrEmpty(settings.WebhookSecret))
        {
            return settings.WebhookSecret;
        }

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.Token ?? ""),
            "BotSuite Telegram webhook secret token"u8);
        return System.Buffers.Text.Base64Url.EncodeToString(mac);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var me = await bot.GetMe(stoppingToken).ConfigureAwait(false);
                intake.Username = me.Username ?? "";
                await bot.SetMyCommands(CommandCatalog.All.Select(c => new BotCommand(c.Name, c.Description)),
                    cancellationToken: stoppingToken).ConfigureAwait(false);
                await bot.SetWebhook(settings.WebhookUrl!.ToString(), allowedUpdates: TelegramIntake.Wanted,
                    secretToken: SecretOf(settings), cancellationToken: stoppingToken).ConfigureAwait(false);
                _isRegistered = true;
                // The URL is the operator's own; the secret is never logged.
                logger.LogInformation("Telegram bot @{Username} receives updates at its webhook {Url}", me.Username,
                    settings.WebhookUrl);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == (int)HttpStatusCode.Unauthorized)
            {
                exit.Fail(HostExit.PlatformRefused,
                    "Telegram rejected the bot token (401). Check Telegram:Token (Telegram__Token)");
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == (int)HttpStatusCode.BadRequest)
            {
                // A URL Telegram will not call (not HTTPS, a port it does not allow): retrying cannot help.
                exit.Fail(HostExit.PlatformRefused,
                    $"Telegram refused the webhook ({ex.Message}). Check Telegram:WebhookUrl (Telegram__WebhookUrl): "
                    + "HTTPS on port 443, 80, 88 or 8443");
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Registering the Telegram webhook failed ({Error}); retrying in {Backoff}",
                    ex.GetType().Name, backoff);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
            }
        }
    }
}
