using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Host.Web;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Where Telegram POSTs updates in webhook mode (the path of <c>Telegram:WebhookUrl</c>). The secret header is
/// compared in constant time; an update is answered 200 only once it is committed to the inbox, so an error answer
/// makes Telegram send it again and nothing is lost (a redelivery is recognised by its update id).
/// </summary>
internal sealed class TelegramWebhookEndpoints(
    TelegramIntake intake,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookEndpoints> logger) : IHttpEndpoints
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Updates are a few kilobytes; anything far larger is not from Telegram.
    private const int MaxBodyBytes = 1 << 20;

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(TelegramWebhook.SecretOf(options.Value));

    public string Title => "Telegram webhook";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(options.Value.WebhookUrl!.AbsolutePath, (Func<HttpContext, Task<IResult>>)ReceiveAsync);
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        if (context.Request.Headers[SecretHeader] is not [{ Length: > 0 } given])
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _secret))
        {
            logger.LogWarning("Refused a webhook call with a wrong secret token from {Remote}",
                context.Connection.RemoteIpAddress);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (intake.Username is not { } username)
        {
            // Not yet started (another node registered the webhook): Telegram tries again shortly.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options,
                context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null)
        {
            return Results.BadRequest();
        }

        // Committed before answering; should the database fail, the 500 makes Telegram deliver it again.
        await intake.AcceptAsync(update, username, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok();
    }
}
