using Bot.Host.Delivery;
using Bot.Host.Operations;
using Bot.Host.Platforms.Discord;
using Bot.Host.Platforms.Telegram;
using Bot.Host.Platforms.Web;
using Bot.Host.Scheduling;
using Bot.Host.Storage;
using Microsoft.Extensions.Logging.Console;

namespace Bot.Host;

/// <summary>Builds the bot's host; shared by Program and the end-to-end tests.</summary>
public static class BotHost
{
    public const string NoPlatformMessage = """
        BotSuite has no chat platform to talk to. Set at least one bot token:
          Telegram:Token   (environment variable Telegram__Token)
          Discord:Token    (environment variable Discord__Token)
        for example:  Telegram__Token=123456:ABC... dotnet run --project src/Bot.Host
        Or try it in your browser first, without any token:
          dotnet run --project src/Bot.Host -- --playground
        """;

    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(PlaygroundSetup.ReadFlag(args));
        AddConsoleLog(builder);

        // HttpClient logs request URLs, and Telegram's carry the bot token.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.Services.AddSingleton<HostExit>();
        builder.AddStorage();
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.AddOperations();
        builder.AddCore();
        builder.AddDelivery();
        builder.AddScheduling();
        builder.AddPlayground();
        if (PlaygroundSetup.AllowsPlatforms(builder.Configuration))
        {
            builder.AddTelegramAdapter();
            builder.AddDiscordAdapter();
        }

        builder.AddOperatorEndpoints();
        return builder;
    }

    /// <summary>
    /// One line per entry, UTC, unless <c>Logging:Console:FormatterName</c> picks another console format: <c>json</c>
    /// gives one JSON object per line (UTC ISO-8601 timestamps) for log collectors.
    /// </summary>
    private static void AddConsoleLog(HostApplicationBuilder builder)
    {
        // The formatter chosen in code would otherwise win over the one named in the configuration.
        var formatter = builder.Configuration["Logging:Console:FormatterName"];
        if (string.Equals(formatter, ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(console =>
            {
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else if (string.IsNullOrEmpty(formatter))
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
                console.UseUtcTimestamp = true;
            });
        }
    }

    /// <summary>Runs the bot until it is stopped; without any platform configured, explains and returns 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var builder = CreateBuilder(args);
        if (!HasAnyPlatform(builder.Configuration))
        {
            await error.WriteLineAsync(NoPlatformMessage).ConfigureAwait(false);
            return 2;
        }

        using var host = builder.Build();

        // Taken before running: RunAsync disposes the host, and its services with it, once the host has stopped.
        var exit = host.Services.GetRequiredService<HostExit>();
        await host.RunAsync().ConfigureAwait(false);
        return exit.Code;
    }

    /// <summary>True when at least one platform adapter (or the playground) has what it needs to start.</summary>
    public static bool HasAnyPlatform(IConfiguration configuration) =>
        TelegramSetup.IsConfigured(configuration) || DiscordSetup.IsConfigured(configuration)
        || PlaygroundSetup.IsEnabled(configuration);
}
