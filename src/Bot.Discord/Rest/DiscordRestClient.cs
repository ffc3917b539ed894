using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Discord.Rest;

/// <summary>
/// The Discord REST API v10 calls the bot makes. Waits for known rate limits before sending, never retries:
/// a 429 becomes <see cref="DiscordRateLimitedException"/>, other errors <see cref="DiscordApiException"/>, and
/// network failures stay <see cref="HttpRequestException"/>.
/// </summary>
public sealed class DiscordRestClient : IDisposable
{
    internal const int GlobalRequestsPerSecond = 50;

    /// <summary>Longest message content Discord accepts.</summary>
    public const int MaxContentLength = 2000;

    /// <summary>Files one message may carry.</summary>
    public const int MaxFilesPerMessage = 10;

    /// <summary>Discord's default upload cap per request (servers without boosts): 10 MiB.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    private const int MaxErrorTextLength = 300;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly DiscordClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _apiBase;
    private readonly RestRateLimiter _limiter;

    public DiscordRestClient(
        HttpClient http,
        DiscordClientOptions options,
        TimeProvider? time = null,
        ILogger<DiscordRestClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _apiBase = options.ResolveApiBase();
        _limiter = new RestRateLimiter(_time, GlobalRequestsPerSecond);
    }

    /// <summary>The REST base every call goes to, always ending in "/api/v10/".</summary>
    public Uri ApiBase => _apiBase;

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Bot(HttpMethod.Get, "gateway/bot", "gateway/bot"),
            null,
            DiscordJsonContext.Default.GatewayBotInfo,
            cancellationToken);

    /// <summary>
    /// The gateway URL from <c>GET /gateway/bot</c>; fits <see cref="DiscordClientOptions.GatewayUrlResolver"/>.
    /// </summary>
    public async Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken = default)
    {
        var info = await GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        return new Uri(info.Url, UriKind.Absolute);
    }

    public Task<DiscordApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Bot(HttpMethod.Get, "applications/@me", "applications/@me"),
            null,
            DiscordJsonContext.Default.DiscordApplication,
            cancellationToken);

    /// <summary>Opens (or returns the existing) DM channel with a user.</summary>
    public Task<DiscordChannel> CreateDmAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new CreateDmRequest(userId),
            InternalJsonContext.Default.CreateDmRequest);
        return SendAsync(
            RestRoute.Bot(HttpMethod.Post, "users/@me/channels", "users/@me/channels"),
            body,
            DiscordJsonContext.Default.DiscordChannel,
            cancellationToken);
    }

    public Task<DiscordMessage> CreateMessageAsync(
        string channelId,
        MessageCreate message,
        CancellationToken cancellationToken = default) =>
        CreateMessageAsync(channelId, message, [], cancellationToken);

    /// <summary>A channel message with files (multipart/form-data: <c>payload_json</c> and <c>files[n]</c>).</summary>
    /// <exception cref="ArgumentException">Too long a content, too many files or more than <see cref="MaxUploadBytes"/>.</exception>
    public Task<DiscordMessage> CreateMessageAsync(
        string channelId,
        MessageCreate message,
        IReadOnlyList<FileUpload> files,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(message);
        return SendMessageAsync(
            RestRoute.Bot(
                HttpMethod.Post,
                "channels/{channel_id}/messages",
                $"channels/{Escape(channelId)}/messages",
                channelId),
            message,
            files,
            cancellationToken);
    }

    /// <summary>Replaces every global command with <paramref name="commands"/>.</summary>
    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        string applicationId,
        IReadOnlyList<ApplicationCommand> commands,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentNullException.ThrowIfNull(commands);
        return SendAsync(
            RestRoute.Bot(
                HttpMethod.Put,
                "applications/{application_id}/commands",
                $"applications/{Escape(applicationId)}/commands"),
            JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand),
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand,
            cancellationToken);
    }

    /// <summary>Replaces every command of one guild; unlike global ones they show up there at once.</summary>
    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        string applicationId,
        string guildId,
        IReadOnlyList<ApplicationCommand> commands,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentException.ThrowIfNullOrEmpty(guildId);
        ArgumentNullException.ThrowIfNull(commands);
        return SendAsync(
            RestRoute.Bot(
                HttpMethod.Put,
                "applications/{application_id}/guilds/{guild_id}/commands",
                $"applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands",
                guildId),
            JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand),
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand,
            cancellationToken);
    }

    /// <summary>
    /// The first answer to an interaction; it must reach Discord within 3 s of the event and only once
    /// (10062 when late, 40060 when repeated). Authenticated by the interaction token, so no bot token is sent.
    /// </summary>
    public async Task CreateInteractionResponseAsync(
        string interactionId,
        string token,
        InteractionResponse response,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionId);
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentNullException.ThrowIfNull(response);
        var route = RestRoute.InteractionToken(
            HttpMethod.Post,
            "interactions/{interaction_id}/{interaction_token}/callback",
            $"interactions/{Escape(interactionId)}/{Escape(token)}/callback",
            interactionId);
        var body = JsonSerializer.SerializeToUtf8Bytes(response, DiscordJsonContext.Default.InteractionResponse);
        using var reply = await SendRawAsync(route, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A further message for an interaction, valid for 15 minutes; flags 64 makes it ephemeral.</summary>
    public Task<DiscordMessage> CreateFollowupMessageAsync(
        string applicationId,
        string token,
        MessageCreate message,
        CancellationToken cancellationToken = default) =>
        CreateFollowupMessageAsync(applicationId, token, message, [], cancellationToken);

    /// <summary>A follow-up with files (multipart/form-data: <c>payload_json</c> and <c>files[n]</c>).</summary>
    /// <exception cref="ArgumentException">Too long a content, too many files or more than <see cref="MaxUploadBytes"/>.</exception>
    public Task<DiscordMessage> CreateFollowupMessageAsync(
        string applicationId,
        string token,
        MessageCreate message,
        IReadOnlyList<FileUpload> files,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentNullException.ThrowIfNull(message);
        return SendMessageAsync(
            RestRoute.InteractionToken(
                HttpMethod.Post,
                "webhooks/{application_id}/{interaction_token}",
                $"webhooks/{Escape(applicationId)}/{Escape(token)}",
                applicationId + "/" + token),
            message,
            files,
            cancellationToken);
    }

    /// <summary>Edits the first response; the way to finish after a deferred (type 5 or 6) answer.</summary>
    public Task<DiscordMessage> EditOriginalResponseAsync(
        string applicationId,
        string token,
        MessageCreate message,
        CancellationToken cancellationToken = default) =>
        EditOriginalResponseAsync(applicationId, token, message, [], cancellationToken);

    /// <summary>Edits the first response and attaches files (multipart/form-data).</summary>
    /// <exception cref="ArgumentException">Too long a content, too many files or more than <see cref="MaxUploadBytes"/>.</exception>
    public Task<DiscordMessage> EditOriginalResponseAsync(
        string applicationId,
        string token,
        MessageCreate message,
        IReadOnlyList<FileUpload> files,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentNullException.ThrowIfNull(message);
        return SendMessageAsync(
            RestRoute.InteractionToken(
                HttpMethod.Patch,
                "webhooks/{application_id}/{interaction_token}/messages/@original",
                $"webhooks/{Escape(applicationId)}/{Escape(token)}/messages/@original",
                applicationId + "/" + token),
            message,
            files,
            cancellationToken);
    }

    /// <summary>Checks an upload against Discord's limits before anything is sent; null when it fits.</summary>
    public static string? CheckLimits(MessageCreate message, IReadOnlyList<FileUpload> files)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(files);
        if (message.Content is { Length: > MaxContentLength } content)
        {
            return $"The message content has {content.Length} characters; Discord accepts at most {MaxContentLength}.";
        }

        if (files.Count > MaxFilesPerMessage)
        {
            return $"The message has {files.Count} files; Discord accepts at most {MaxFilesPerMessage} per message.";
        }

        var total = files.Sum(f => (long)f.Content.Length);
        return total > MaxUploadBytes
            ? $"The files add up to {total} bytes; Discord accepts at most {MaxUploadBytes} bytes (10 MiB) per upload."
            : null;
    }

    public void Dispose() => _limiter.Dispose();

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    // Discord reads the JSON body from the payload_json part and each file from files[n], matching attachments[].id.
    private static MultipartFormDataContent Multipart(byte[] payload, IReadOnlyList<FileUpload> files)
    {
        var form = new MultipartFormDataContent();
        var json = new ByteArrayContent(payload);
        json.Headers.ContentType = JsonMediaType;
        form.Add(json, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(files[i].ContentType);
            form.Add(file, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }

        return form;
    }

    private static string Truncate(string text) =>
        text.Length <= MaxErrorTextLength ? text : text[..MaxErrorTextLength] + "…";

    private Task<DiscordMessage> SendMessageAsync(
        RestRoute route,
        MessageCreate message,
        IReadOnlyList<FileUpload> files,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        // Without files Discord's own 50035 explains a bad body; an oversized upload is better refused unsent.
        if (files.Count > 0 && CheckLimits(message, files) is { } tooMuch)
        {
            throw new ArgumentException(tooMuch, nameof(files));
        }

        var payload = files.Count == 0 || message.Attachments is not null
            ? message
            : message with { Attachments = [.. files.Select((file, i) => new AttachmentInfo(i, file.FileName))] };
        return SendAsync(
            route,
            JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJsonContext.Default.MessageCreate),
            files,
            DiscordJsonContext.Default.DiscordMessage,
            cancellationToken);
    }

    private Task<T> SendAsync<T>(
        RestRoute route,
        byte[]? body,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken) =>
        SendAsync(route, body, [], responseType, cancellationToken);

    private async Task<T> SendAsync<T>(
        RestRoute route,
        byte[]? body,
        IReadOnlyList<FileUpload> files,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(route, body, files, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, responseType)
                ?? throw new DiscordApiException((int)response.StatusCode, 0, "Discord returned an empty body.", null);
        }
        catch (JsonException exception)
        {
            throw new DiscordApiException(
                (int)response.StatusCode,
                0,
                $"Discord returned a body that is not a {typeof(T).Name}: {exception.Message}",
                null,
                exception);
        }
    }

    private Task<HttpResponseMessage> SendRawAsync(
        RestRoute route,
        byte[]? body,
        CancellationToken cancellationToken) =>
        SendRawAsync(route, body, [], cancellationToken);

    private async Task<HttpResponseMessage> SendRawAsync(
        RestRoute route,
        byte[]? body,
        IReadOnlyList<FileUpload> files,
        CancellationToken cancellationToken)
    {
        await _limiter.WaitAsync(route, cancellationToken).ConfigureAwait(false);

        using var request = new HttpRequestMessage(route.Method, new Uri(_apiBase, route.Path));
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        if (route.UsesBotToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        }

        if (files.Count > 0)
        {
            request.Content = Multipart(body ?? "{}"u8.ToArray(), files);
        }
        else if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        var response = await _http
            .SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            _limiter.Update(route, response.Headers);
            if (response.IsSuccessStatusCode)
            {
                _logger.LogDebug("Discord {Route} answered {Status}", route.RouteKey, (int)response.StatusCode);
                return response;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw await RateLimitedAsync(route, response, cancellationToken).ConfigureAwait(false);
            }

            throw await ApiErrorAsync(route, response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<DiscordRateLimitedException> RateLimitedAsync(
        RestRoute route,
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        RateLimitBody? body = null;
        try
        {
            body = text.Length == 0
                ? null
                : JsonSerializer.Deserialize(text, InternalJsonContext.Default.RateLimitBody);
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 is HTML; the headers below still tell us how long to wait.
        }

        var globalHeader = RestRateLimiter.Header(response.Headers, "X-RateLimit-Global");
        var isGlobal = body?.Global == true || string.Equals(globalHeader, "true", StringComparison.OrdinalIgnoreCase);
        var retryAfter = body?.RetryAfter is { } seconds
            ? TimeSpan.FromSeconds(Math.Max(0, seconds))
            : RestRateLimiter.SecondsHeader(response.Headers, "Retry-After")
                ?? RestRateLimiter.SecondsHeader(response.Headers, "X-RateLimit-Reset-After")
                ?? TimeSpan.FromSeconds(1);
        _limiter.RecordRateLimited(route, retryAfter, isGlobal);
        _logger.LogWarning(
            "Discord rate limited {Route} (global: {IsGlobal}, scope: {Scope}); retry after {RetryAfter}",
            route.RouteKey,
            isGlobal,
            RestRateLimiter.Header(response.Headers, "X-RateLimit-Scope") ?? "unknown",
            retryAfter);
        return new DiscordRateLimitedException(retryAfter, isGlobal);
    }

    private async Task<DiscordApiException> ApiErrorAsync(
        RestRoute route,
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        DiscordErrorBody? body = null;
        try
        {
            body = text.Length == 0
                ? null
                : JsonSerializer.Deserialize(text, InternalJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            // Not Discord's JSON (a proxy or Cloudflare page): keep the start of the text as the message.
        }

        var fallback = text.Length > 0
            ? Truncate(text)
            : response.ReasonPhrase ?? status.ToString(CultureInfo.InvariantCulture);
        var message = body?.Message ?? fallback;
        var errors = body?.Errors is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } element
            ? element.GetRawText()
            : null;
        _logger.LogWarning(
            "Discord {Route} failed: HTTP {Status}, code {Code}: {Message}",
            route.RouteKey,
            status,
            body?.Code ?? 0,
            message);
        return new DiscordApiException(status, body?.Code ?? 0, message, errors);
    }
}
