using Bot.Core.Ports;
using Bot.Host.Operations;
using Bot.Host.Web;
using global::Telegram.Bot;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Telegram;

/// <summary>Registers the Telegram adapter when a token is configured.</summary>
internal static class TelegramSetup
{
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.Token)}"]);

    /// <summary>True when updates come by webhook (<c>Telegram:WebhookUrl</c>) rather than long polling.</summary>
    public static bool IsWebhook(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.WebhookUrl)}"]);

    public static IHostApplicationBuilder AddTelegramAdapter(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section)
            .Validate(o => o.PollTimeoutSeconds is >= 0 and <= 50, "Telegram:PollTimeoutSeconds must be 0–50.")
            .Validate(o => o.WebhookUrl is null || o.WebhookUrl.IsAbsoluteUri,
                "Telegram:WebhookUrl must be an absolute URL, e.g. https://bot.example.com/telegram.")
            .Validate(o => string.IsNullOrEmpty(o.WebhookSecret)
                    || (o.WebhookSecret.Length <= 256 && o.WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')),
                "Telegram:WebhookSecret must be 1–256 characters of A–Z, a–z, 0–9, _ and -.")
            .ValidateOnStart();
        // Every Bot API URL carries the token: the default request logging (whole URLs) must never run for it.
        builder.Services.AddHttpClient(nameof(TelegramGateway))
            .RemoveAllLoggers()
            .AddLogger(services => new TelegramHttpLogger(services.GetRequiredService<ILogger<TelegramHttpLogger>>()));
        builder.Services.AddSingleton<ITelegramBotClient>(services =>
        {
            var settings = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TelegramGateway));
            // Long polls must outlive the poll timeout; the client would otherwise abort them.
            http.Timeout = TimeSpan.FromSeconds(settings.PollTimeoutSeconds + 30);
            var clientOptions = new TelegramBotClientOptions(settings.Token!, settings.ApiBaseUrl?.ToString())
            {
                // The outbox owns pacing: no hidden sleeps inside the library on 429.
                RetryThreshold = 0,
                RetryCount = 1,
            };
            return new TelegramBotClient(clientOptions, http);
        });
        builder.Services.AddSingleton<IChatGateway, TelegramGateway>();
        builder.Services.AddSingleton<IChatAudience, TelegramChatAudience>();
        builder.Services.AddSingleton<TelegramIntake>();
        builder.Services.AddHealthChecks().AddCheck<TelegramHealthCheck>("telegram", HealthStatus.Unhealthy,
            [OperationsSetup.ReadyTag]);
        if (IsWebhook(builder.Configuration))
        {
            builder.Services.AddSingleton<TelegramWebhook>();
            builder.Services.AddHostedService(services => services.GetRequiredService<TelegramWebhook>());
            builder.AddHttpEndpoints<TelegramWebhookEndpoints>();
            return builder;
        }

        builder.Services.AddSingleton<TelegramPoller>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TelegramPoller>());
        return builder;
    }
}
