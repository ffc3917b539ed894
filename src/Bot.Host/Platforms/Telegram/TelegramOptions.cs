namespace Bot.Host.Platforms.Telegram;

/// <summary>Settings of the Telegram adapter (section <c>Telegram</c>); the adapter runs when a token is set.</summary>
internal sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The bot token from @BotFather.</summary>
    public string? Token { get; set; }

    /// <summary>A local Bot API server instead of api.telegram.org (scheme and host only; tests point it at a fake).</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>How long one getUpdates call waits for news.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Webhook mode instead of long polling: the public HTTPS URL Telegram POSTs updates to; the bot serves its path
    /// on the host's web server (behind a proxy that terminates TLS).
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The secret Telegram sends with every update (1–256 of A–Z, a–z, 0–9, _ and -); derived from the token when unset.</summary>
    public string? WebhookSecret { get; set; }
}
