using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Bot.EndToEnd.Tests.Fakes;

/// <summary>
/// An in-process Telegram Bot API server on 127.0.0.1 for end-to-end tests: simulated users send updates
/// through getUpdates, and everything the bot sends is recorded and can be awaited.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private const string BotFirstName = "BotSuite";
    private const string BlockedDescription = "Forbidden: bot was blocked by the user";
    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<long, FakeTelegramUser> _users = [];
    private readonly Dictionary<long, string> _groups = [];
    private readonly HashSet<long> _blockedChats = [];
    private readonly List<PendingUpdate> _updates = [];

    // The message id each user text went out with, by update id, so a test can edit that message later.
    private readonly Dictionary<long, long> _userMessageIds = [];

    // As Telegram does: the update kinds the last getUpdates asked for (null for all) apply until changed.
    private HashSet<string>? _allowedUpdates;
    private readonly List<SentMessage> _sent = [];
    private readonly Dictionary<int, JsonObject> _keyboards = [];
    private readonly List<string> _callLog = [];
    private readonly List<AnsweredCallback> _answeredCallbacks = [];
    private readonly HashSet<string> _openCallbackQueries = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<(string Command, string Description)>> _registeredCommands = [];
    private readonly List<ScriptedFailure> _scriptedFailures = [];
    private readonly List<ErrorEntry> _errors = [];
    private long _nextUpdateId = 1;
    private int _nextMessageId = 1;
    private long _nextCallbackQueryId = 1;
    private int _sendMessageAttempts;
    private PendingPoll? _activePoll;
    private TaskCompletionSource _changed = NewSignal();
    private WebApplication? _app;
    private int _disposed;

    private FakeTelegramServer(string token, long botId)
    {
        Token = token;
        BotId = botId;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public string Token { get; }

    public long BotId { get; }

    public string BotUsername { get; } = "botsuite_test_bot";

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    public IReadOnlyList<string> CallLog
    {
        get
        {
            lock (_gate)
            {
                return _callLog.ToArray();
            }
        }
    }

    public IReadOnlyList<AnsweredCallback> AnsweredCallbacks
    {
        get
        {
            lock (_gate)
            {
                return _answeredCallbacks.ToArray();
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<(string Command, string Description)>> RegisteredCommands
    {
        get
        {
            lock (_gate)
            {
                return _registeredCommands.ToArray();
            }
        }
    }

    public int SendMessageAttempts
    {
        get
        {
            lock (_gate)
            {
                return _sendMessageAttempts;
            }
        }
    }

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port, serving the Bot API at the root.</summary>
    public static async Task<FakeTelegramServer> StartAsync(string token = "123456:TEST")
    {
        var server = new FakeTelegramServer(token, ParseBotId(token));
        try
        {
            // The empty builder reads no appsettings or ASPNETCORE_* variables, so the host under test cannot
            // reconfigure the fake by accident.
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
            builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
            var app = builder.Build();
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

    public FakeTelegramUser AddUser(long id, string firstName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ArgumentException.ThrowIfNullOrEmpty(firstName);
        var user = new FakeTelegramUser(id, firstName);
        lock (_gate)
        {
            _users[id] = user;
        }

        return user;
    }

    /// <summary>The user writes to the bot in their private chat; returns the update_id.</summary>
    public long SendText(FakeTelegramUser from, string text)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            RememberUserLocked(from);
            var message = UserMessageJsonLocked(from, from.Id, text);
            var updateId = EnqueueLocked("message", message);
            _userMessageIds[updateId] = message["message_id"]!.GetValue<int>();
            return updateId;
        }
    }

    public long SendTextInGroup(FakeTelegramUser from, long groupId, string text)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (!_groups.ContainsKey(groupId))
            {
                throw new ArgumentException($"Group {groupId} is unknown; call AddGroup first.", nameof(groupId));
            }

            RememberUserLocked(from);
            NoteMemberLocked(from, groupId);
            return EnqueueLocked("message", UserMessageJsonLocked(from, groupId, text));
        }
    }

    /// <summary>
    /// The user edits the text message they sent with the update <paramref name="sentAs"/> (what
    /// <see cref="SendText"/> returned): an <c>edited_message</c> update with that message's id and the new text.
    /// </summary>
    public long EditText(FakeTelegramUser from, long sentAs, string newText)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(newText);
        lock (_gate)
        {
            if (!_userMessageIds.TryGetValue(sentAs, out var messageId))
            {
                throw new ArgumentException($"Update {sentAs} carried no message of the user's.", nameof(sentAs));
            }

            var message = UserMessageJsonLocked(from, from.Id, newText);
            message["message_id"] = messageId;
            message["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return EnqueueLocked("edited_message", message);
        }
    }

    /// <summary>The user sends a sticker: a message without text, which the bot has to cope with.</summary>
    public long SendSticker(FakeTelegramUser from)
    {
        ArgumentNullException.ThrowIfNull(from);
        lock (_gate)
        {
            RememberUserLocked(from);
            var message = NewUserMessageJsonLocked(from, from.Id);
            message["sticker"] = new JsonObject
            {
                ["file_id"] = "CAACAgIAAxkBAAIBfakeStickerFileId",
                ["file_unique_id"] = "AgADfakeSticker",
                ["type"] = "regular",
                ["width"] = 512,
                ["height"] = 512,
                ["is_animated"] = false,
                ["is_video"] = false,
                ["emoji"] = "\U0001F44D",
            };
            return EnqueueLocked("message", message);
        }
    }

    /// <summary>
    /// The user presses an inline button of a message the bot sent; the message is looked up as it is now,
    /// so a button removed by an edit can no longer be pressed.
    /// </summary>
    public long PressButton(FakeTelegramUser from, SentMessage message, string callbackData)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(callbackData);
        lock (_gate)
        {
            var index = FindSentIndexLocked(message.ChatId, message.MessageId);
            if (index < 0)
            {
                throw new ArgumentException(
                    $"The bot never sent message #{message.MessageId} to chat {message.ChatId}.", nameof(message));
            }

            var current = _sent[index];
            if (current.ChatId > 0 && current.ChatId != from.Id)
            {
                throw new InvalidOperationException(
                    $"User {from.Id} cannot press a button in the private chat of user {current.ChatId}.");
            }

            if (!current.Buttons.SelectMany(row => row).Any(button => button.CallbackData == callbackData))
            {
                throw new InvalidOperationException(
                    $"Message #{current.MessageId} to chat {current.ChatId} has no button with callback data " +
                    $"\"{callbackData}\". It has: {DescribeButtons(current)}");
            }

            RememberUserLocked(from);
            NoteMemberLocked(from, current.ChatId);
            var queryId = string.Create(CultureInfo.InvariantCulture, $"{8_000_000_000 + _nextCallbackQueryId++}");
            _openCallbackQueries.Add(queryId);
            var query = new JsonObject
            {
                ["id"] = queryId,
                ["from"] = UserJson(from),
                ["message"] = BotMessageJsonLocked(current, editDate: null),
                ["chat_instance"] = string.Create(CultureInfo.InvariantCulture, $"{current.ChatId * 7 + 1}"),
                ["data"] = callbackData,
            };
            return EnqueueLocked("callback_query", query);
        }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId)
    {
        lock (_gate)
        {
            return SentToLocked(chatId);
        }
    }

    /// <summary>
    /// Waits for the first message to <paramref name="chatId"/> that matches <paramref name="predicate"/>,
    /// looking at messages already sent too. <paramref name="after"/> skips that many earlier messages of the
    /// chat: pass <c>SentTo(chatId).Count</c> taken before acting to see only replies to that action.
    /// </summary>
    public Task<SentMessage> WaitForMessageAsync(
        long chatId,
        Func<SentMessage, bool>? predicate = null,
        TimeSpan? timeout = null,
        int after = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        var limit = timeout ?? DefaultWaitTimeout;
        return WaitUntilAsync(
            () =>
            {
                var match = SentToLocked(chatId).Skip(after).FirstOrDefault(m => predicate?.Invoke(m) ?? true);
                return (match is not null, match!);
            },
            limit,
            () => $"No message to chat {chatId}{(after > 0 ? $" after index {after}" : "")} " +
                  $"{(predicate is null ? "arrived" : "matched the condition")} within {Seconds(limit)} s." +
                  DescribeChatLocked(chatId));
    }

    public Task<IReadOnlyList<SentMessage>> WaitForMessageCountAsync(long chatId, int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var limit = timeout ?? DefaultWaitTimeout;
        return WaitUntilAsync<IReadOnlyList<SentMessage>>(
            () =>
            {
                var sent = SentToLocked(chatId);
                return (sent.Length >= count, sent);
            },
            limit,
            () => $"Expected at least {count} messages to chat {chatId} within {Seconds(limit)} s." +
                  DescribeChatLocked(chatId));
    }

    /// <summary>Waits until the bot has confirmed (getUpdates offset) every update enqueued so far.</summary>
    public async Task WaitForAllUpdatesConfirmedAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        await WaitUntilAsync(
            () => (_updates.Count == 0, true),
            limit,
            () => $"The bot did not confirm updates [{string.Join(", ", _updates.Select(u => u.UpdateId))}] " +
                  $"within {Seconds(limit)} s; it made {_callLog.Count(m => m == "getUpdates")} getUpdates calls." +
                  DescribeRecentLocked()).ConfigureAwait(false);
    }

    /// <summary>Waits until the bot has called <paramref name="method"/> <paramref name="count"/> times.</summary>
    public async Task WaitForCallAsync(string method, int count = 1, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var limit = timeout ?? DefaultWaitTimeout;
        await WaitUntilAsync(
            () => (CountCallsLocked(method) >= count, true),
            limit,
            () => $"Expected {count} {method} calls within {Seconds(limit)} s, saw {CountCallsLocked(method)}." +
                  DescribeRecentLocked()).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the next sendMessage call fail (FIFO across calls; only calls to <paramref name="chatId"/> when given).
    /// Without a description the usual Telegram text for the code is used.
    /// </summary>
    public void FailNextSend(int errorCode, string? description = null, int? retryAfter = null, long? chatId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(errorCode, 400);
        if (errorCode == 429)
        {
            retryAfter ??= 1;
        }

        var text = string.IsNullOrEmpty(description) ? DefaultDescription(errorCode, retryAfter) : description;
        lock (_gate)
        {
            _scriptedFailures.Add(new ScriptedFailure(errorCode, text, retryAfter, chatId));
        }
    }

    /// <summary>From now on every sendMessage to the user's chat fails with 403, as after a real block.</summary>
    public void BlockBot(long userId)
    {
        lock (_gate)
        {
            _blockedChats.Add(userId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Pending long polls end at once instead of holding shutdown for their full timeout.
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_webhookLoop is not null)
        {
            await _webhookLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private static long ParseBotId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 16 || token.Contains('/', StringComparison.Ordinal)
            || !long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || id <= 0)
        {
            throw new ArgumentException("A bot token looks like \"123456:secret\".", nameof(token));
        }

        return id;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string DefaultDescription(int errorCode, int? retryAfter) => errorCode switch
    {
        400 => "Bad Request: chat not found",
        401 => "Unauthorized",
        403 => BlockedDescription,
        404 => "Not Found",
        409 => "Conflict",
        429 => string.Create(CultureInfo.InvariantCulture, $"Too Many Requests: retry after {retryAfter}"),
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        _ => "Error",
    };

    // Waiters re-check their condition after every change of state; the signal is swapped under the lock and
    // completed asynchronously, so no continuation runs while the lock is held.
    private void SignalLocked()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private async Task<T> WaitUntilAsync<T>(Func<(bool Done, T Value)> probe, TimeSpan timeout, Func<string> describe)
    {
        using var window = new CancellationTokenSource(timeout);
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

                if (window.IsCancellationRequested)
                {
                    throw new TimeoutException(describe());
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(window.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested)
            {
                // One last look at the state follows; it throws the timeout when still not done.
            }
        }
    }

    private void RememberUserLocked(FakeTelegramUser user) => _users[user.Id] = user;

    private long EnqueueLocked(string kind, JsonObject payload)
    {
        var updateId = _nextUpdateId++;
        _updates.Add(new PendingUpdate(updateId, kind, new JsonObject { ["update_id"] = updateId, [kind] = payload }));
        SignalLocked();
        return updateId;
    }

    private SentMessage[] SentToLocked(long chatId) => _sent.Where(m => m.ChatId == chatId).ToArray();

    private int FindSentIndexLocked(long chatId, long messageId) =>
        _sent.FindIndex(m => m.ChatId == chatId && m.MessageId == messageId);

    private bool IsKnownChatLocked(long chatId) => _users.ContainsKey(chatId) || _groups.ContainsKey(chatId);

    private int CountCallsLocked(string method) =>
        _callLog.Count(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase));

    private JsonObject NewUserMessageJsonLocked(FakeTelegramUser from, long chatId) => new()
    {
        ["message_id"] = _nextMessageId++,
        ["from"] = UserJson(from),
        ["chat"] = ChatJsonLocked(chatId),
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };

    private JsonObject UserMessageJsonLocked(FakeTelegramUser from, long chatId, string text)
    {
        var message = NewUserMessageJsonLocked(from, chatId);
        message["text"] = text;
        var commandLength = CommandLength(text);
        if (commandLength > 0)
        {
            message["entities"] = new JsonArray(
                new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = commandLength });
        }

        return message;
    }

    // A command is the leading "/word" (maybe "/word@bot"); Telegram measures entities in UTF-16 units.
    private static int CommandLength(string text)
    {
        if (text.Length < 2 || text[0] != '/' || char.IsWhiteSpace(text[1]))
        {
            return 0;
        }

        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    private JsonObject BotMessageJsonLocked(SentMessage message, DateTimeOffset? editDate)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = BotUserJson(),
            ["chat"] = ChatJsonLocked(message.ChatId),
            ["date"] = message.At.ToUnixTimeSeconds(),
        };
        if (editDate is { } edited)
        {
            json["edit_date"] = edited.ToUnixTimeSeconds();
        }

        if (message.File is { } file)
        {
            AddFileJson(json, message, file);
        }
        else
        {
            json["text"] = message.Text;
        }

        if (_keyboards.TryGetValue(message.MessageId, out var keyboard))
        {
            json["reply_markup"] = keyboard.DeepClone();
        }

        return json;
    }

    private static void AddFileJson(JsonObject json, SentMessage message, SentFile file)
    {
        var fileId = string.Create(CultureInfo.InvariantCulture, $"BQACAgfake{message.ChatId}_{message.MessageId}");
        var uniqueId = string.Create(CultureInfo.InvariantCulture, $"AgADfake{message.MessageId}");
        if (file.Kind == "photo")
        {
            json["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = fileId,
                ["file_unique_id"] = uniqueId,
                ["width"] = 800,
                ["height"] = 600,
                ["file_size"] = file.Content.Length,
            });
        }
        else
        {
            json["document"] = new JsonObject
            {
                ["file_id"] = fileId,
                ["file_unique_id"] = uniqueId,
                ["file_name"] = file.FileName,
                ["mime_type"] = file.ContentType ?? "application/octet-stream",
                ["file_size"] = file.Content.Length,
            };
        }

        if (message.Text.Length > 0)
        {
            json["caption"] = message.Text;
        }
    }

    private JsonObject BotUserJson() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = BotFirstName,
        ["username"] = BotUsername,
    };

    private static JsonObject UserJson(FakeTelegramUser user) => new()
    {
        ["id"] = user.Id,
        ["is_bot"] = false,
        ["first_name"] = user.FirstName,
    };

    private JsonObject ChatJsonLocked(long chatId)
    {
        if (_groups.TryGetValue(chatId, out var title))
        {
            return new JsonObject { ["id"] = chatId, ["type"] = ChatType(chatId), ["title"] = title };
        }

        var chat = new JsonObject { ["id"] = chatId, ["type"] = "private" };
        if (_users.TryGetValue(chatId, out var user))
        {
            chat["first_name"] = user.FirstName;
        }

        return chat;
    }

    private string DescribeChatLocked(long chatId)
    {
        var text = new StringBuilder();
        var sent = SentToLocked(chatId);
        text.Append(CultureInfo.InvariantCulture, $"\nSent to chat {chatId} ({sent.Length}):");
        if (sent.Length == 0)
        {
            text.Append("\n  (nothing)");
        }

        for (var i = 0; i < sent.Length; i++)
        {
            var message = sent[i];
            var shown = message.Text.Length > 300 ? message.Text[..300] + "…" : message.Text;
            text.Append(CultureInfo.InvariantCulture, $"\n  [{i}] #{message.MessageId} \"{shown}\"");
            if (message.File is { } file)
            {
                text.Append(CultureInfo.InvariantCulture, $" {file.Kind}: {file.FileName} ({file.Content.Length} bytes)");
            }

            if (message.Buttons.Count > 0)
            {
                text.Append(" buttons: ").Append(DescribeButtons(message));
            }
        }

        var errors = _errors.Where(e => e.ChatId == chatId).ToArray();
        if (errors.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nErrors returned for chat {chatId}:");
            foreach (var error in errors)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {error.Method}: {error.Description}");
            }
        }

        return text.Append(DescribeRecentLocked(exceptChatId: chatId)).ToString();
    }

    private string DescribeRecentLocked(long? exceptChatId = null)
    {
        var text = new StringBuilder();
        var otherErrors = _errors
            .Where(e => e.Method != "getUpdates" && (exceptChatId is null || e.ChatId != exceptChatId))
            .TakeLast(10)
            .ToArray();
        if (otherErrors.Length > 0)
        {
            text.Append("\nLast other errors returned to the bot:");
            foreach (var error in otherErrors)
            {
                text.Append(
                    CultureInfo.InvariantCulture, $"\n  {error.Method} (chat {error.ChatId}): {error.Description}");
            }
        }

        var calls = _callLog.TakeLast(30).ToArray();
        text.Append(CultureInfo.InvariantCulture, $"\nLast {calls.Length} of {_callLog.Count} calls: ")
            .AppendJoin(", ", calls);
        return text.ToString();
    }

    private static string DescribeButtons(SentMessage message) =>
        string.Join(" / ", message.Buttons.Select(row =>
            string.Join(" ", row.Select(button => $"[{button.Text} → {button.CallbackData}]"))));

    private sealed record PendingUpdate(long UpdateId, string Kind, JsonObject Json);

    private sealed record ScriptedFailure(int ErrorCode, string Description, int? RetryAfter, long? ChatId);

    private sealed record ErrorEntry(string Method, long? ChatId, int Code, string Description);

    private sealed class PendingPoll
    {
        public bool IsTerminated { get; set; }
    }
}
