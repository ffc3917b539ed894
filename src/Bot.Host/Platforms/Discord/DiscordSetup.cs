using Bot.Core.Ports;
using Bot.Host.Operations;
using Bot.Host.Web;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Discord;

/// <summary>Registers the Discord adapter, on Discord.Net, when a token is configured.</summary>
internal static class DiscordSetup
{
    private static readonly Uri DefaultApiBase = new("https://discord.com/api/v10/");

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.Token)}"]);

    public static IHostApplicationBuilder AddDiscordAdapter(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section)
            .Validate(o => o.Shards is null or > 0, "Discord:Shards must be at least 1.")
            .Validate(o => o.ShardIds is null || o.ShardIds.All(id => id >= 0 && (o.Shards is null || id < o.Shards)),
                "Discord:ShardIds must be shard numbers below Discord:Shards.")
            .Validate(o => o.ShardIds is not { Length: > 0 } || o.Shards is not null,
                "Discord:ShardIds needs Discord:Shards (the total across all processes).")
            .Validate(o => string.IsNullOrEmpty(o.PublicKey) || (o.PublicKey.Length == 64 && o.PublicKey.All(char.IsAsciiHexDigit)),
                "Discord:PublicKey must be the application's public key: 64 hex digits (General Information tab).")
            .Validate(o => o.InteractionsPath.StartsWith('/'), "Discord:InteractionsPath must start with /.")
            .ValidateOnStart();
        services.AddHttpClient<DiscordInteractionReplies>((provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl ?? DefaultApiBase;
            // Discord requires this form of User-Agent on every request.
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (https://github.com/botsuite, 1.0)");
        });
        services.AddSingleton<DiscordConnection>();
        services.AddSingleton<DiscordStateStore>();
        services.AddSingleton<DiscordChatGateway>();
        services.AddSingleton<IChatGateway>(provider => provider.GetRequiredService<DiscordChatGateway>());
        services.AddSingleton<DiscordInteractionIntake>();
        services.AddSingleton<DiscordAdapter>();
        services.AddHostedService(provider => provider.GetRequiredService<DiscordAdapter>());
        services.AddHealthChecks().AddCheck<DiscordHealthCheck>("discord", HealthStatus.Unhealthy,
            [OperationsSetup.ReadyTag]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.PublicKey)}"]))
        {
            builder.AddHttpEndpoints<DiscordInteractionsEndpoint>();
        }

        return builder;
    }
}
