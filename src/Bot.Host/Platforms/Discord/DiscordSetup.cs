using Bot.Core.Ports;
using Bot.Discord;
using Bot.Discord.Gateway;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Discord;

/// <summary>Registers the Discord adapter, on our own client in Bot.Discord, when a token is configured.</summary>
internal static class DiscordSetup
{
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.Token)}"]);

    public static IHostApplicationBuilder AddDiscordAdapter(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateOnStart();
        services.AddHttpClient(nameof(DiscordRestClient));

        // Protocol timing (heartbeats, rate-limit resets) runs on the real clock, whatever clock the couples use.
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            var client = new DiscordClientOptions
            {
                Token = settings.Token!,
                GatewayUrl = settings.GatewayUrl,
                Intents = GatewayIntents.Guilds | GatewayIntents.DirectMessages,
            };
            if (settings.ApiBaseUrl is { } apiBase)
            {
                client.ApiBaseUrl = apiBase;
            }

            return client;
        });
        services.AddSingleton(provider => new DiscordRestClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordRestClient)),
            provider.GetRequiredService<DiscordClientOptions>(),
            TimeProvider.System,
            provider.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.AddSingleton(provider =>
        {
            var client = provider.GetRequiredService<DiscordClientOptions>();
            var rest = provider.GetRequiredService<DiscordRestClient>();
            client.GatewayUrlResolver ??= rest.GetGatewayUrlAsync;
            return new DiscordGatewayClient(client, null, TimeProvider.System,
                provider.GetRequiredService<ILogger<DiscordGatewayClient>>());
        });
        services.AddSingleton(provider => new DiscordChatGateway(provider.GetRequiredService<DiscordRestClient>(), TimeProvider.System));
        services.AddSingleton<IChatGateway>(provider => provider.GetRequiredService<DiscordChatGateway>());
        services.AddSingleton<DiscordAdapter>();
        services.AddHostedService(provider => provider.GetRequiredService<DiscordAdapter>());
        return builder;
    }
}
