using System.Text.Json;
using System.Threading.Channels;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Discord.Gateway;

/// <summary>
/// One gateway session kept alive across reconnects: Hello → Identify (or Resume) → heartbeats, with zombie
/// detection, resume after op 7 / drops / resumable closes, a fresh session after op 9 false / 4007 / 4009,
/// capped back-off, and the 120-per-60-s send limit. Events arrive on <see cref="Dispatches"/>.
/// </summary>
/// <remarks>
/// The URL comes from <see cref="DiscordClientOptions.GatewayUrl"/> when set, else from
/// <see cref="DiscordClientOptions.GatewayUrlResolver"/> (e.g. <see cref="DiscordRestClient.GetGatewayUrlAsync"/>),
/// asked once and again after a failed connect.
/// </remarks>
public sealed partial class DiscordGatewayClient : IAsyncDisposable
{
    internal const int MaxFrameBytes = 4096;

    private readonly DiscordClientOptions _options;
    private readonly IGatewayTransportFactory _transports;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<GatewayDispatch> _dispatches =
        Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile GatewayState _state = GatewayState.Disconnected;
    private Connection? _connection;
    private Uri? _cachedGatewayUrl;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private int? _sequence;
    private DiscordUser? _currentUser;
    private string? _applicationId;
    private int _started;

    public DiscordGatewayClient(
        DiscordClientOptions options,
        IGatewayTransportFactory? transports = null,
        TimeProvider? time = null,
        ILogger<DiscordGatewayClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _transports = transports ?? new WebSocketGatewayTransportFactory();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Every dispatch in order, READY and RESUMED included. Read it continuously: events queue here without limit.
    /// Completes when <see cref="RunAsync"/> ends.
    /// </summary>
    public ChannelReader<GatewayDispatch> Dispatches => _dispatches.Reader;

    public GatewayState State => _state;

    public string? SessionId
    {
        get
        {
            lock (_gate)
            {
                return _sessionId;
            }
        }
    }

    /// <summary>The last dispatch sequence number seen (<c>s</c>); null before the first dispatch.</summary>
    public int? Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>The bot's own user from READY; skip messages whose author has this id.</summary>
    public DiscordUser? CurrentUser
    {
        get
        {
            lock (_gate)
            {
                return _currentUser;
            }
        }
    }

    /// <summary>The application id from READY.</summary>
    public string? ApplicationId
    {
        get
        {
            lock (_gate)
            {
                return _applicationId;
            }
        }
    }

    /// <summary>The first heartbeat's fraction of the interval; Discord asks for a random one in [0, 1).</summary>
    internal Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>The pause before a fresh Identify after op 9 false: 1–5 s at random, as Discord advises.</summary>
    internal Func<TimeSpan> InvalidSessionDelay { get; set; } =
        () => TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 5001));

    internal TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a new connection may take to connect and send Hello.</summary>
    internal TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal int SendLimitPermits { get; set; } = 120;

    internal TimeSpan SendLimitWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Sends kept back from <see cref="UpdatePresenceAsync"/> so heartbeats never wait behind it.</summary>
    internal int SendLimitReservedForHeartbeats { get; set; } = 10;

    /// <summary>Resume attempts that fail to reach RESUMED before we give the session up and Identify.</summary>
    internal int MaxFailedResumes { get; set; } = 3;

    /// <summary>
    /// Connects and keeps the session alive until <paramref name="cancellationToken"/> is cancelled; then closes with
    /// 1000 and returns. Throws <see cref="DiscordGatewayFatalException"/> on a fatal close code (or a token the
    /// REST resolver rejects with 401) without retrying.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A gateway client runs once; create a new one to connect again.");
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        var token = stopping.Token;
        var finalState = GatewayState.Stopped;
        try
        {
            await RunLoopAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Cancellation is how the owner stops us; it is not an error.
        }
        catch (Exception exception) when (exception is DiscordGatewayFatalException)
        {
            finalState = GatewayState.Faulted;
            throw;
        }
        finally
        {
            _state = finalState;
            _dispatches.Writer.TryComplete();
            _stopped.TrySetResult();
        }
    }

    /// <summary>Sets the bot's status (op 3); throws <see cref="InvalidOperationException"/> when offline.</summary>
    public Task UpdatePresenceAsync(PresenceUpdate presence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presence);
        var data = JsonSerializer.SerializeToElement(presence, DiscordJsonContext.Default.PresenceUpdate);
        return SendCommandAsync(GatewayOpCode.PresenceUpdate, data, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _started) == 1)
        {
            await _stopped.Task.ConfigureAwait(false);
        }

        _disposing.Dispose();
    }

    /// <summary>Sends an application-level command through the reserved part of the send limit.</summary>
    internal async Task SendCommandAsync(GatewayOpCode op, JsonElement? data, CancellationToken cancellationToken)
    {
        Connection? connection;
        lock (_gate)
        {
            connection = _connection;
        }

        if (connection is null || !connection.IsReady)
        {
            throw new InvalidOperationException("The gateway is not connected.");
        }

        try
        {
            await SendAsync(connection, op, data, isCommand: true, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException exception)
        {
            // The connection ended between the check above and the send.
            throw new InvalidOperationException("The gateway is not connected.", exception);
        }
    }

    internal static Uri WithGatewayQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private async Task RunLoopAsync(CancellationToken stopping)
    {
        var failures = 0;
        var failedResumes = 0;
        while (!stopping.IsCancellationRequested)
        {
            Uri? resumeUrl;
            lock (_gate)
            {
                resumeUrl = _sessionId is null ? null : _resumeUrl;
            }

            var isResume = resumeUrl is not null;
            var url = resumeUrl ?? await TryGetGatewayUrlAsync(stopping).ConfigureAwait(false);
            var end = url is null
                ? new ConnectionEnd(NextStep.Identify, "gateway URL lookup failed", CountsAsFailure: true)
                : await RunConnectionAsync(url, isResume, stopping).ConfigureAwait(false);

            switch (end.Next)
            {
                case NextStep.Stop:
                    return;
                case NextStep.Fatal:
                    _logger.LogError(
                        "Discord gateway closed with fatal code {CloseCode}: {Reason}; not reconnecting",
                        end.CloseCode,
                        end.Reason);
                    throw new DiscordGatewayFatalException(end.CloseCode ?? 0, end.Reason);
            }

            if (end.CountsAsFailure)
            {
                failures++;
                failedResumes += isResume ? 1 : 0;
            }
            else
            {
                failures = 0;
                failedResumes = 0;
            }

            if (end.ConnectFailed && !isResume)
            {
                lock (_gate)
                {
                    _cachedGatewayUrl = null;
                }
            }

            if (end.Next == NextStep.Identify || failedResumes >= MaxFailedResumes)
            {
                ForgetSession();
                failedResumes = 0;
            }

            var delay = end.Delay ?? (failures == 0 ? TimeSpan.Zero : Backoff(failures));
            _state = GatewayState.Reconnecting;
            _logger.LogInformation(
                "Discord gateway connection ended ({Reason}, code {CloseCode}); {Next} in {Delay}",
                end.Reason,
                end.CloseCode,
                end.Next == NextStep.Resume && SessionId is not null ? "resuming" : "identifying",
                delay);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(BackoffBase.Ticks * factor, BackoffMax.Ticks));
        return delay;
    }

    private async Task<Uri?> TryGetGatewayUrlAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await GetGatewayUrlAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException exception) when (exception.StatusCode == 401)
        {
            _logger.LogError("Discord rejected the bot token while looking up the gateway URL");
            throw new DiscordGatewayFatalException(
                4004,
                "authentication failed: the bot token was rejected (HTTP 401)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not InvalidOperationException)
        {
            _logger.LogWarning(exception, "Could not look up the Discord gateway URL");
            return null;
        }
    }

    private async Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (_options.GatewayUrl is { } configured)
        {
            return configured;
        }

        lock (_gate)
        {
            if (_cachedGatewayUrl is { } cached)
            {
                return cached;
            }
        }

        var resolver = _options.GatewayUrlResolver ?? throw new InvalidOperationException(
            "Set DiscordClientOptions.GatewayUrl or GatewayUrlResolver (e.g. DiscordRestClient.GetGatewayUrlAsync).");
        var url = await resolver(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _cachedGatewayUrl = url;
        }

        return url;
    }

    private void ForgetSession()
    {
        lock (_gate)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
        }
    }
}
