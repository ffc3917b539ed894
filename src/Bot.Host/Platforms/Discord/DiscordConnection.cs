using Discord;
using Discord.Net.Rest;
using Discord.WebSocket;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// Owns the Discord.Net client: builds it from the settings (the API base and gateway URL an operator or a test
/// points it at, the shards this process runs) and builds a fresh one when the adapter's watchdog asks.
/// </summary>
internal sealed class DiscordConnection(IOptions<DiscordOptions> options, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ILogger _libraryLog = loggers.CreateLogger("Discord.Net");
    private DiscordShardedClient? _client;
    private TaskCompletionSource _loggedIn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The running client; the adapter creates it before anything sends.</summary>
    public DiscordShardedClient Client => _client ?? throw new InvalidOperationException("The Discord client has not started yet.");

    /// <summary>Completes once the current client has logged in, so REST calls can be made through it.</summary>
    public Task LoggedIn => _loggedIn.Task;

    public void MarkLoggedIn() => _loggedIn.TrySetResult();

    /// <summary>True while every shard of the current client is connected to the gateway.</summary>
    public bool IsGatewayConnected =>
        _client is { Shards.Count: > 0 } client && client.Shards.All(s => s.ConnectionState == ConnectionState.Connected);

    /// <summary>Counts the clients built so far; channel objects of an older client must not be used.</summary>
    public int Generation { get; private set; }

    public DiscordShardedClient Create()
    {
        var settings = options.Value;
        var config = new DiscordSocketConfig
        {
            // DMs and interactions; no privileged intent is needed for either (DM content always arrives).
            GatewayIntents = GatewayIntents.Guilds | GatewayIntents.DirectMessages,
            GatewayHost = GatewayAddress(settings.GatewayUrl),
            TotalShards = settings.Shards,
            MessageCacheSize = 0,
            AlwaysDownloadUsers = false,
            LogGatewayIntentWarnings = false,
            SuppressUnknownDispatchWarnings = true,
            // The outbox owns retries: a 429 comes back to us at once (each call also says so; see DiscordCall).
            DefaultRetryMode = RetryMode.AlwaysFail,
            LogLevel = LogSeverity.Info,
        };
        if (settings.ApiBaseUrl is { } apiBase)
        {
            var url = apiBase.ToString();
            config.RestClientProvider = _ => DefaultRestClientProvider.Instance(url);
        }

        var client = settings.ShardIds is { Length: > 0 } ids
            ? new DiscordShardedClient(ids, config)
            : new DiscordShardedClient(config);
        client.Log += LogAsync;
        if (_loggedIn.Task.IsCompleted)
        {
            _loggedIn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _client = client;
        Generation++;
        return client;
    }

    /// <summary>
    /// The library connects to the gateway URL exactly as given, so it carries the version and encoding Discord
    /// expects unless the operator spelled out a query of their own.
    /// </summary>
    internal static string? GatewayAddress(Uri? url) =>
        url is null ? null
        : url.Query.Length > 0 ? url.ToString()
        : $"{url}?v={DiscordConfig.APIVersion}&encoding=json";

    /// <summary>
    /// Closes the gateway (no more events come in) but keeps the client logged in: the outbox stops after the
    /// adapter and may still be finishing a send through it. The container disposes the client last.
    /// </summary>
    public Task StopGatewayAsync() => _client is { } client ? QuietlyAsync(client.StopAsync) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _client, null) is { } client)
        {
            await DisposeClientAsync(client).ConfigureAwait(false);
        }
    }

    public static async Task DisposeClientAsync(DiscordShardedClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        // A client that never started (a refused login) or already stopped throws here; there is nothing to undo.
        await QuietlyAsync(client.StopAsync).ConfigureAwait(false);
        await QuietlyAsync(client.LogoutAsync).ConfigureAwait(false);
        await QuietlyAsync(() => client.DisposeAsync().AsTask()).ConfigureAwait(false);
    }

#pragma warning disable CA1031 // Tearing down a client must not fail whatever state it is in.
    private static async Task QuietlyAsync(Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception)
        {
        }
    }
#pragma warning restore CA1031

    private Task LogAsync(LogMessage message)
    {
        var level = message.Severity switch
        {
            LogSeverity.Critical => LogLevel.Critical,
            LogSeverity.Error => LogLevel.Error,
            LogSeverity.Warning => LogLevel.Warning,
            LogSeverity.Info => LogLevel.Information,
            LogSeverity.Verbose => LogLevel.Debug,
            _ => LogLevel.Trace,
        };
        if (_libraryLog.IsEnabled(level))
        {
            // Endpoints in the library's lines may carry interaction tokens; they never reach our logs.
#pragma warning disable CA1848, CA2254 // The library's own lines, passed on as they come.
            _libraryLog.Log(level, message.Exception is null ? null : new DiscordLibraryException(message.Exception),
                "{Source}: {Message}", message.Source, DiscordText.Redact(message.Message));
#pragma warning restore CA1848, CA2254
        }

        return Task.CompletedTask;
    }
}

/// <summary>A library exception as logged: the types and redacted messages of its chain, nothing else of the request.</summary>
internal sealed class DiscordLibraryException(Exception inner) : Exception(Describe(inner))
{
    private static string Describe(Exception inner)
    {
        var parts = new List<string>();
        for (Exception? e = inner; e is not null && parts.Count < 4; e = e.InnerException)
        {
            parts.Add(e is global::Discord.Net.WebSocketClosedException closed
                ? $"{e.GetType().Name} {closed.CloseCode}: {DiscordText.Redact(closed.Reason)}"
                : $"{e.GetType().Name}: {DiscordText.Redact(e.Message)}");
        }

        return string.Join(" ← ", parts);
    }
}
