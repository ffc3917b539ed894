using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Discord;

/// <summary>
/// An in-process Discord (API v10) on 127.0.0.1: REST under /api/v10 and the gateway websocket at /gateway
/// (and /resume, the URL READY hands out for resuming). It speaks the documented protocol, records what the bot
/// does, lets tests script failures and misbehaviour, and simulates users (DMs, slash commands, buttons, modals).
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    // Shaped like a real token (the library checks length and that the first part encodes the bot's id).
    public const string DefaultToken = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.fake-token-for-tests-only_0123456789abcdefghijk";
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, FakeDiscordUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _guilds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeGuildChannel> _guildChannels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dmsClosed = new(StringComparer.Ordinal);
    private readonly List<FakeMessage> _messages = [];
    private const long DiscordEpochMs = 1_420_070_400_000;
    private long _lastSnowflake;
    private TaskCompletionSource _changed = NewSignal();
    private WebApplication? _app;
    private int _disposed;

    private FakeDiscordServer(string token) => Token = token;

    public string Token { get; }

    public string ApplicationId { get; } = "1000000000000000001";

    /// <summary>The bot user shares the application's id, as it does for bots made in the portal.</summary>
    public string BotUserId => ApplicationId;

    public string BotUsername { get; } = "botsuite";

    /// <summary>http://127.0.0.1:port, without the /api/v10 prefix.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public Uri ApiBaseUrl => new($"{BaseUrl}/api/v10/");

    public Uri GatewayUrl => new($"{WebSocketBase}/gateway");

    public Uri ResumeGatewayUrl => new($"{WebSocketBase}/resume");

    /// <summary>How long after an interaction is dispatched its first callback is accepted (Discord: 3 s).</summary>
    public TimeSpan InteractionResponseWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction's token takes follow-ups and edits (Discord: 15 minutes).</summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When true (the default) slash commands can only be invoked once the bot registered them.</summary>
    public bool RequireRegisteredCommands { get; set; } = true;

    private string WebSocketBase => "ws" + BaseUrl["http".Length..];

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeDiscordServer> StartAsync(string token = DefaultToken)
    {
        var server = new FakeDiscordServer(token);
        try
        {
            // The empty builder reads no appsettings or ASPNETCORE_* variables, so a host under test cannot
            // reconfigure the fake by accident.
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
            builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
            var app = builder.Build();
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
            app.Run(server.HandleAsync);
            server._app = app;
            await app.StartAsync().ConfigureAwait(false);
            server.BaseUrl = app.Urls.First().TrimEnd('/');
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Adds a user the bot can meet; ids are numeric strings (snowflakes).</summary>
    public FakeDiscordUser AddUser(string id, string username, string? globalName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(username);
        if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException("Discord ids are numeric strings.", nameof(id));
        }

        lock (_gate)
        {
            var user = new FakeDiscordUser(id, username, globalName ?? username, NextSnowflakeLocked());
            _users[id] = user;
            return user;
        }
    }

    public string AddGuild(string guildId, string name)
    {
        lock (_gate)
        {
            _guilds[guildId] = name;
        }

        return guildId;
    }

    public FakeGuildChannel AddGuildChannel(string guildId, string channelId, string name)
    {
        lock (_gate)
        {
            if (!_guilds.ContainsKey(guildId))
            {
                throw new ArgumentException($"Guild {guildId} is unknown; call AddGuild first.", nameof(guildId));
            }

            var channel = new FakeGuildChannel(guildId, channelId, name);
            _guildChannels[channelId] = channel;
            return channel;
        }
    }

    /// <summary>The user closed their DMs: the bot's messages to them fail with 50007.</summary>
    public void SetDmsClosed(FakeDiscordUser user, bool closed)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            if (closed)
            {
                _dmsClosed.Add(user.Id);
            }
            else
            {
                _dmsClosed.Remove(user.Id);
            }
        }
    }

    /// <summary>Every message the bot produced (channel messages, interaction replies, follow-ups), latest edits.</summary>
    public IReadOnlyList<FakeMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    public IReadOnlyList<FakeMessage> MessagesIn(string channelId)
    {
        lock (_gate)
        {
            return _messages.Where(message => message.ChannelId == channelId).ToArray();
        }
    }

    /// <summary>Waits for a message the bot produced in <paramref name="channelId"/> that matches.</summary>
    public Task<FakeMessage> WaitForChannelMessageAsync(
        string channelId,
        Func<FakeMessage, bool>? predicate = null,
        TimeSpan? timeout = null)
    {
        var match = predicate ?? (_ => true);
        return WaitUntilAsync(
            () =>
            {
                var found = _messages.FirstOrDefault(message => message.ChannelId == channelId && match(message));
                return (found is not null, found!);
            },
            timeout,
            () => $"a bot message in channel {channelId} matching the predicate; saw: "
                + string.Join(" | ", _messages.Where(message => message.ChannelId == channelId).Select(message => message.Content)));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AbortAllConnections();
        _interactionsHttp.Dispose();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutdown is best effort; the sockets are already aborted.
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Iso(DateTimeOffset time) => time.ToString(
        "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz",
        CultureInfo.InvariantCulture);

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        return path switch
        {
            "/gateway" or "/resume" => HandleGatewayAsync(context, path),
            _ when path.StartsWith(CdnPrefix, StringComparison.Ordinal) => ServeAttachmentAsync(context),
            _ => HandleRestAsync(context),
        };
    }

    // Like Discord's: milliseconds since 2015 in the high bits, so an id tells when it was made (the library
    // refuses to answer an interaction whose id says it is over three seconds old), strictly increasing.
    private string NextSnowflakeLocked()
    {
        var now = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22;
        _lastSnowflake = Math.Max(now, _lastSnowflake + 1);
        return _lastSnowflake.ToString(CultureInfo.InvariantCulture);
    }

    // Waiters re-check their condition after every change of state; the signal is swapped under the lock and
    // completed outside it, so no waiter runs while we hold _gate.
    private void SignalLocked()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private async Task<T> WaitUntilAsync<T>(Func<(bool Done, T Value)> probe, TimeSpan? timeout, Func<string> describe)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        using var window = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var (done, value) = probe();
                if (done)
                {
                    return value;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(window.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                string description;
                lock (_gate)
                {
                    description = describe();
                }

                throw new TimeoutException($"Timed out after {limit} waiting for {description}.");
            }
        }
    }

    private FakeMessage AddMessageLocked(
        string channelId,
        FakeMessageSource source,
        string? interactionId,
        JsonObject body)
    {
        var id = NextSnowflakeLocked();
        var json = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["author"] = BotUserJson(),
            ["content"] = body["content"]?.GetValue<string>() ?? string.Empty,
            ["timestamp"] = Iso(DateTimeOffset.UtcNow),
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = AttachmentsJson(_uploads),
            ["embeds"] = body["embeds"]?.DeepClone() ?? new JsonArray(),
            ["components"] = body["components"]?.DeepClone() ?? new JsonArray(),
            ["pinned"] = false,
            ["type"] = interactionId is null ? 0 : 20,
            ["flags"] = body["flags"]?.GetValue<int>() ?? 0,
        };
        if (interactionId is not null)
        {
            json["application_id"] = ApplicationId;
            json["webhook_id"] = ApplicationId;
        }

        var message = new FakeMessage(id, channelId, source, interactionId, json, 0) { Attachments = _uploads };
        _messages.Add(message);
        SignalLocked();
        return message;
    }

    private FakeMessage? EditMessageLocked(string messageId, JsonObject body)
    {
        var index = _messages.FindIndex(message => message.Id == messageId);
        if (index < 0)
        {
            return null;
        }

        var current = _messages[index];
        var json = (JsonObject)current.Json.DeepClone();
        foreach (var field in new[] { "content", "embeds", "components", "flags" })
        {
            if (body.ContainsKey(field))
            {
                json[field] = body[field]?.DeepClone();
            }
        }

        json["edited_timestamp"] = Iso(DateTimeOffset.UtcNow);
        var attachments = current.Attachments;
        if (_uploads.Count > 0)
        {
            attachments = _uploads;
            json["attachments"] = AttachmentsJson(_uploads);
        }

        var edited = current with { Json = json, EditCount = current.EditCount + 1, Attachments = attachments };
        _messages[index] = edited;
        SignalLocked();
        return edited;
    }

    private JsonArray AttachmentsJson(List<FakeAttachment> attachments) =>
        new([
            .. attachments.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.Id,
                ["filename"] = a.FileName,
                ["size"] = a.Content.Length,
                ["url"] = $"{BaseUrl}/attachments/{a.Id}/{Uri.EscapeDataString(a.FileName)}",
                ["content_type"] = a.ContentType,
            }),
        ]);

    private JsonObject BotUserJson() => new()
    {
        ["id"] = BotUserId,
        ["username"] = BotUsername,
        ["discriminator"] = "0",
        ["global_name"] = null,
        ["avatar"] = null,
        ["bot"] = true,
    };

    private static JsonObject UserJson(FakeDiscordUser user) => new()
    {
        ["id"] = user.Id,
        ["username"] = user.Username,
        ["discriminator"] = "0",
        ["global_name"] = user.GlobalName,
        ["avatar"] = null,
    };
}
