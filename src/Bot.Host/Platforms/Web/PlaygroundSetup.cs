using Bot.Core.Ports;
using Bot.Host.Storage;
using Bot.Host.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Platforms.Web;

/// <summary>
/// Registers the playground (<c>--playground</c>): the Web adapter with its page, its own database and, when it
/// runs alone, a clock the person can move.
/// </summary>
internal static class PlaygroundSetup
{
    public const string Flag = "--playground";

    private const string EnabledKey = $"{PlaygroundOptions.Section}:{nameof(PlaygroundOptions.Enabled)}";
    private const string WithPlatformsKey = $"{PlaygroundOptions.Section}:{nameof(PlaygroundOptions.WithPlatforms)}";

    /// <summary>Turns the bare <c>--playground</c> flag into the setting it stands for.</summary>
    public static string[] ReadFlag(string[] args) =>
        [.. args.Select(arg => arg.Equals(Flag, StringComparison.OrdinalIgnoreCase) ? $"--{EnabledKey}=true" : arg)];

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    /// <summary>True when the real platforms run too: either the playground is off, or it was asked to share.</summary>
    public static bool AllowsPlatforms(IConfiguration configuration) =>
        !IsEnabled(configuration) || configuration.GetValue<bool>(WithPlatformsKey);

    public static IHostApplicationBuilder AddPlayground(this IHostApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        var settings = builder.Configuration.GetSection(PlaygroundOptions.Section).Get<PlaygroundOptions>() ?? new();
        var services = builder.Services;
        services.AddSingleton<PlaygroundFeed>();
        services.AddSingleton<IChatGateway, WebChatGateway>();
        builder.AddHttpEndpoints<PlaygroundEndpoints>();
        if (settings.WithPlatforms)
        {
            return builder;
        }

        // Alone, it keeps its own data and its own time: nothing it does can reach a real couple.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageSetup.ConnectionStringName}"] = $"Data Source={settings.Database}",
            [StorageProviders.SettingName] = "sqlite",
        });
        services.AddSingleton<PlaygroundClock>();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<PlaygroundClock>());
        services.AddSingleton<PlaygroundTime>();
        return builder;
    }
}
