using Bot.Core.Ports;
using Bot.Host.Pipeline;
using global::Telegram.Bot;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Telegram;

/// <summary>Registers the Telegram adapter when a token is configured.</summary>
internal static class TelegramSetup
{
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.Token)}"]);

    public static IHostApplicationBuilder AddTelegramAdapter(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section)
            .Validate(o => o.PollTimeoutSeconds is >= 0 and <= 50, "Telegram:PollTimeoutSeconds must be 0–50.")
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
        builder.Services.AddSingleton<IMediaFetcher, TelegramMediaFetcher>();
        builder.Services.AddSingleton<IChatAudience, TelegramChatAudience>();
        builder.Services.AddSingleton<TelegramPoller>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TelegramPoller>());
        return builder;
    }
}
