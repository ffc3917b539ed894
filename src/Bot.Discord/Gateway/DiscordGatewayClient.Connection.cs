using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using Bot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

public sealed partial class DiscordGatewayClient
{
    private static readonly JsonElement NullElement =
        JsonSerializer.SerializeToElement<int?>(null, DiscordJsonContext.Default.NullableInt32);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private enum NextStep
    {
        Resume,
        Identify,
        Fatal,
        Stop,
    }

    private async Task<ConnectionEnd> RunConnectionAsync(Uri baseUrl, bool isResume, CancellationToken stopping)
    {
        var uri = WithGatewayQuery(baseUrl);
        var transport = _transports.Create();
        await using (transport.ConfigureAwait(false))
        {
            using var connection = new Connection(
                transport,
                StrictWindow.Create(SendLimitPermits, SendLimitWindow, segments: 12),
                StrictWindow.Create(
                    Math.Max(1, SendLimitPermits - SendLimitReservedForHeartbeats),
                    SendLimitWindow,
                    segments: 12));
            _state = GatewayState.Connecting;
            _logger.LogInformation(
                "Connecting to the Discord gateway at {Host} ({Mode})",
                uri.Host,
                isResume ? "resume" : "identify");

            // Until Hello arrives the deadline ends the connection; after it, missed ACKs do.
            using var helloDeadline = new CancellationTokenSource(HelloTimeout, _time);
            var noHello = new ConnectionEnd(
                isResume ? NextStep.Resume : NextStep.Identify,
                "no Hello in time",
                CountsAsFailure: true);
            using var onDeadline = helloDeadline.Token.Register(() => connection.TryEnd(noHello));
            using var onStop = stopping.Register(() => connection.StopTask = StopConnectionAsync(connection));
            try
            {
                try
                {
                    await transport.ConnectAsync(uri, connection.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stopping.IsCancellationRequested)
                {
                    _logger.LogWarning(exception, "Could not connect to the Discord gateway");
                    return new ConnectionEnd(
                        isResume ? NextStep.Resume : NextStep.Identify,
                        "connect failed",
                        CountsAsFailure: true,
                        ConnectFailed: true);
                }

                lock (_gate)
                {
                    _connection = connection;
                }

                return await ReceiveLoopAsync(connection, isResume, helloDeadline, stopping).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    _connection = null;
                }

                connection.Cancel();
                foreach (var task in new[] { connection.Heartbeat, connection.StopTask })
                {
                    if (task is not null)
                    {
                        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }
            }
        }
    }

    private async Task<ConnectionEnd> ReceiveLoopAsync(
        Connection connection,
        bool isResume,
        CancellationTokenSource helloDeadline,
        CancellationToken stopping)
    {
        while (true)
        {
            GatewayFrame frame;
            try
            {
                frame = await connection.Transport.ReceiveAsync(connection.Token).ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return new ConnectionEnd(NextStep.Stop, "stopping");
            }
            catch (Exception) when (connection.End is { } ended)
            {
                return ended;
            }
            catch (Exception exception) when (exception is WebSocketException or IOException)
            {
                _logger.LogWarning("Discord gateway connection dropped: {Message}", exception.Message);
                return new ConnectionEnd(
                    NextStep.Resume,
                    "connection dropped",
                    CountsAsFailure: !connection.IsReady);
            }

            if (frame.IsClose)
            {
                return stopping.IsCancellationRequested
                    ? new ConnectionEnd(NextStep.Stop, "stopping")
                    : connection.End ?? EndForClose(frame, connection);
            }

            GatewayPayload? payload;
            try
            {
                payload = JsonSerializer.Deserialize(frame.Text!, DiscordJsonContext.Default.GatewayPayload);
            }
            catch (JsonException exception)
            {
                _logger.LogWarning("Ignoring a gateway frame that is not valid JSON: {Message}", exception.Message);
                continue;
            }

            if (payload is null)
            {
                continue;
            }

            ConnectionEnd? end;
            try
            {
                end = await HandleAsync(connection, payload, isResume, helloDeadline).ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return new ConnectionEnd(NextStep.Stop, "stopping");
            }
            catch (Exception) when (connection.End is { } ended)
            {
                return ended;
            }
            catch (Exception exception) when (exception is WebSocketException or IOException)
            {
                _logger.LogWarning("Discord gateway connection failed while sending: {Message}", exception.Message);
                return new ConnectionEnd(NextStep.Resume, "send failed", CountsAsFailure: !connection.IsReady);
            }
            catch (JsonException exception)
            {
                _logger.LogWarning("Ignoring a {Op} frame we could not read: {Message}", payload.Op, exception.Message);
                continue;
            }

            if (end is not null)
            {
                return end;
            }
        }
    }

    private async Task<ConnectionEnd?> HandleAsync(
        Connection connection,
        GatewayPayload payload,
        bool isResume,
        CancellationTokenSource helloDeadline)
    {
        switch (payload.Op)
        {
            case GatewayOpCode.Hello when !connection.HelloReceived:
                connection.HelloReceived = true;
                helloDeadline.Dispose();
                await OnHelloAsync(connection, payload, isResume).ConfigureAwait(false);
                return null;
            case GatewayOpCode.HeartbeatAck:
                connection.AwaitingAck = false;
                return null;
            case GatewayOpCode.Heartbeat:
                // The server wants a beat now; it does not move our schedule.
                await SendHeartbeatAsync(connection).ConfigureAwait(false);
                return null;
            case GatewayOpCode.Dispatch:
                OnDispatch(connection, payload);
                return null;
            case GatewayOpCode.Reconnect:
                _logger.LogInformation("Discord asked us to reconnect (op 7)");
                await CloseAsync(connection, GatewayCloseCodes.Resumable, "reconnect requested").ConfigureAwait(false);
                return new ConnectionEnd(NextStep.Resume, "server asked to reconnect", CountsAsFailure: false);
            case GatewayOpCode.InvalidSession:
                var resumable = payload.D is { ValueKind: JsonValueKind.True };
                _logger.LogInformation("Discord invalidated the session (resumable: {Resumable})", resumable);
                if (resumable)
                {
                    await CloseAsync(connection, GatewayCloseCodes.Resumable, "resuming").ConfigureAwait(false);
                    return new ConnectionEnd(NextStep.Resume, "session invalidated, resumable", CountsAsFailure: false);
                }

                await CloseAsync(connection, GatewayCloseCodes.Normal, "new session").ConfigureAwait(false);
                return new ConnectionEnd(
                    NextStep.Identify,
                    "session invalidated",
                    CountsAsFailure: false,
                    Delay: InvalidSessionDelay());
            default:
                return null;
        }
    }

    private async Task OnHelloAsync(Connection connection, GatewayPayload payload, bool isResume)
    {
        var hello = payload.D?.Deserialize(DiscordJsonContext.Default.HelloEvent);
        var interval = TimeSpan.FromMilliseconds(hello?.HeartbeatInterval > 0 ? hello.HeartbeatInterval : 41_250);
        connection.Heartbeat = HeartbeatLoopAsync(connection, interval);

        string? sessionId;
        int? sequence;
        lock (_gate)
        {
            sessionId = _sessionId;
            sequence = _sequence;
        }

        if (isResume && sessionId is not null)
        {
            _state = GatewayState.Resuming;
            var resume = new ResumeCommand(_options.Token, sessionId, sequence);
            await SendAsync(
                connection,
                GatewayOpCode.Resume,
                JsonSerializer.SerializeToElement(resume, InternalJsonContext.Default.ResumeCommand),
                isCommand: false,
                connection.Token).ConfigureAwait(false);
            return;
        }

        _state = GatewayState.Identifying;
        var identify = new IdentifyCommand(
            _options.Token,
            (int)_options.Intents,
            new IdentifyProperties(OperatingSystemName(), "Bot.Discord", "Bot.Discord"));
        await SendAsync(
            connection,
            GatewayOpCode.Identify,
            JsonSerializer.SerializeToElement(identify, InternalJsonContext.Default.IdentifyCommand),
            isCommand: false,
            connection.Token).ConfigureAwait(false);
    }

    private void OnDispatch(Connection connection, GatewayPayload payload)
    {
        var type = payload.T ?? string.Empty;
        var data = payload.D ?? NullElement;
        int sequence;
        lock (_gate)
        {
            if (payload.S is { } s)
            {
                _sequence = s;
            }

            sequence = _sequence ?? 0;
        }

        if (type == GatewayEvents.Ready)
        {
            var ready = data.Deserialize(DiscordJsonContext.Default.ReadyEvent)
                ?? throw new JsonException("READY without data.");
            lock (_gate)
            {
                _sessionId = ready.SessionId;
                _resumeUrl = new Uri(ready.ResumeGatewayUrl, UriKind.Absolute);
                _currentUser = ready.User;
                _applicationId = ready.Application.Id;
            }

            connection.IsReady = true;
            _state = GatewayState.Ready;
            _logger.LogInformation("Discord gateway ready as bot user {UserId}", ready.User.Id);
        }
        else if (type == GatewayEvents.Resumed)
        {
            connection.IsReady = true;
            _state = GatewayState.Ready;
            _logger.LogInformation("Discord gateway session resumed at sequence {Sequence}", sequence);
        }

        _dispatches.Writer.TryWrite(new GatewayDispatch(type, data, sequence));
    }

    private async Task HeartbeatLoopAsync(Connection connection, TimeSpan interval)
    {
        var token = connection.Token;
        try
        {
            var delay = interval * Math.Clamp(Jitter(), 0, 1);
            while (true)
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
                if (connection.AwaitingAck)
                {
                    _logger.LogWarning("No heartbeat ACK since the last beat; reconnecting a zombie connection");
                    var zombie = new ConnectionEnd(
                        NextStep.Resume,
                        "zombie connection",
                        CountsAsFailure: !connection.IsReady);
                    if (connection.TryEnd(zombie, cancel: false))
                    {
                        // Close first (with a resumable code), then cancel: cancelling a receive aborts the socket.
                        await CloseAsync(connection, GatewayCloseCodes.Resumable, "zombie").ConfigureAwait(false);
                    }

                    connection.Cancel();
                    return;
                }

                connection.AwaitingAck = true;
                await SendHeartbeatAsync(connection).ConfigureAwait(false);
                delay = interval;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The connection ended; its owner decides what comes next.
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or InvalidOperationException)
        {
            _logger.LogWarning("Could not send a heartbeat: {Message}", exception.Message);
            connection.TryEnd(
                new ConnectionEnd(NextStep.Resume, "heartbeat failed", CountsAsFailure: !connection.IsReady));
        }
    }

    private Task SendHeartbeatAsync(Connection connection)
    {
        int? sequence;
        lock (_gate)
        {
            sequence = _sequence;
        }

        var data = JsonSerializer.SerializeToElement(sequence, DiscordJsonContext.Default.NullableInt32);
        return SendAsync(connection, GatewayOpCode.Heartbeat, data, isCommand: false, connection.Token);
    }

    private static async Task SendAsync(
        Connection connection,
        GatewayOpCode op,
        JsonElement? data,
        bool isCommand,
        CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(
            new GatewayPayload(op, data),
            DiscordJsonContext.Default.GatewayPayload);
        if (bytes.Length > MaxFrameBytes)
        {
            // Discord would close the connection with 4002; refuse here so one bad call cannot cost the session.
            throw new ArgumentException(
                $"A gateway frame may be at most {MaxFrameBytes} bytes; this {op} frame is {bytes.Length}.",
                nameof(data));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection.Token);
        var token = linked.Token;
        using var commandLease = isCommand
            ? await connection.CommandLimiter.AcquireAsync(1, token).ConfigureAwait(false)
            : null;
        using var lease = await connection.SendLimiter.AcquireAsync(1, token).ConfigureAwait(false);
        if (commandLease is { IsAcquired: false } || !lease.IsAcquired)
        {
            throw new InvalidOperationException("The gateway send limiter refused the frame.");
        }

        await connection.SendLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await connection.Transport.SendTextAsync(bytes, token).ConfigureAwait(false);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    private async Task StopConnectionAsync(Connection connection)
    {
        try
        {
            if (connection.TryEnd(new ConnectionEnd(NextStep.Stop, "stopping"), cancel: false))
            {
                // 1000 ends the session on Discord's side: the bot shows offline at once instead of timing out.
                await CloseAsync(connection, GatewayCloseCodes.Normal, "shutting down").ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException)
        {
            // Stopping raced with the end of this connection; there is nothing left to close.
        }

        connection.Cancel();
    }

    private async Task CloseAsync(Connection connection, int code, string reason)
    {
        // A close frame is a send too: it must not interleave with a heartbeat on the same socket.
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await connection.SendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await connection.Transport.CloseAsync(code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
        {
            _logger.LogDebug("Closing the gateway connection failed: {Message}", exception.Message);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    private static ConnectionEnd EndForClose(GatewayFrame frame, Connection connection)
    {
        var reason = GatewayCloseCodes.Describe(frame.CloseCode, frame.CloseReason);
        return GatewayCloseCodes.Classify(frame.CloseCode) switch
        {
            CloseAction.Fatal => new ConnectionEnd(NextStep.Fatal, reason, frame.CloseCode),
            CloseAction.NewSession => new ConnectionEnd(
                NextStep.Identify,
                reason,
                frame.CloseCode,
                CountsAsFailure: !connection.IsReady),
            _ => new ConnectionEnd(NextStep.Resume, reason, frame.CloseCode, CountsAsFailure: !connection.IsReady),
        };
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";

    /// <summary>How a connection ended and what the session loop should do next.</summary>
    private sealed record ConnectionEnd(
        NextStep Next,
        string Reason,
        int? CloseCode = null,
        bool CountsAsFailure = false,
        TimeSpan? Delay = null,
        bool ConnectFailed = false);

    /// <summary>The state of one websocket connection; a new one is made for every (re)connect.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new();
        private ConnectionEnd? _end;
        private volatile bool _awaitingAck;
        private volatile bool _isReady;

        public Connection(IGatewayTransport transport, RateLimiter sendLimiter, RateLimiter commandLimiter)
        {
            Transport = transport;
            SendLimiter = sendLimiter;
            CommandLimiter = commandLimiter;
        }

        public IGatewayTransport Transport { get; }

        public RateLimiter SendLimiter { get; }

        public RateLimiter CommandLimiter { get; }

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public CancellationToken Token => _cancellation.Token;

        public bool HelloReceived { get; set; }

        public bool AwaitingAck
        {
            get => _awaitingAck;
            set => _awaitingAck = value;
        }

        public bool IsReady
        {
            get => _isReady;
            set => _isReady = value;
        }

        public Task? Heartbeat { get; set; }

        public Task? StopTask { get; set; }

        public ConnectionEnd? End => Volatile.Read(ref _end);

        /// <summary>Records why the connection ends (first reason wins) and, unless told not to, cancels it.</summary>
        public bool TryEnd(ConnectionEnd end, bool cancel = true)
        {
            if (Interlocked.CompareExchange(ref _end, end, null) is not null)
            {
                return false;
            }

            if (cancel)
            {
                Cancel();
            }

            return true;
        }

        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already torn down.
            }
        }

        public void Dispose()
        {
            _cancellation.Dispose();
            SendLock.Dispose();
            SendLimiter.Dispose();
            CommandLimiter.Dispose();
        }
    }
}
