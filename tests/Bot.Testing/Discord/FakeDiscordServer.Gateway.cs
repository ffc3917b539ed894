using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Discord;

public sealed partial class FakeDiscordServer
{
    /// <summary>GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT must be switched on in the portal.</summary>
    public const int PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);

    private const int GuildsIntent = 1 << 0;
    private const int GuildMessagesIntent = 1 << 9;
    private const int DirectMessagesIntent = 1 << 12;
    private const int MessageContentIntent = 1 << 15;
    private const int KnownIntents = 0x1FFFF | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);
    private const int MaxClientFrameBytes = 4096;

    private readonly Dictionary<string, FakeSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<FakeConnection> _connections = [];
    private readonly List<FakeGatewayFrame> _frames = [];
    private readonly List<JsonObject> _identifies = [];
    private readonly List<JsonObject> _presenceUpdates = [];
    private FakeSession? _currentSession;
    private int _nextConnectionId;
    private int _heartbeats;
    private int _resumeAttempts;
    private int _resumes;

    /// <summary>The heartbeat_interval sent in Hello, in milliseconds.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>Set to false to stop answering heartbeats with op 11 (a zombie connection, seen from the bot).</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>
    /// Set to false to accept new connections but never greet or answer them (a gateway that hangs: the library
    /// then waits for its own connection timeout).
    /// </summary>
    public bool SendHello { get; set; } = true;

    /// <summary>Privileged intents switched on in the "portal"; asking for others closes with 4014.</summary>
    public int EnabledPrivilegedIntents { get; set; } = PrivilegedIntents;

    /// <summary>Frames a connection may send per <see cref="GatewaySendWindow"/> before it is closed with 4008.</summary>
    public int GatewaySendLimit { get; set; } = 120;

    public TimeSpan GatewaySendWindow { get; set; } = TimeSpan.FromSeconds(60);

    public int IdentifyCount => Locked(() => _identifies.Count);

    /// <summary>Op 6 frames received, successful or not.</summary>
    public int ResumeAttempts => Locked(() => _resumeAttempts);

    /// <summary>Resumes that ended in RESUMED.</summary>
    public int ResumeCount => Locked(() => _resumes);

    public int HeartbeatCount => Locked(() => _heartbeats);

    public IReadOnlyList<FakeGatewayFrame> FramesReceived => Locked(() => _frames.ToArray());

    public IReadOnlyList<JsonObject> Identifies => Locked(() => _identifies.Select(i => (JsonObject)i.DeepClone()).ToArray());

    public IReadOnlyList<JsonObject> PresenceUpdates => Locked(() => _presenceUpdates.ToArray());

    public IReadOnlyList<FakeGatewayConnectionInfo> Connections => Locked(() => _connections.Select(c => c.Snapshot()).ToArray());

    public string? CurrentSessionId => Locked(() => _currentSession?.Id);

    /// <summary>The sequence number of the last dispatch of the current session.</summary>
    public int LastSequence => Locked(() => _currentSession?.Seq ?? 0);

    /// <summary>Sends op 7 Reconnect on the open connection.</summary>
    public Task SendReconnectAsync() => SendOnCurrentAsync("""{"op":7,"d":null}""");

    /// <summary>Asks the bot for a heartbeat at once (op 1 from the server).</summary>
    public Task RequestHeartbeatAsync() => SendOnCurrentAsync("""{"op":1,"d":null}""");

    /// <summary>Sends op 9; when not resumable, the session is gone and a later Resume also gets op 9 false.</summary>
    public Task InvalidateSessionAsync(bool resumable)
    {
        lock (_gate)
        {
            var connection = OpenConnectionLocked();
            if (!resumable && connection.Session is { } session)
            {
                session.Invalid = true;
                session.Connection = null;
                connection.Session = null;
            }

            return connection.Enqueue(resumable ? """{"op":9,"d":true}""" : """{"op":9,"d":false}""");
        }
    }

    /// <summary>Closes the open connection with <paramref name="code"/>; codes that end a session end it here too.</summary>
    public Task CloseAsync(int code, string reason = "")
    {
        lock (_gate)
        {
            return CloseLocked(OpenConnectionLocked(), code, reason);
        }
    }

    /// <summary>Aborts the open connection without a close frame, like a network drop; the session stays resumable.</summary>
    public Task DropConnectionAsync()
    {
        lock (_gate)
        {
            return OpenConnectionLocked().EnqueueAbort();
        }
    }

    /// <summary>
    /// Adds a dispatch to the current session and sends it if the bot is connected; while it is not, the event
    /// waits in the session log and is replayed on Resume. Returns its sequence number.
    /// </summary>
    public Task<int> DispatchAsync(string type, object data)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var node = data as JsonNode ?? JsonSerializer.SerializeToNode(data)
            ?? throw new ArgumentException("Dispatch data must not be null.", nameof(data));
        lock (_gate)
        {
            var session = _currentSession ?? throw new InvalidOperationException("The bot has not identified yet.");
            return Task.FromResult(EmitLocked(session, type, node));
        }
    }

    /// <summary>
    /// Waits until the bot can be used as a person would: it identified and its slash commands are registered
    /// (Discord.Net learns its application id from READY, so commands are written once the session is up).
    /// </summary>
    public async Task WaitForBotReadyAsync(TimeSpan? timeout = null)
    {
        await WaitForIdentifyAsync(1, timeout).ConfigureAwait(false);
        await WaitUntilAsync(
            () => (_globalCommandWrites.Count > 0 || _guildCommands.Count > 0, true),
            timeout,
            () => "the bot to register its commands").ConfigureAwait(false);
    }

    public Task WaitForIdentifyAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () => (_identifies.Count >= count, true),
            timeout,
            () => $"{count} Identify (saw {_identifies.Count})");

    /// <summary>Waits for <paramref name="count"/> successful resumes (RESUMED sent).</summary>
    public Task WaitForResumeAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => (_resumes >= count, true), timeout, () => $"{count} resumes (saw {_resumes})");

    public Task WaitForHeartbeatsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => (_heartbeats >= count, true), timeout, () => $"{count} heartbeats (saw {_heartbeats})");

    public Task WaitForConnectionsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () => (_connections.Count >= count, true),
            timeout,
            () => $"{count} connections (saw {_connections.Count})");

    /// <summary>Waits until the current session is attached to an open connection (after READY or RESUMED).</summary>
    public Task WaitForReadyAsync(TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () => (_currentSession?.Connection is { IsOpen: true }, true),
            timeout,
            () => "the bot to be connected to a session");

    public Task<FakeGatewayConnectionInfo> WaitForConnectionClosedAsync(int connectionId, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () =>
            {
                var connection = _connections.FirstOrDefault(c => c.Id == connectionId);
                return (connection is { IsOpen: false }, connection?.Snapshot()!);
            },
            timeout,
            () => $"connection {connectionId} to close");

    public Task<IReadOnlyList<FakeGatewayFrame>> WaitForFramesAsync(
        Func<FakeGatewayFrame, bool> predicate,
        int count,
        TimeSpan? timeout = null) =>
        WaitUntilAsync<IReadOnlyList<FakeGatewayFrame>>(
            () =>
            {
                var matches = _frames.Where(predicate).ToArray();
                return (matches.Length >= count, matches);
            },
            timeout,
            () => $"{count} matching frames (saw {_frames.Count(predicate)})");

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private FakeConnection OpenConnectionLocked() =>
        _connections.LastOrDefault(connection => connection.IsOpen && !connection.Closing)
            ?? throw new InvalidOperationException("No open gateway connection.");

    private Task SendOnCurrentAsync(string frame)
    {
        lock (_gate)
        {
            return OpenConnectionLocked().Enqueue(frame);
        }
    }

    private Task CloseLocked(FakeConnection connection, int code, string reason)
    {
        if (code is 1000 or 1001 or 4004 or 4007 or 4009 or 4010 or 4011 or 4012 or 4013 or 4014
            && connection.Session is { } session)
        {
            session.Invalid = true;
        }

        if (connection.Session is { } attached && attached.Connection == connection)
        {
            attached.Connection = null;
        }

        connection.Session = null;
        connection.Closing = true;
        connection.ServerCloseCode = code;
        SignalLocked();
        return connection.EnqueueClose(code, reason);
    }

    private int EmitLocked(FakeSession session, string type, JsonNode data)
    {
        var sequence = ++session.Seq;
        var frame = new JsonObject { ["op"] = 0, ["d"] = data.DeepClone(), ["s"] = sequence, ["t"] = type }.ToJsonString();
        session.Log.Add((sequence, frame));
        if (session.Connection is { IsOpen: true } connection)
        {
            _ = connection.Enqueue(frame);
        }

        SignalLocked();
        return sequence;
    }

    private async Task HandleGatewayAsync(HttpContext context, string path)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        FakeConnection connection;
        lock (_gate)
        {
            connection = new FakeConnection(
                ++_nextConnectionId,
                path,
                context.Request.QueryString.Value ?? string.Empty,
                socket,
                context,
                _clock);
            _connections.Add(connection);
            SignalLocked();
        }

        var writer = connection.RunWriterAsync();
        lock (_gate)
        {
            var query = context.Request.Query;
            if (query["v"] != "10")
            {
                _ = CloseLocked(connection, 4012, "Invalid API version.");
            }
            else if (query["encoding"] != "json")
            {
                _ = CloseLocked(connection, 4002, "Decode error.");
            }
            else if (!SendHello)
            {
                connection.Hung = true;
            }
            else
            {
                _ = connection.Enqueue(
                    new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } }
                        .ToJsonString(),
                    isHello: true);
            }
        }

        try
        {
            await ReceiveLoopAsync(connection).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                connection.IsOpen = false;
                if (connection.Session is { } session && session.Connection == connection)
                {
                    session.Connection = null;
                }

                SignalLocked();
            }

            connection.Complete();
            await writer.ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(FakeConnection connection)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await connection.Socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException
                or ObjectDisposedException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                Task echo;
                lock (_gate)
                {
                    connection.ClientCloseCode = (int?)connection.Socket.CloseStatus;
                    echo = connection.Closing
                        ? Task.CompletedTask
                        : connection.EnqueueClose(
                            (int)(connection.Socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure),
                            string.Empty);
                    connection.Closing = true;
                    SignalLocked();
                }

                await echo.ConfigureAwait(false);
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var bytes = message.ToArray();
            message.SetLength(0);
            lock (_gate)
            {
                OnClientFrameLocked(connection, bytes);
                SignalLocked();
            }
        }
    }

    private void OnClientFrameLocked(FakeConnection connection, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        JsonObject? frame = null;
        try
        {
            frame = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // Answered below with 4002, as Discord does.
        }

        var op = frame?["op"] is JsonValue opValue && opValue.TryGetValue<int>(out var parsed) ? parsed : -1;
        _frames.Add(new FakeGatewayFrame(connection.Id, op, text, _clock.Elapsed));
        if (connection.Closing || connection.Hung)
        {
            return;
        }

        if (!connection.WithinSendLimit(_clock.Elapsed, GatewaySendLimit, GatewaySendWindow))
        {
            _ = CloseLocked(connection, 4008, "Rate limited.");
            return;
        }

        if (bytes.Length > MaxClientFrameBytes || frame is null || op < 0)
        {
            _ = CloseLocked(connection, 4002, "Decode error.");
            return;
        }

        var data = frame["d"];
        switch (op)
        {
            case 1:
                _heartbeats++;
                connection.Heartbeats++;
                connection.FirstHeartbeatAt ??= _clock.Elapsed;
                if (AckHeartbeats)
                {
                    _ = connection.Enqueue("""{"op":11}""");
                }

                return;
            case 2:
                OnIdentifyLocked(connection, data as JsonObject);
                return;
            case 6:
                OnResumeLocked(connection, data as JsonObject);
                return;
            case 3 when connection.Session is not null:
                _presenceUpdates.Add((JsonObject)data!.DeepClone());
                return;
            case 3:
                _ = CloseLocked(connection, 4003, "Not authenticated.");
                return;
            default:
                _ = CloseLocked(connection, 4001, "Unknown opcode.");
                return;
        }
    }

    // Discord still takes the older "$os" spelling of the connection properties, which Discord.Net sends.
    private static bool HasProperty(JsonObject? properties, string name) =>
        properties?[name] is not null || properties?["$" + name] is not null;

    private void OnIdentifyLocked(FakeConnection connection, JsonObject? data)
    {
        if (connection.Session is not null)
        {
            _ = CloseLocked(connection, 4005, "Already authenticated.");
            return;
        }

        var properties = data?["properties"] as JsonObject;
        if (data?["token"] is not JsonValue token
            || data["intents"] is not JsonValue intentsValue
            || !intentsValue.TryGetValue<int>(out var intents)
            || !HasProperty(properties, "os")
            || !HasProperty(properties, "browser")
            || !HasProperty(properties, "device"))
        {
            _ = CloseLocked(connection, 4002, "Decode error.");
            return;
        }

        _identifies.Add((JsonObject)data.DeepClone());
        if (token.GetValue<string>() != Token)
        {
            _ = CloseLocked(connection, 4004, "Authentication failed.");
            return;
        }

        if ((intents & ~KnownIntents) != 0 || intents < 0)
        {
            _ = CloseLocked(connection, 4013, "Invalid intent(s).");
            return;
        }

        if ((intents & PrivilegedIntents & ~EnabledPrivilegedIntents) != 0)
        {
            _ = CloseLocked(connection, 4014, "Disallowed intent(s).");
            return;
        }

        var session = new FakeSession(Guid.NewGuid().ToString("N"), intents) { Connection = connection };
        _sessions[session.Id] = session;
        // DMs (and everything these tests dispatch) go to shard 0, as Discord sends DMs; other shards only connect.
        var shard = (data["shard"] as JsonArray)?.Select(n => n!.GetValue<int>()).ToArray();
        if (shard is not { Length: 2 } || shard[0] == 0)
        {
            _currentSession = session;
        }

        connection.Session = session;
        var guilds = new JsonArray();
        foreach (var guildId in _guilds.Keys)
        {
            guilds.Add(new JsonObject { ["id"] = guildId, ["unavailable"] = true });
        }

        EmitLocked(session, "READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = BotUserJson(),
            ["guilds"] = guilds,
            ["private_channels"] = new JsonArray(),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = ResumeGatewayUrl.AbsoluteUri,
            ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
        });
        if ((intents & GuildsIntent) == 0)
        {
            return;
        }

        foreach (var (guildId, name) in _guilds)
        {
            var channels = new JsonArray();
            foreach (var channel in _guildChannels.Values.Where(channel => channel.GuildId == guildId))
            {
                channels.Add(new JsonObject
                {
                    ["id"] = channel.Id,
                    ["type"] = 0,
                    ["name"] = channel.Name,
                    ["guild_id"] = guildId,
                    ["position"] = channels.Count,
                    ["permission_overwrites"] = new JsonArray(),
                });
            }

            // A whole guild object, as Discord sends it (the library reads roles, emojis and the rest).
            EmitLocked(session, "GUILD_CREATE", new JsonObject
            {
                ["id"] = guildId,
                ["name"] = name,
                ["unavailable"] = false,
                ["owner_id"] = "1",
                ["joined_at"] = "2026-01-01T00:00:00+00:00",
                ["member_count"] = 2,
                ["large"] = false,
                ["features"] = new JsonArray(),
                ["roles"] = new JsonArray(new JsonObject
                {
                    ["id"] = guildId,
                    ["name"] = "@everyone",
                    ["permissions"] = "0",
                    ["position"] = 0,
                    ["color"] = 0,
                    ["hoist"] = false,
                    ["managed"] = false,
                    ["mentionable"] = false,
                    ["flags"] = 0,
                }),
                ["emojis"] = new JsonArray(),
                ["stickers"] = new JsonArray(),
                ["members"] = new JsonArray(),
                ["presences"] = new JsonArray(),
                ["voice_states"] = new JsonArray(),
                ["threads"] = new JsonArray(),
                ["stage_instances"] = new JsonArray(),
                ["guild_scheduled_events"] = new JsonArray(),
                ["verification_level"] = 0,
                ["default_message_notifications"] = 0,
                ["explicit_content_filter"] = 0,
                ["mfa_level"] = 0,
                ["nsfw_level"] = 0,
                ["premium_tier"] = 0,
                ["system_channel_flags"] = 0,
                ["afk_timeout"] = 300,
                ["preferred_locale"] = "en-US",
                ["channels"] = channels,
            });
        }
    }

    private void OnResumeLocked(FakeConnection connection, JsonObject? data)
    {
        _resumeAttempts++;
        if (data?["token"]?.GetValue<string>() != Token)
        {
            _ = CloseLocked(connection, 4004, "Authentication failed.");
            return;
        }

        var sessionId = data["session_id"]?.GetValue<string>();
        var sequence = data["seq"] is JsonValue seqValue && seqValue.TryGetValue<int>(out var seq) ? seq : 0;
        if (sessionId is null || !_sessions.TryGetValue(sessionId, out var session) || session.Invalid)
        {
            _ = connection.Enqueue("""{"op":9,"d":false}""");
            return;
        }

        if (sequence > session.Seq)
        {
            session.Invalid = true;
            _ = CloseLocked(connection, 4007, "Invalid seq.");
            return;
        }

        if (session.Connection is { } previous && previous != connection)
        {
            previous.Session = null;
        }

        session.Connection = connection;
        connection.Session = session;
        foreach (var (_, frame) in session.Log.Where(entry => entry.Seq > sequence))
        {
            _ = connection.Enqueue(frame);
        }

        _ = connection.Enqueue(
            new JsonObject { ["op"] = 0, ["d"] = new JsonObject(), ["s"] = session.Seq, ["t"] = "RESUMED" }.ToJsonString());
        _resumes++;
    }

    private void AbortAllConnections()
    {
        lock (_gate)
        {
            foreach (var connection in _connections.Where(connection => connection.IsOpen))
            {
                _ = connection.EnqueueAbort();
            }
        }
    }

    private sealed class FakeSession(string id, int intents)
    {
        public string Id { get; } = id;

        public int Intents { get; } = intents;

        public int Seq { get; set; }

        public List<(int Seq, string Frame)> Log { get; } = [];

        public bool Invalid { get; set; }

        public FakeConnection? Connection { get; set; }
    }

    private sealed record Outgoing(string? Text, int? CloseCode, string? CloseReason, bool Abort, bool IsHello)
    {
        public TaskCompletionSource Done { get; } = NewSignal();
    }

    private sealed class FakeConnection(
        int id,
        string path,
        string query,
        WebSocket socket,
        HttpContext context,
        System.Diagnostics.Stopwatch clock)
    {
        private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(
            new UnboundedChannelOptions { SingleReader = true });
        private readonly Queue<TimeSpan> _recentFrames = new();

        public int Id { get; } = id;

        public WebSocket Socket { get; } = socket;

        public bool IsOpen { get; set; } = true;

        public bool Closing { get; set; }

        /// <summary>Accepted while the gateway hangs: nothing is ever answered on it.</summary>
        public bool Hung { get; set; }

        public FakeSession? Session { get; set; }

        public int? ClientCloseCode { get; set; }

        public int? ServerCloseCode { get; set; }

        public int Heartbeats { get; set; }

        public TimeSpan? HelloSentAt { get; set; }

        public TimeSpan? FirstHeartbeatAt { get; set; }

        public FakeGatewayConnectionInfo Snapshot() => new(
            Id,
            path,
            query,
            IsOpen,
            ClientCloseCode,
            ServerCloseCode,
            Heartbeats,
            FirstHeartbeatAt - HelloSentAt);

        public Task Enqueue(string text, bool isHello = false) => Write(new Outgoing(text, null, null, false, isHello));

        public Task EnqueueClose(int code, string reason) => Write(new Outgoing(null, code, reason, false, false));

        public Task EnqueueAbort() => Write(new Outgoing(null, null, null, true, false));

        public void Complete() => _outbox.Writer.TryComplete();

        public bool WithinSendLimit(TimeSpan now, int limit, TimeSpan window)
        {
            _recentFrames.Enqueue(now);
            while (_recentFrames.Count > 0 && now - _recentFrames.Peek() >= window)
            {
                _recentFrames.Dequeue();
            }

            return _recentFrames.Count <= limit;
        }

        public async Task RunWriterAsync()
        {
            var stopped = false;
            await foreach (var item in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (stopped)
                {
                    item.Done.TrySetResult();
                    continue;
                }

                try
                {
                    if (item.Abort)
                    {
                        context.Abort();
                        Socket.Abort();
                        stopped = true;
                    }
                    else if (item.CloseCode is { } code)
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                        await Socket.CloseOutputAsync((WebSocketCloseStatus)code, item.CloseReason, timeout.Token)
                            .ConfigureAwait(false);
                        stopped = true;
                        _ = AbortLaterAsync();
                    }
                    else
                    {
                        await Socket.SendAsync(Encoding.UTF8.GetBytes(item.Text!), WebSocketMessageType.Text, true, CancellationToken.None)
                            .ConfigureAwait(false);
                        if (item.IsHello)
                        {
                            HelloSentAt = clock.Elapsed;
                        }
                    }
                }
                catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException
                    or ObjectDisposedException or InvalidOperationException)
                {
                    stopped = true;
                }

                item.Done.TrySetResult();
            }
        }

        private Task Write(Outgoing item)
        {
            if (!_outbox.Writer.TryWrite(item))
            {
                item.Done.TrySetResult();
            }

            return item.Done.Task;
        }

        // After our close frame the client should answer and hang up; if it does not, do not keep the socket forever.
        private async Task AbortLaterAsync()
        {
            await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            if (IsOpen)
            {
                context.Abort();
            }
        }
    }
}
