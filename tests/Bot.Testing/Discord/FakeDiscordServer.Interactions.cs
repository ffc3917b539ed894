using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Testing.Discord;

public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<string, InteractionState> _interactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeModal> _openModals = new(StringComparer.Ordinal);

    /// <summary>Modals the bot opened that have not been submitted, by user id.</summary>
    public IReadOnlyDictionary<string, FakeModal> OpenModals => Locked(
        () => new Dictionary<string, FakeModal>(_openModals));

    public FakeInteractionRecord? GetInteraction(string interactionId) =>
        Locked(() => _interactions.TryGetValue(interactionId, out var state) ? SnapshotLocked(state) : null);

    /// <summary>Waits for the bot's first callback to the interaction; the record also has follow-ups and edits so far.</summary>
    public Task<FakeInteractionRecord> WaitForInteractionResponseAsync(string interactionId, TimeSpan? timeout = null) =>
        WaitForInteractionAsync(interactionId, record => record.IsAcknowledged, timeout);

    /// <summary>Waits until the interaction's record (callback, original, follow-ups, edits) matches.</summary>
    public Task<FakeInteractionRecord> WaitForInteractionAsync(
        string interactionId,
        Func<FakeInteractionRecord, bool> predicate,
        TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () =>
            {
                var record = _interactions.TryGetValue(interactionId, out var state) ? SnapshotLocked(state) : null;
                return (record is not null && predicate(record), record!);
            },
            timeout,
            () => $"interaction {interactionId} to match; now: "
                + (_interactions.TryGetValue(interactionId, out var state) ? SnapshotLocked(state).ToString() : "unknown"));

    public Task<FakeModal> WaitForModalAsync(FakeDiscordUser user, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WaitUntilAsync(
            () => (_openModals.TryGetValue(user.Id, out var modal), modal!),
            timeout,
            () => $"a modal for user {user.Id}");
    }

    /// <summary>The user edits a DM they wrote (MESSAGE_UPDATE with an edit time, under the DIRECT_MESSAGES intent).</summary>
    public Task<FakeUserMessage> EditDmMessageAsync(FakeDiscordUser user, FakeUserMessage original, string newText)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(newText);
        lock (_gate)
        {
            var session = SessionLocked();
            var message = UserMessageJsonLocked(user, user.DmChannelId, newText);
            message["id"] = original.Id;
            message["edited_timestamp"] = Iso(DateTimeOffset.UtcNow);
            message["channel_type"] = 1;
            int? sequence = (session.Intents & DirectMessagesIntent) != 0
                ? EmitLocked(session, "MESSAGE_UPDATE", message)
                : null;
            return Task.FromResult(original with { Sequence = sequence });
        }
    }

    /// <summary>The user writes to the bot in their DM (MESSAGE_CREATE, delivered with the DIRECT_MESSAGES intent).</summary>
    public Task<FakeUserMessage> SendDmMessageAsync(FakeDiscordUser user, string text)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            // Written whether or not the bot is connected: it stays in the channel's history either way.
            var message = UserMessageJsonLocked(user, user.DmChannelId, text);
            message["channel_type"] = 1;
            _userMessages.Add((JsonObject)message.DeepClone());
            int? sequence = _currentSession is { } session && (session.Intents & DirectMessagesIntent) != 0
                ? EmitLocked(session, "MESSAGE_CREATE", message)
                : null;
            return Task.FromResult(new FakeUserMessage(message["id"]!.GetValue<string>(), user.DmChannelId, sequence));
        }
    }

    /// <summary>
    /// The user writes in a guild channel: delivered with GUILD_MESSAGES; the content is empty unless the bot asked
    /// for MESSAGE_CONTENT.
    /// </summary>
    public Task<FakeUserMessage> SendGuildMessageAsync(FakeDiscordUser user, FakeGuildChannel channel, string text)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            var session = SessionLocked();
            var message = UserMessageJsonLocked(
                user,
                channel.Id,
                (session.Intents & MessageContentIntent) != 0 ? text : string.Empty);
            message["guild_id"] = channel.GuildId;
            message["channel_type"] = 0;
            message["member"] = new JsonObject { ["roles"] = new JsonArray(), ["joined_at"] = "2024-01-01T00:00:00+00:00" };
            int? sequence = (session.Intents & GuildMessagesIntent) != 0
                ? EmitLocked(session, "MESSAGE_CREATE", message)
                : null;
            return Task.FromResult(new FakeUserMessage(message["id"]!.GetValue<string>(), channel.Id, sequence));
        }
    }

    /// <summary>
    /// The user runs a slash command, in their DM with the bot or (with <paramref name="guildChannel"/>) in a guild.
    /// Option values may be string, long/int, double or bool.
    /// </summary>
    public Task<FakeInteraction> InvokeSlashCommandAsync(
        FakeDiscordUser user,
        string name,
        IReadOnlyDictionary<string, object>? options = null,
        FakeGuildChannel? guildChannel = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            var command = FindCommandLocked(name, guildChannel);
            var data = new JsonObject
            {
                ["id"] = command?["id"]?.GetValue<string>() ?? NextSnowflakeLocked(),
                ["name"] = name,
                ["type"] = 1,
            };
            if (options is { Count: > 0 })
            {
                data["options"] = OptionsJson(command, options, focused: null);
            }

            return Task.FromResult(EmitInteractionLocked(user, 2, data, guildChannel, null));
        }
    }

    /// <summary>The user types into an option with autocomplete; the bot should answer with choices (type 8).</summary>
    public Task<FakeInteraction> AutocompleteAsync(
        FakeDiscordUser user,
        string commandName,
        string optionName,
        string partialValue,
        IReadOnlyDictionary<string, object>? otherOptions = null,
        FakeGuildChannel? guildChannel = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            var command = FindCommandLocked(commandName, guildChannel);
            var values = new Dictionary<string, object>(otherOptions ?? new Dictionary<string, object>(), StringComparer.Ordinal)
            {
                [optionName] = partialValue,
            };
            var data = new JsonObject
            {
                ["id"] = command?["id"]?.GetValue<string>() ?? NextSnowflakeLocked(),
                ["name"] = commandName,
                ["type"] = 1,
                ["options"] = OptionsJson(command, values, focused: optionName),
            };
            return Task.FromResult(EmitInteractionLocked(user, 4, data, guildChannel, null));
        }
    }

    /// <summary>The user clicks a button on a message the bot produced.</summary>
    public Task<FakeInteraction> ClickButtonAsync(FakeDiscordUser user, FakeMessage message, string customId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            var latest = _messages.FirstOrDefault(m => m.Id == message.Id) ?? message;
            if (latest.Buttons.All(button => button.CustomId != customId))
            {
                throw new InvalidOperationException(
                    $"Message {latest.Id} has no button '{customId}'; it has: {string.Join(", ", latest.Buttons.Select(b => b.CustomId))}.");
            }

            var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
            _guildChannels.TryGetValue(latest.ChannelId, out var guildChannel);
            return Task.FromResult(EmitInteractionLocked(user, 3, data, guildChannel, latest));
        }
    }

    /// <summary>
    /// The user submits the modal the bot opened for them. <paramref name="useLabelLayout"/> picks the current
    /// layout (label, type 18) or the legacy one (action row around the text input).
    /// </summary>
    public Task<FakeInteraction> SubmitModalAsync(
        FakeDiscordUser user,
        string customId,
        IReadOnlyDictionary<string, string> values,
        bool useLabelLayout = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            if (!_openModals.TryGetValue(user.Id, out var modal) || modal.CustomId != customId)
            {
                throw new InvalidOperationException($"User {user.Id} has no open modal '{customId}'.");
            }

            var unknown = values.Keys.Except(modal.TextInputIds, StringComparer.Ordinal).ToArray();
            if (unknown.Length > 0)
            {
                throw new InvalidOperationException(
                    $"Modal '{customId}' has no text input(s) {string.Join(", ", unknown)}.");
            }

            var components = new JsonArray();
            var componentId = 1;
            foreach (var (inputId, value) in values)
            {
                var input = new JsonObject { ["type"] = 4, ["id"] = componentId + 1, ["custom_id"] = inputId, ["value"] = value };
                components.Add(useLabelLayout
                    ? new JsonObject { ["type"] = 18, ["id"] = componentId, ["component"] = input }
                    : new JsonObject { ["type"] = 1, ["id"] = componentId, ["components"] = new JsonArray(input) });
                componentId += 2;
            }

            _openModals.Remove(user.Id);
            var origin = _interactions[modal.InteractionId];
            _guildChannels.TryGetValue(origin.ChannelId, out var guildChannel);
            var sourceMessage = origin.SourceMessageId is { } sourceId ? _messages.FirstOrDefault(m => m.Id == sourceId) : null;
            var data = new JsonObject { ["custom_id"] = customId, ["components"] = components };
            return Task.FromResult(EmitInteractionLocked(user, 5, data, guildChannel, sourceMessage));
        }
    }

    private FakeSession SessionLocked() =>
        _currentSession ?? throw new InvalidOperationException("The bot has not identified yet; wait for it first.");

    private JsonObject UserMessageJsonLocked(FakeDiscordUser user, string channelId, string text) => new()
    {
        ["id"] = NextSnowflakeLocked(),
        ["channel_id"] = channelId,
        ["author"] = UserJson(user),
        ["content"] = text,
        ["timestamp"] = Iso(DateTimeOffset.UtcNow),
        ["edited_timestamp"] = null,
        ["tts"] = false,
        ["mention_everyone"] = false,
        ["mentions"] = new JsonArray(),
        ["mention_roles"] = new JsonArray(),
        ["attachments"] = new JsonArray(),
        ["embeds"] = new JsonArray(),
        ["pinned"] = false,
        ["type"] = 0,
        ["flags"] = 0,
        ["components"] = new JsonArray(),
    };

    private JsonObject? FindCommandLocked(string name, FakeGuildChannel? guildChannel)
    {
        var global = _globalCommands.OfType<JsonObject>().FirstOrDefault(c => c["name"]?.GetValue<string>() == name);
        var guild = guildChannel is not null && _guildCommands.TryGetValue(guildChannel.GuildId, out var guildCommands)
            ? guildCommands.OfType<JsonObject>().FirstOrDefault(c => c["name"]?.GetValue<string>() == name)
            : null;
        var command = guild ?? global;
        if (!RequireRegisteredCommands)
        {
            return command;
        }

        if (command is null)
        {
            throw new InvalidOperationException($"The bot has not registered /{name} where the user is.");
        }

        var contexts = (command["contexts"] as JsonArray)?.Select(c => c!.GetValue<int>()).ToArray();
        var context = guildChannel is null ? 1 : 0;
        if (guild is null && contexts is not null && !contexts.Contains(context))
        {
            throw new InvalidOperationException(
                $"/{name} is not available in context {context} (contexts: {string.Join(",", contexts)}).");
        }

        return command;
    }

    private static JsonArray OptionsJson(JsonObject? command, IReadOnlyDictionary<string, object> values, string? focused)
    {
        var options = new JsonArray();
        foreach (var (name, value) in values)
        {
            var declared = (command?["options"] as JsonArray)?.OfType<JsonObject>()
                .FirstOrDefault(o => o["name"]?.GetValue<string>() == name);
            var type = declared?["type"]?.GetValue<int>() ?? value switch
            {
                bool => 5,
                int or long => 4,
                double or float or decimal => 10,
                _ => 3,
            };
            var option = new JsonObject { ["name"] = name, ["type"] = type, ["value"] = JsonValue.Create(value) };
            if (name == focused)
            {
                // While typing, Discord sends what the user has typed so far, as a string.
                option["value"] = Convert.ToString(value, CultureInfo.InvariantCulture);
                option["focused"] = true;
            }

            options.Add(option);
        }

        return options;
    }

    private FakeInteraction EmitInteractionLocked(
        FakeDiscordUser user,
        int type,
        JsonObject data,
        FakeGuildChannel? guildChannel,
        FakeMessage? sourceMessage)
    {
        // Over HTTP (an Interactions Endpoint URL is set) the gateway carries no interactions at all.
        var session = InteractionsEndpoint is null ? SessionLocked() : null;
        var id = NextSnowflakeLocked();
        var token = $"itok-{id}-{Guid.NewGuid():N}";
        var channelId = guildChannel?.Id ?? user.DmChannelId;
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = type,
            ["token"] = token,
            ["version"] = 1,
            ["data"] = data,
            ["channel_id"] = channelId,
            ["app_permissions"] = "442368",
            ["locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 10_485_760,
        };
        if (guildChannel is null)
        {
            payload["channel"] = new JsonObject { ["id"] = channelId, ["type"] = 1 };
            payload["user"] = UserJson(user);
            payload["context"] = 1;
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = "0" };
        }
        else
        {
            payload["guild_id"] = guildChannel.GuildId;
            payload["guild_locale"] = "en-US";
            payload["channel"] = new JsonObject
            {
                ["id"] = channelId,
                ["type"] = 0,
                ["guild_id"] = guildChannel.GuildId,
                ["name"] = guildChannel.Name,
            };
            payload["member"] = new JsonObject
            {
                ["user"] = UserJson(user),
                ["roles"] = new JsonArray(),
                ["joined_at"] = "2024-01-01T00:00:00+00:00",
                ["deaf"] = false,
                ["mute"] = false,
                ["flags"] = 0,
                ["permissions"] = "2147483647",
            };
            payload["context"] = 0;
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = guildChannel.GuildId };
        }

        if (sourceMessage is not null)
        {
            payload["message"] = sourceMessage.Json.DeepClone();
        }

        _interactions[id] = new InteractionState(
            id,
            token,
            type,
            user.Id,
            channelId,
            _clock.Elapsed,
            sourceMessage?.Id);
        if (session is null)
        {
            _ = Task.Run(() => DeliverOverHttpAsync(payload));
            return new FakeInteraction(id, token, type, channelId, guildChannel?.GuildId, null);
        }

        var sequence = EmitLocked(session, "INTERACTION_CREATE", payload);
        return new FakeInteraction(id, token, type, channelId, guildChannel?.GuildId, sequence);
    }

    private Reply InteractionCallbackLocked(string interactionId, string token, JsonNode? json)
    {
        if (!_interactions.TryGetValue(interactionId, out var state) || state.Token != token)
        {
            return new Reply(404, Error(10062, "Unknown interaction"));
        }

        if (state.CallbackType is not null)
        {
            return new Reply(400, Error(40060, "Interaction has already been acknowledged."));
        }

        if (_clock.Elapsed - state.CreatedAt > InteractionResponseWindow)
        {
            return new Reply(404, Error(10062, "Unknown interaction"));
        }

        var type = json?["type"]?.GetValue<int>();
        var data = json?["data"] as JsonObject;
        var invalid = type switch
        {
            null => InvalidForm("type", "BASE_TYPE_REQUIRED", "This field is required"),
            1 when state.Type != 1 => InvalidForm("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type"),
            4 => data is null ? new Reply(400, Error(50006, "Cannot send an empty message")) : ValidateMessage(data, requireContent: true),
            5 => null,
            6 or 7 when state.Type is not (3 or 5) || state.SourceMessageId is null =>
                InvalidForm("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type"),
            6 => null,
            7 => data is null ? null : ValidateMessage(data, requireContent: false),
            8 when state.Type != 4 => InvalidForm("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type"),
            8 => (data?["choices"] as JsonArray)?.Count > 25
                ? InvalidForm("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
                : null,
            9 when state.Type is 1 or 5 => InvalidForm("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type"),
            9 => ValidateModal(data),
            _ => InvalidForm("type", "BASE_TYPE_CHOICES", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}."),
        };
        if (invalid is not null)
        {
            return invalid;
        }

        state.CallbackType = type;
        state.CallbackData = (JsonObject?)data?.DeepClone();
        switch (type)
        {
            case 4:
                state.OriginalMessageId = AddMessageLocked(state.ChannelId, FakeMessageSource.InteractionResponse, state.Id, data!).Id;
                break;
            case 5:
                var placeholder = new JsonObject { ["flags"] = data?["flags"]?.GetValue<int>() ?? 0 };
                state.OriginalMessageId = AddMessageLocked(state.ChannelId, FakeMessageSource.DeferredResponse, state.Id, placeholder).Id;
                break;
            case 6:
                state.OriginalMessageId = state.SourceMessageId;
                break;
            case 7:
                state.OriginalMessageId = state.SourceMessageId;
                EditMessageLocked(state.SourceMessageId!, data ?? []);
                break;
            case 9:
                _openModals[state.UserId] = new FakeModal(
                    state.Id,
                    state.UserId,
                    data!["custom_id"]!.GetValue<string>(),
                    data["title"]!.GetValue<string>(),
                    TextInputIds(data["components"] as JsonArray),
                    (JsonObject)data.DeepClone());
                break;
        }

        SignalLocked();
        return new Reply(204, null);
    }

    private static Reply? ValidateModal(JsonObject? data)
    {
        var customId = data?["custom_id"]?.GetValue<string>();
        var title = data?["title"]?.GetValue<string>();
        if (customId is null or { Length: 0 or > MaxCustomIdLength })
        {
            return InvalidForm("data.custom_id", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }

        if (title is null or { Length: 0 or > 45 })
        {
            return InvalidForm("data.title", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.");
        }

        if (data!["components"] is not JsonArray { Count: >= 1 and <= 5 } components)
        {
            return InvalidForm("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }

        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i]!;
            var kind = component["type"]?.GetValue<int>();
            var input = kind switch
            {
                18 => component["component"],
                1 => (component["components"] as JsonArray) is { Count: 1 } row ? row[0] : null,
                _ => null,
            };
            var label = kind == 18 ? component["label"]?.GetValue<string>() : input?["label"]?.GetValue<string>();
            if (input?["type"]?.GetValue<int>() != 4)
            {
                return InvalidForm(
                    $"data.components.{i}",
                    "UNION_TYPE_CHOICES",
                    "A modal holds labels (or rows) around text inputs.");
            }

            if (label is null or { Length: 0 or > 45 })
            {
                return InvalidForm(
                    $"data.components.{i}.label",
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 45 in length.");
            }

            if (input["custom_id"]?.GetValue<string>() is null or { Length: 0 or > MaxCustomIdLength })
            {
                return InvalidForm(
                    $"data.components.{i}.custom_id",
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.");
            }

            if (input["style"]?.GetValue<int>() is not (1 or 2))
            {
                return InvalidForm($"data.components.{i}.style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
            }
        }

        return null;
    }

    private static string[] TextInputIds(JsonArray? components) =>
        (components ?? [])
            .Select(component => component?["type"]?.GetValue<int>() == 18
                ? component["component"]
                : (component?["components"] as JsonArray)?.FirstOrDefault())
            .Select(input => input?["custom_id"]?.GetValue<string>())
            .OfType<string>()
            .ToArray();

    private Reply FollowupLocked(string applicationId, string token, JsonNode? json)
    {
        var state = _interactions.Values.FirstOrDefault(s => s.Token == token);
        if (applicationId != ApplicationId || state is null || state.CallbackType is null)
        {
            return new Reply(404, Error(10015, "Unknown Webhook"));
        }

        if (_clock.Elapsed - state.CreatedAt > InteractionTokenLifetime)
        {
            return new Reply(401, Error(50027, "Invalid Webhook Token"));
        }

        if (json is not JsonObject body)
        {
            return new Reply(400, Error(50006, "Cannot send an empty message"));
        }

        if (ValidateMessage(body, requireContent: true) is { } invalid)
        {
            return invalid;
        }

        var message = AddMessageLocked(state.ChannelId, FakeMessageSource.Followup, state.Id, body);
        state.FollowupIds.Add(message.Id);
        return new Reply(200, message.Json.DeepClone());
    }

    private Reply OriginalLocked(string method, string applicationId, string token, JsonNode? json)
    {
        var state = _interactions.Values.FirstOrDefault(s => s.Token == token);
        if (applicationId != ApplicationId || state is null || state.CallbackType is null)
        {
            return new Reply(404, Error(10015, "Unknown Webhook"));
        }

        if (_clock.Elapsed - state.CreatedAt > InteractionTokenLifetime)
        {
            return new Reply(401, Error(50027, "Invalid Webhook Token"));
        }

        var original = state.OriginalMessageId is { } id ? _messages.FirstOrDefault(m => m.Id == id) : null;
        if (original is null)
        {
            return new Reply(404, Error(10008, "Unknown Message"));
        }

        switch (method)
        {
            case "GET":
                return new Reply(200, original.Json.DeepClone());
            case "DELETE":
                _messages.Remove(original);
                state.OriginalMessageId = null;
                SignalLocked();
                return new Reply(204, null);
        }

        var body = json as JsonObject ?? [];
        if (ValidateMessage(body, requireContent: false) is { } invalid)
        {
            return invalid;
        }

        var edited = EditMessageLocked(original.Id, body)!;
        state.Edits.Add((JsonObject)body.DeepClone());
        SignalLocked();
        return new Reply(200, edited.Json.DeepClone());
    }

    private FakeInteractionRecord SnapshotLocked(InteractionState state) => new(
        state.Id,
        state.Token,
        state.Type,
        state.UserId,
        state.ChannelId,
        state.CallbackType,
        (JsonObject?)state.CallbackData?.DeepClone(),
        state.OriginalMessageId is { } id ? _messages.FirstOrDefault(m => m.Id == id) : null,
        state.FollowupIds.Select(f => _messages.First(m => m.Id == f)).ToArray(),
        state.Edits.Select(e => (JsonObject)e.DeepClone()).ToArray());

    private sealed class InteractionState(
        string id,
        string token,
        int type,
        string userId,
        string channelId,
        TimeSpan createdAt,
        string? sourceMessageId)
    {
        public string Id { get; } = id;

        public string Token { get; } = token;

        public int Type { get; } = type;

        public string UserId { get; } = userId;

        public string ChannelId { get; } = channelId;

        public TimeSpan CreatedAt { get; } = createdAt;

        public string? SourceMessageId { get; } = sourceMessageId;

        public int? CallbackType { get; set; }

        public JsonObject? CallbackData { get; set; }

        public string? OriginalMessageId { get; set; }

        public List<string> FollowupIds { get; } = [];

        public List<JsonObject> Edits { get; } = [];
    }
}
