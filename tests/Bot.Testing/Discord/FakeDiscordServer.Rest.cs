using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Discord;

public sealed partial class FakeDiscordServer
{
    private const string ApiPrefix = "/api/v10/";
    private const int MaxContentLength = 2000;
    private const int MaxCustomIdLength = 100;

    /// <summary>Discord's default upload cap for a request (servers without boosts).</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    private readonly List<FakeRestRequest> _requests = [];
    private readonly List<ScriptedReply> _scripted = [];
    private readonly List<ScriptedHeaders> _scriptedHeaders = [];
    private readonly List<JsonArray> _globalCommandWrites = [];

    // DMs people wrote, kept as Discord keeps a channel's history (the bot may read them later).
    private readonly List<JsonObject> _userMessages = [];

    // The query of the request being routed (set under _gate).
    private IQueryCollection _currentQuery = QueryCollection.Empty;
    private readonly Dictionary<string, JsonArray> _guildCommands = new(StringComparer.Ordinal);
    private JsonArray _globalCommands = [];

    // The files of the request being routed; message handlers attach them (set and cleared under _gate).
    private List<FakeAttachment> _uploads = [];

    /// <summary>The X-RateLimit-Limit every route reports (Remaining is Limit − 1 unless scripted).</summary>
    public int RateLimitBucketSize { get; set; } = 50;

    public IReadOnlyList<FakeRestRequest> Requests => Locked(() => _requests.ToArray());

    /// <summary>The global commands as last overwritten by the bot.</summary>
    public JsonArray GlobalCommands => Locked(() => (JsonArray)_globalCommands.DeepClone());

    /// <summary>How many times the bot overwrote the global commands.</summary>
    public int GlobalCommandWrites => Locked(() => _globalCommandWrites.Count);

    public JsonArray? GuildCommands(string guildId) =>
        Locked(() => _guildCommands.TryGetValue(guildId, out var commands) ? (JsonArray)commands.DeepClone() : null);

    /// <summary>The next <paramref name="times"/> matching requests get a 429 for their route.</summary>
    public void ScriptRateLimit(string method, string pathPrefix, TimeSpan retryAfter, int times = 1) =>
        Script(new ScriptedReply(method, pathPrefix, times, 429, 0, "You are being rate limited.", null, retryAfter, Global: false));

    /// <summary>The next <paramref name="times"/> matching requests get a global 429.</summary>
    public void ScriptGlobalRateLimit(string method, string pathPrefix, TimeSpan retryAfter, int times = 1) =>
        Script(new ScriptedReply(method, pathPrefix, times, 429, 0, "You are being rate limited.", null, retryAfter, Global: true));

    /// <summary>The next matching requests fail with Discord's error JSON (errors is raw JSON, or null).</summary>
    public void ScriptError(string method, string pathPrefix, int status, int code, string message, string? errorsJson = null, int times = 1) =>
        Script(new ScriptedReply(method, pathPrefix, times, status, code, message, errorsJson, null, Global: false));

    /// <summary>The next matching reply reports these X-RateLimit values (e.g. remaining 0 to make the bot wait).</summary>
    public void ScriptRateLimitHeaders(string method, string pathPrefix, int remaining, TimeSpan resetAfter)
    {
        lock (_gate)
        {
            _scriptedHeaders.Add(new ScriptedHeaders(method, pathPrefix, remaining, resetAfter));
        }
    }

    public Task<FakeRestRequest> WaitForRequestAsync(Func<FakeRestRequest, bool> predicate, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () =>
            {
                var found = _requests.FirstOrDefault(predicate);
                return (found is not null, found!);
            },
            timeout,
            () => "a matching REST request; saw " + string.Join(", ", _requests.Select(r => $"{r.Method} {r.Path}")));

    public Task<int> WaitForRequestCountAsync(Func<FakeRestRequest, bool> predicate, int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () =>
            {
                var seen = _requests.Count(predicate);
                return (seen >= count, seen);
            },
            timeout,
            () => $"{count} matching REST requests (saw {_requests.Count(predicate)})");

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex CommandNamePattern();

    [GeneratedRegex(@"^DiscordBot \(\S+, [^)]+\)")]
    private static partial Regex UserAgentPattern();

    private static string BucketFor(string template) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template)))[..16];

    private static JsonObject Error(int code, string message, JsonNode? errors = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return body;
    }

    private static JsonObject FieldErrors(string path, string code, string message)
    {
        JsonNode leaf = new JsonObject
        {
            ["_errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
        };
        foreach (var segment in path.Split('.').Reverse())
        {
            leaf = new JsonObject { [segment] = leaf };
        }

        return (JsonObject)leaf;
    }

    private static Reply InvalidForm(string path, string code, string message) =>
        new(400, Error(50035, "Invalid Form Body", FieldErrors(path, code, message)));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private void Script(ScriptedReply reply)
    {
        lock (_gate)
        {
            _scripted.Add(reply);
        }
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var (body, files) = await ReadBodyAsync(request).ConfigureAwait(false);
        var authorization = request.Headers.Authorization.ToString();
        var userAgent = request.Headers.UserAgent.ToString();
        Reply reply;
        string template;
        lock (_gate)
        {
            _currentQuery = request.Query;
            (reply, template) = RouteLocked(request.Method, path, body, files, authorization, userAgent, request.ContentType);
            _requests.Add(new FakeRestRequest(
                request.Method,
                path,
                authorization.Length == 0 ? null : authorization,
                userAgent.Length == 0 ? null : userAgent,
                request.ContentType,
                body,
                reply.Status,
                _clock.Elapsed)
            { Files = files });
            SignalLocked();
        }

        await WriteReplyAsync(context.Response, reply, template).ConfigureAwait(false);
    }

    // Discord's multipart form: the JSON body in payload_json, files as files[n] parts.
    private static async Task<(string Body, IReadOnlyList<FakeUploadedFile> Files)> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType && request.ContentType?.StartsWith("multipart/", StringComparison.Ordinal) == true)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var files = new List<FakeUploadedFile>();
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content).ConfigureAwait(false);
                files.Add(new FakeUploadedFile(file.Name, file.FileName, file.ContentType, content.ToArray()));
            }

            return (form["payload_json"].ToString(), files);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return (await reader.ReadToEndAsync().ConfigureAwait(false), []);
    }

    private async Task WriteReplyAsync(HttpResponse response, Reply reply, string template)
    {
        response.StatusCode = reply.Status;
        var headers = response.Headers;
        if (reply.RateLimit is { } limited)
        {
            headers["Retry-After"] = ((int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Scope"] = limited.Global ? "global" : "user";
            if (limited.Global)
            {
                headers["X-RateLimit-Global"] = "true";
            }
            else
            {
                AddRateLimitHeaders(headers, template, 0, limited.RetryAfter);
            }
        }
        else if (template.Length > 0)
        {
            AddRateLimitHeaders(
                headers,
                template,
                reply.Remaining ?? RateLimitBucketSize - 1,
                reply.ResetAfter ?? TimeSpan.FromSeconds(1));
        }

        if (reply.Text is not null)
        {
            response.ContentType = "text/plain";
            await response.WriteAsync(reply.Text).ConfigureAwait(false);
        }
        else if (reply.Body is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(reply.Body.ToJsonString()).ConfigureAwait(false);
        }
    }

    private void AddRateLimitHeaders(IHeaderDictionary headers, string template, int remaining, TimeSpan resetAfter)
    {
        var resetAt = DateTimeOffset.UtcNow + resetAfter;
        headers["X-RateLimit-Limit"] = RateLimitBucketSize.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (resetAt.ToUnixTimeMilliseconds() / 1000.0).ToString(
            "0.000",
            CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = Seconds(resetAfter);
        headers["X-RateLimit-Bucket"] = BucketFor(template);
    }

    private (Reply Reply, string Template) RouteLocked(
        string method,
        string path,
        string body,
        IReadOnlyList<FakeUploadedFile> files,
        string authorization,
        string userAgent,
        string? contentType)
    {
        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return (new Reply(404, Error(0, "404: Not Found")), string.Empty);
        }

        if (!UserAgentPattern().IsMatch(userAgent))
        {
            // Cloudflare turns away clients without a proper DiscordBot User-Agent, with its own text page.
            return (new Reply(403, null) { Text = "error code: 1010" }, string.Empty);
        }

        var segments = path[ApiPrefix.Length..].Split('/');
        var (template, usesBotToken, handler) = Match(method, segments);
        if (handler is null)
        {
            return (new Reply(404, Error(0, "404: Not Found")), string.Empty);
        }

        if (usesBotToken && authorization != $"Bot {Token}")
        {
            return (new Reply(401, Error(0, "401: Unauthorized")), template);
        }

        if (body.Length > 0
            && contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true
            && contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (new Reply(400, Error(50035, "Invalid Form Body")), template);
        }

        if (TakeScriptedLocked(method, path) is { } scripted)
        {
            return (scripted, template);
        }

        JsonNode? json = null;
        if (body.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return (new Reply(400, Error(50109, "The request body contains invalid JSON.")), template);
            }
        }

        if (files.Count > 0)
        {
            if (!FileRoutes.Contains(template))
            {
                return (InvalidForm("files", "BASE_TYPE_INVALID", "Files are not accepted on this route."), template);
            }

            if (MatchUploads(json, files) is { } badUpload)
            {
                return (badUpload, template);
            }
        }

        Reply reply;
        _uploads = files.Count == 0 ? [] : Uploads(json!, files);
        try
        {
            reply = handler(segments, json);
        }
        finally
        {
            _uploads = [];
        }

        if (TakeScriptedHeadersLocked(method, path) is { } headers)
        {
            reply = reply with { Remaining = headers.Remaining, ResetAfter = headers.ResetAfter };
        }

        return (reply, template);
    }

    private (string Template, bool UsesBotToken, Func<string[], JsonNode?, Reply>? Handler) Match(string method, string[] s) =>
        (method, s) switch
        {
            ("GET", ["gateway"]) => ("gateway", false, (_, _) => new Reply(200, new JsonObject { ["url"] = GatewayUrl.AbsoluteUri })),
            ("GET", ["gateway", "bot"]) => ("gateway/bot", true, (_, _) => GatewayBotReply()),
            ("GET", ["applications", "@me"]) => ("applications/@me", true, (_, _) => new Reply(200, new JsonObject
            {
                ["id"] = ApplicationId,
                ["name"] = BotUsername,
                ["bot"] = BotUserJson(),
            })),
            // What a bot's REST client reads when it logs in (Discord.Net's DiscordRestClient does).
            ("GET", ["oauth2", "applications", "@me"]) => ("oauth2/applications/@me", true, (_, _) => new Reply(200, new JsonObject
            {
                ["id"] = ApplicationId,
                ["name"] = BotUsername,
                ["description"] = "",
                ["bot_public"] = true,
                ["bot_require_code_grant"] = false,
                ["flags"] = 0,
                ["verify_key"] = PublicKey,
                ["bot"] = BotUserJson(),
            })),
            ("GET", ["users", "@me"]) => ("users/@me", true, (_, _) => new Reply(200, BotUserJson())),
            ("POST", ["users", "@me", "channels"]) => ("users/@me/channels", true, (_, json) => CreateDmLocked(json)),
            ("GET", ["users", _]) => ("users/{user_id}", true, (p, _) => GetUserLocked(p[1])),
            ("GET", ["channels", _]) => ("channels/{channel_id}", true, (p, _) => GetChannelLocked(p[1])),
            ("GET", ["channels", _, "messages"]) => ("channels/{channel_id}/messages", true, (p, _) => GetMessagesLocked(p[1])),
            ("POST", ["channels", _, "messages"]) => ("channels/{channel_id}/messages", true, (p, json) => CreateMessageLocked(p[1], json)),
            ("PUT", ["applications", _, "commands"]) => ("applications/{application_id}/commands", true, (p, json) => OverwriteCommandsLocked(p[1], null, json)),
            ("PUT", ["applications", _, "guilds", _, "commands"]) => (
                "applications/{application_id}/guilds/{guild_id}/commands",
                true,
                (p, json) => OverwriteCommandsLocked(p[1], p[3], json)),
            ("POST", ["interactions", _, _, "callback"]) => (
                "interactions/{interaction_id}/{interaction_token}/callback",
                false,
                (p, json) => InteractionCallbackLocked(p[1], p[2], json)),
            ("POST", ["webhooks", _, _]) => ("webhooks/{application_id}/{interaction_token}", false, (p, json) => FollowupLocked(p[1], p[2], json)),
            ("PATCH" or "GET" or "DELETE", ["webhooks", _, _, "messages", "@original"]) => (
                "webhooks/{application_id}/{interaction_token}/messages/@original",
                false,
                (p, json) => OriginalLocked(method, p[1], p[2], json)),
            _ => (string.Empty, false, null),
        };

    private static readonly HashSet<string> FileRoutes = new(StringComparer.Ordinal)
    {
        "channels/{channel_id}/messages",
        "webhooks/{application_id}/{interaction_token}",
        "webhooks/{application_id}/{interaction_token}/messages/@original",
    };

    /// <summary>Each files[n] part must be described by attachments[] with id n, and all of them fit the cap.</summary>
    private static Reply? MatchUploads(JsonNode? json, IReadOnlyList<FakeUploadedFile> files)
    {
        if (files.Sum(f => (long)f.Content.Length) > MaxUploadBytes)
        {
            return new Reply(413, Error(40005, "Request entity too large"));
        }

        var attachments = json?["attachments"] as JsonArray;
        for (var i = 0; i < files.Count; i++)
        {
            var field = files[i].Field;
            if (!field.StartsWith("files[", StringComparison.Ordinal) || !field.EndsWith(']'))
            {
                return InvalidForm(field, "BASE_TYPE_INVALID", "Unknown file field; use files[n].");
            }

            var id = field["files[".Length..^1];
            var described = attachments?.Any(a => a?["id"]?.ToString() == id && a["filename"] is not null) == true;
            if (!described)
            {
                return InvalidForm($"attachments", "ATTACHMENT_NOT_FOUND", $"No attachment metadata for {field}.");
            }
        }

        return null;
    }

    private List<FakeAttachment> Uploads(JsonNode json, IReadOnlyList<FakeUploadedFile> files) =>
        [
            .. files.Select(file =>
            {
                var id = file.Field["files[".Length..^1];
                var metadata = (json["attachments"] as JsonArray)!.First(a => a?["id"]?.ToString() == id)!;
                return new FakeAttachment(
                    NextSnowflakeLocked(), metadata["filename"]!.GetValue<string>(), file.ContentType, file.Content);
            }),
        ];

    private Reply? TakeScriptedLocked(string method, string path)
    {
        var index = _scripted.FindIndex(s => s.Matches(method, path));
        if (index < 0)
        {
            return null;
        }

        var scripted = _scripted[index];
        _scripted[index] = scripted with { Times = scripted.Times - 1 };
        if (scripted.Times <= 1)
        {
            _scripted.RemoveAt(index);
        }

        if (scripted.RetryAfter is { } retryAfter)
        {
            var body = new JsonObject
            {
                ["message"] = scripted.Message,
                ["retry_after"] = Math.Round(retryAfter.TotalSeconds, 3),
                ["global"] = scripted.Global,
            };
            return new Reply(429, body) { RateLimit = (retryAfter, scripted.Global) };
        }

        return new Reply(
            scripted.Status,
            Error(scripted.Code, scripted.Message, scripted.ErrorsJson is null ? null : JsonNode.Parse(scripted.ErrorsJson)));
    }

    private ScriptedHeaders? TakeScriptedHeadersLocked(string method, string path)
    {
        var index = _scriptedHeaders.FindIndex(s => s.Method == method && path.StartsWith(s.PathPrefix, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var headers = _scriptedHeaders[index];
        _scriptedHeaders.RemoveAt(index);
        return headers;
    }

    private Reply GatewayBotReply() => new(200, new JsonObject
    {
        ["url"] = GatewayUrl.AbsoluteUri,
        ["shards"] = 1,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = 1000 - _identifies.Count,
            ["reset_after"] = 86_400_000,
            ["max_concurrency"] = 1,
        },
    });

    private Reply GetUserLocked(string userId) => _users.TryGetValue(userId, out var user)
        ? new Reply(200, UserJson(user))
        : new Reply(404, Error(10013, "Unknown User"));

    private Reply GetChannelLocked(string channelId)
    {
        if (_users.Values.FirstOrDefault(user => user.DmChannelId == channelId) is { } dmUser)
        {
            return new Reply(200, DmChannelJson(dmUser));
        }

        return _guildChannels.TryGetValue(channelId, out var channel)
            ? new Reply(200, new JsonObject
            {
                ["id"] = channel.Id,
                ["type"] = 0,
                ["name"] = channel.Name,
                ["guild_id"] = channel.GuildId,
                ["position"] = 0,
                ["permission_overwrites"] = new JsonArray(),
            })
            : new Reply(404, Error(10003, "Unknown Channel"));
    }

    // The channel's history as Discord pages it: with ?after=, the oldest messages after that id, newest first.
    private Reply GetMessagesLocked(string channelId)
    {
        if (GetChannelLocked(channelId) is { Status: not 200 } unknown)
        {
            return unknown;
        }

        var query = _currentQuery;
        var after = ulong.TryParse(query["after"], CultureInfo.InvariantCulture, out var a) ? a : 0;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 50;
        var history = _messages.Where(m => m.ChannelId == channelId).Select(m => m.Json)
            .Concat(_userMessages.Where(m => m["channel_id"]!.GetValue<string>() == channelId))
            .Select(json => (Id: ulong.Parse(json["id"]!.GetValue<string>(), CultureInfo.InvariantCulture), Json: json))
            .Where(m => m.Id > after)
            .OrderBy(m => m.Id)
            .Take(limit)
            .OrderByDescending(m => m.Id);
        return new Reply(200, new JsonArray([.. history.Select(m => m.Json.DeepClone())]));
    }

    private static JsonObject DmChannelJson(FakeDiscordUser user) => new()
    {
        ["id"] = user.DmChannelId,
        ["type"] = 1,
        ["last_message_id"] = null,
        ["flags"] = 0,
        ["recipients"] = new JsonArray(UserJson(user)),
    };

    private Reply CreateDmLocked(JsonNode? json)
    {
        var recipient = json?["recipient_id"]?.GetValue<string>();
        if (recipient is null)
        {
            return InvalidForm("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
        }

        if (!_users.TryGetValue(recipient, out var user))
        {
            return new Reply(404, Error(10013, "Unknown User"));
        }

        return new Reply(200, DmChannelJson(user));
    }

    private Reply CreateMessageLocked(string channelId, JsonNode? json)
    {
        var dmUser = _users.Values.FirstOrDefault(user => user.DmChannelId == channelId);
        if (dmUser is null && !_guildChannels.ContainsKey(channelId))
        {
            return new Reply(404, Error(10003, "Unknown Channel"));
        }

        if (json is not JsonObject body)
        {
            return new Reply(400, Error(50006, "Cannot send an empty message"));
        }

        if (ValidateMessage(body, requireContent: true) is { } invalid)
        {
            return invalid;
        }

        if (dmUser is not null && _dmsClosed.Contains(dmUser.Id))
        {
            return new Reply(403, Error(50007, "Cannot send messages to this user"));
        }

        var message = AddMessageLocked(channelId, FakeMessageSource.Channel, null, body);
        if (_currentSession is { } session)
        {
            var isDm = dmUser is not null;
            var wanted = isDm ? DirectMessagesIntent : GuildMessagesIntent;
            if ((session.Intents & wanted) != 0)
            {
                var dispatched = (JsonObject)message.Json.DeepClone();
                dispatched["channel_type"] = isDm ? 1 : 0;
                if (!isDm)
                {
                    dispatched["guild_id"] = _guildChannels[channelId].GuildId;
                }

                EmitLocked(session, "MESSAGE_CREATE", dispatched);
            }
        }

        return new Reply(200, message.Json.DeepClone());
    }

    /// <summary>Checks a message body as Discord would; null when it is fine.</summary>
    private static Reply? ValidateMessage(JsonObject body, bool requireContent)
    {
        var content = body["content"]?.GetValue<string>();
        if (content is { Length: > MaxContentLength })
        {
            return InvalidForm("content", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxContentLength} or fewer in length.");
        }

        var embeds = body["embeds"] as JsonArray;
        if (embeds is { Count: > 10 })
        {
            return InvalidForm("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        }

        var embedText = 0;
        for (var i = 0; i < (embeds?.Count ?? 0); i++)
        {
            var title = embeds![i]?["title"]?.GetValue<string>() ?? string.Empty;
            var description = embeds[i]?["description"]?.GetValue<string>() ?? string.Empty;
            if (title.Length > 256)
            {
                return InvalidForm($"embeds.{i}.title", "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.");
            }

            if (description.Length > 4096)
            {
                return InvalidForm(
                    $"embeds.{i}.description",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 4096 or fewer in length.");
            }

            embedText += title.Length + description.Length;
        }

        if (embedText > 6000)
        {
            return InvalidForm("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }

        var components = body["components"] as JsonArray;
        if (ValidateComponents(components) is { } badComponents)
        {
            return badComponents;
        }

        var hasSomething = !string.IsNullOrEmpty(content)
            || embeds is { Count: > 0 }
            || components is { Count: > 0 }
            || body["sticker_ids"] is JsonArray { Count: > 0 }
            || body["attachments"] is JsonArray { Count: > 0 }
            || body["poll"] is not null;
        return requireContent && !hasSomething ? new Reply(400, Error(50006, "Cannot send an empty message")) : null;
    }

    private static Reply? ValidateComponents(JsonArray? rows)
    {
        if (rows is null)
        {
            return null;
        }

        if (rows.Count > 5)
        {
            return InvalidForm("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r]?["type"]?.GetValue<int>() != 1 || rows[r]?["components"] is not JsonArray children)
            {
                return InvalidForm(
                    $"components.{r}",
                    "UNION_TYPE_CHOICES",
                    "Value of field \"type\" must be one of (1,).");
            }

            if (children.Count is 0 or > 5)
            {
                return InvalidForm(
                    $"components.{r}.components",
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 5 in length.");
            }

            for (var c = 0; c < children.Count; c++)
            {
                var child = children[c]!;
                var at = $"components.{r}.components.{c}";
                var style = child["style"]?.GetValue<int>() ?? 0;
                var customId = child["custom_id"]?.GetValue<string>();
                var label = child["label"]?.GetValue<string>();
                if (child["type"]?.GetValue<int>() != 2)
                {
                    continue;
                }

                if (label is { Length: > 80 })
                {
                    return InvalidForm($"{at}.label", "BASE_TYPE_MAX_LENGTH", "Must be 80 or fewer in length.");
                }

                if (style == 5)
                {
                    if (child["url"] is null)
                    {
                        return InvalidForm($"{at}.url", "BASE_TYPE_REQUIRED", "This field is required");
                    }

                    continue;
                }

                if (customId is null or { Length: 0 or > MaxCustomIdLength })
                {
                    return InvalidForm(
                        $"{at}.custom_id",
                        "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 100 in length.");
                }

                if (!customIds.Add(customId))
                {
                    return InvalidForm(
                        $"{at}.custom_id",
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated");
                }
            }
        }

        return null;
    }

    private Reply OverwriteCommandsLocked(string applicationId, string? guildId, JsonNode? json)
    {
        if (applicationId != ApplicationId)
        {
            return new Reply(403, Error(50001, "Missing Access"));
        }

        if (guildId is not null && !_guilds.ContainsKey(guildId))
        {
            return new Reply(403, Error(50001, "Missing Access"));
        }

        if (json is not JsonArray commands)
        {
            return InvalidForm("_root", "ARRAY_TYPE_INVALID", "Must be an array.");
        }

        var echoed = new JsonArray();
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is not JsonObject command)
            {
                return InvalidForm($"{i}", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            }

            if (ValidateCommand(command, $"{i}") is { } invalid)
            {
                return invalid;
            }

            var copy = (JsonObject)command.DeepClone();
            copy["id"] = NextSnowflakeLocked();
            copy["application_id"] = ApplicationId;
            copy["version"] = NextSnowflakeLocked();
            copy["type"] ??= 1;
            if (guildId is not null)
            {
                copy["guild_id"] = guildId;
            }

            echoed.Add(copy);
        }

        if (guildId is null)
        {
            _globalCommands = (JsonArray)echoed.DeepClone();
            _globalCommandWrites.Add((JsonArray)echoed.DeepClone());
        }
        else
        {
            _guildCommands[guildId] = (JsonArray)echoed.DeepClone();
        }

        return new Reply(200, echoed);
    }

    private static Reply? ValidateCommand(JsonObject command, string at)
    {
        var type = command["type"]?.GetValue<int>() ?? 1;
        var name = command["name"]?.GetValue<string>() ?? string.Empty;
        if (type == 1 && (!CommandNamePattern().IsMatch(name) || name.Any(char.IsUpper)))
        {
            return InvalidForm($"{at}.name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }

        var description = command["description"]?.GetValue<string>() ?? string.Empty;
        if (type == 1 && description.Length is < 1 or > 100)
        {
            return InvalidForm($"{at}.description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }

        return ValidateOptions(command["options"] as JsonArray, $"{at}.options");
    }

    private static Reply? ValidateOptions(JsonArray? options, string at)
    {
        if (options is null)
        {
            return null;
        }

        if (options.Count > 25)
        {
            return InvalidForm(at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        var seenOptional = false;
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i] as JsonObject;
            var name = option?["name"]?.GetValue<string>() ?? string.Empty;
            var description = option?["description"]?.GetValue<string>() ?? string.Empty;
            var required = option?["required"]?.GetValue<bool>() ?? false;
            var choices = option?["choices"] as JsonArray;
            if (!CommandNamePattern().IsMatch(name) || name.Any(char.IsUpper))
            {
                return InvalidForm($"{at}.{i}.name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }

            if (description.Length is < 1 or > 100)
            {
                return InvalidForm(
                    $"{at}.{i}.description",
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.");
            }

            if (required && seenOptional)
            {
                return InvalidForm(
                    $"{at}.{i}.required",
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options");
            }

            seenOptional |= !required;
            if (choices is { Count: > 25 })
            {
                return InvalidForm($"{at}.{i}.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }

            if (choices is { Count: > 0 } && option?["autocomplete"]?.GetValue<bool>() == true)
            {
                return InvalidForm(
                    $"{at}.{i}.autocomplete",
                    "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID",
                    "Autocomplete cannot be set with choices");
            }

            if (option?["max_length"]?.GetValue<int>() is < 1 or > 6000)
            {
                return InvalidForm(
                    $"{at}.{i}.max_length",
                    "NUMBER_TYPE_MAX",
                    "int value should be between 1 and 6000.");
            }

            if (ValidateOptions(option?["options"] as JsonArray, $"{at}.{i}.options") is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private sealed record Reply(int Status, JsonNode? Body)
    {
        public string? Text { get; init; }

        public (TimeSpan RetryAfter, bool Global)? RateLimit { get; init; }

        public int? Remaining { get; init; }

        public TimeSpan? ResetAfter { get; init; }
    }

    private sealed record ScriptedReply(
        string Method,
        string PathPrefix,
        int Times,
        int Status,
        int Code,
        string Message,
        string? ErrorsJson,
        TimeSpan? RetryAfter,
        bool Global)
    {
        public bool Matches(string method, string path) =>
            Method == method && path.StartsWith(PathPrefix, StringComparison.Ordinal);
    }

    private sealed record ScriptedHeaders(string Method, string PathPrefix, int Remaining, TimeSpan ResetAfter);
}
