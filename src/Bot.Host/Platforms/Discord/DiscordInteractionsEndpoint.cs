using System.Text.Json;
using Bot.Host.Web;
using Discord;
using Discord.Net.Rest;
using Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// Discord's HTTP interactions (<c>Discord:PublicKey</c>, at <c>Discord:InteractionsPath</c>): every request's
/// Ed25519 signature is checked (401 when it does not match, as Discord requires), PING is answered with PONG, and a
/// command, button or form is stored and committed exactly as over the gateway before the acknowledgement goes back
/// as the HTTP response, well within Discord's three seconds. Replies then go through the stored token, from any
/// node. The gateway still runs for DMs.
/// </summary>
internal sealed class DiscordInteractionsEndpoint(
    DiscordInteractionIntake intake,
    IOptions<DiscordOptions> options,
    ILogger<DiscordInteractionsEndpoint> logger) : IHttpEndpoints, IDisposable
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    // Interactions carry resolved users and messages, yet stay far below this.
    private const int MaxBodyBytes = 1 << 20;

    private const string Pong = """{"type":1}""";

    private readonly DiscordOptions _settings = options.Value;

    private readonly Lock _gate = new();
    private Task? _login;

    // Reads signed payloads into interaction objects (which need to know the bot's own user, hence its login).
    private readonly DiscordRestClient _parser = new(new DiscordRestConfig
    {
        RestClientProvider = options.Value.ApiBaseUrl is { } apiBase
            ? _ => DefaultRestClientProvider.Instance(apiBase.ToString())
            : DefaultRestClientProvider.Instance,
        DefaultRetryMode = RetryMode.AlwaysFail,
    });

    public string Title => "Discord interactions endpoint";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(_settings.InteractionsPath, (Func<HttpContext, Task<IResult>>)ReceiveAsync);
        // Logged in ahead of the first interaction, which must be answered within three seconds.
        _ = IsLoggedInAsync();
    }

    public void Dispose() => _parser.Dispose();

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadAsync(context).ConfigureAwait(false);
        if (body is null
            || context.Request.Headers[SignatureHeader] is not [{ Length: > 0 } signature]
            || context.Request.Headers[TimestampHeader] is not [{ Length: > 0 } timestamp]
            || !IsSigned(signature, timestamp, body))
        {
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (IsPing(body))
        {
            return Results.Text(Pong, "application/json");
        }

        if (!await IsLoggedInAsync().ConfigureAwait(false))
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var interaction = await _parser.ParseHttpInteractionAsync(_settings.PublicKey, signature, timestamp, body,
            _ => false).ConfigureAwait(false);
        if (interaction is null || await intake.TakeAsync(interaction).ConfigureAwait(false) is not { } taken)
        {
            return Results.BadRequest();
        }

        string response;
        try
        {
            response = Acknowledgement(interaction, taken.Ack);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            // Past Discord's three seconds already: what the person did still counts, the replies go by DM.
            logger.LogWarning("Interaction {Id} could not be acknowledged in time: {Error}", interaction.Id, ex.Message);
            if (taken.Message is not null)
            {
                await intake.NotAcknowledgedAsync(interaction.Id).ConfigureAwait(false);
            }

            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        await intake.AcknowledgedAsync(interaction.Id, taken).ConfigureAwait(false);
        return Results.Text(response, "application/json");
    }

    private async Task<bool> IsLoggedInAsync()
    {
        Task login;
        lock (_gate)
        {
            login = _login is { IsFaulted: false, IsCanceled: false } pending
                ? pending
                : _login = _parser.LoginAsync(TokenType.Bot, _settings.Token);
        }

        try
        {
            await login.ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Tried again with the next interaction; Discord shows this one as failed.
            logger.LogWarning("Logging in to read HTTP interactions failed: {Error}", DiscordText.Redact(ex.Message));
            return false;
        }
    }

    private static async Task<byte[]?> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private bool IsSigned(string signature, string timestamp, byte[] body)
    {
        try
        {
            return _parser.IsValidHttpInteraction(_settings.PublicKey, signature, timestamp, body);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return false; // Not even hex of the right length.
        }
    }

    private static bool IsPing(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number
                && type.GetInt32() == (int)InteractionType.Ping;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The same acknowledgements the gateway path sends, as the JSON of the HTTP response.</summary>
    private static string Acknowledgement(RestInteraction interaction, DiscordAck ack) => (ack, interaction) switch
    {
        (DiscordAck.DeferReply reply, RestMessageComponent click) => click.DeferLoading(reply.Ephemeral),
        (DiscordAck.DeferReply reply, _) => interaction.Defer(reply.Ephemeral),
        (DiscordAck.DeferUpdate, _) => interaction.Defer(),
        (DiscordAck.AnswerForm form, _) => interaction.RespondWithModal(DiscordInteractionIntake.AnswerForm(form)),
        (DiscordAck.Suggestions suggestions, RestAutocompleteInteraction autocomplete) => autocomplete.Respond(
            suggestions.Values.Select(zone => new AutocompleteResult(zone, zone))),
        _ => throw new InvalidOperationException($"No acknowledgement for {ack.GetType().Name}."),
    };
}
