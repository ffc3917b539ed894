using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Host.Pipeline;
using Bot.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bot.Host.Platforms.Web;

/// <summary>
/// The playground over HTTP: the page, its event stream (server-sent events), what a pane types or presses, the
/// files the bot sent, and the time control (absent when real platforms share the process: the clock is real then).
/// </summary>
internal sealed partial class PlaygroundEndpoints(
    PlaygroundFeed feed,
    InboundPipeline pipeline,
    IHostApplicationLifetime lifetime,
    PlaygroundTime? time = null) : IHttpEndpoints
{
    private const int MaxNameLength = 40;

    // Far above what Core accepts as an answer: Core's own reply explains its limit better than an HTTP error.
    private const int MaxTextLength = 20_000;

    public string Title => "Playground: open it in your browser";

    public bool IsLocalOnly => true;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", () => Page("index.html", "text/html; charset=utf-8"));
        endpoints.MapGet("/playground.js", () => Page("playground.js", "text/javascript; charset=utf-8"));
        endpoints.MapGet("/playground.css", () => Page("playground.css", "text/css; charset=utf-8"));
        endpoints.MapGet("/events", Events);
        endpoints.MapGet("/files/{id}", (string id) => feed.File(id) is { } file
            ? Results.File(file.Content.ToArray(), file.ContentType,
                file.Kind == Core.Application.Messages.AttachmentKind.Document ? file.FileName : null)
            : Results.NotFound());
        endpoints.MapPost("/panes/{pane}/say", SayAsync);
        endpoints.MapPost("/panes/{pane}/press", PressAsync);
        endpoints.MapGet("/clock", ClockAsync);
        endpoints.MapPost("/clock/forward", (Func<HttpContext, Task<IResult>>)MoveForwardAsync);
    }

    private ServerSentEventsResult<string> Events(HttpContext context)
    {
        // EventSource sends the last id it saw when it reconnects; the page is then given only what it missed.
        var lastSeen = long.TryParse(context.Request.Headers["Last-Event-ID"], CultureInfo.InvariantCulture, out var id)
            ? id
            : 0;
        var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.RegisterForDispose(stopping);
        return TypedResults.ServerSentEvents(feed.StreamAsync(lastSeen, stopping.Token));
    }

    private async Task<IResult> SayAsync(string pane, HttpContext context)
    {
        if (!PaneId().IsMatch(pane) || await ReadAsync<SayRequest>(context).ConfigureAwait(false) is not { } request)
        {
            return Refused("That did not reach the bot: the page sent something it could not read.");
        }

        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            return Refused($"Type between 1 and {MaxTextLength} characters.");
        }

        feed.FromPerson(pane, text);
        await pipeline.AcceptAsync($"web:{Guid.NewGuid():N}", WebInbound.Typed(pane, NameOf(request.Name, pane), text),
            context.RequestAborted).ConfigureAwait(false);
        return Results.Accepted();
    }

    private async Task<IResult> PressAsync(string pane, HttpContext context)
    {
        if (!PaneId().IsMatch(pane)
            || await ReadAsync<PressRequest>(context).ConfigureAwait(false) is not { Payload.Length: > 0 } request)
        {
            return Refused("That button press did not reach the bot: the page sent something it could not read.");
        }

        await pipeline.AcceptAsync($"web:{Guid.NewGuid():N}",
            WebInbound.Pressed(pane, NameOf(request.Name, pane), request.Payload), context.RequestAborted)
            .ConfigureAwait(false);
        return Results.Accepted();
    }

    private async Task<IResult> ClockAsync(CancellationToken ct)
    {
        var next = time is null ? null : await time.NextCheckInAsync(ct).ConfigureAwait(false);
        return Results.Json(new ClockState(feed.Clock(), time is not null, next));
    }

    private async Task<IResult> MoveForwardAsync(HttpContext context)
    {
        if (time is null)
        {
            return Results.Conflict(new { error = "The clock is real while real platforms run in this process." });
        }

        var request = await ReadAsync<MoveRequest>(context).ConfigureAwait(false);
        TimeSpan by;
        switch (request?.To)
        {
            case "hour":
                by = TimeSpan.FromHours(1);
                break;
            case "day":
                by = TimeSpan.FromDays(1);
                break;
            case "next-checkin":
                if (await time.NextCheckInAsync(context.RequestAborted).ConfigureAwait(false) is not { } next)
                {
                    return Results.Conflict(new { error = "No check-in is scheduled yet: pair two panes first." });
                }

                var now = feed.Clock().Now;
                by = next > now ? next - now : TimeSpan.Zero;
                break;
            default:
                return Refused("The clock moves by \"hour\", \"day\" or \"next-checkin\".");
        }

        await time.MoveForwardAsync(by, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(feed.Clock());
    }

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        // JSON only: a page on another site cannot send it without the browser asking first (CORS preflight).
        if (!context.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await context.Request.ReadFromJsonAsync<T>(context.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult Refused(string why) => Results.BadRequest(new { error = why });

    private static string NameOf(string? name, string pane)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length == 0 ? pane : trimmed[..Math.Min(trimmed.Length, MaxNameLength)];
    }

    private static IResult Page(string name, string contentType)
    {
        var stream = typeof(PlaygroundEndpoints).Assembly.GetManifestResourceStream("Playground." + name)
            ?? throw new InvalidOperationException($"The playground's {name} is missing from the build.");
        return Results.Stream(stream, contentType);
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex PaneId();

    private sealed record SayRequest(string? Name, string? Text);

    private sealed record PressRequest(string? Name, string? Payload);

    private sealed record MoveRequest(string? To);

    private sealed record ClockState(FeedClock Clock, bool CanMove, DateTimeOffset? NextCheckIn);
}
