using System.Net;
using Bot.Core.Ports;
using Discord;
using Discord.Net;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// One REST call through Discord.Net, the one place that sets its <see cref="RequestOptions"/>: no retry inside the
/// library (a 429 comes straight back, and the outbox decides how long to wait and for whom), and the rate-limit
/// headers of the reply kept so a 429 can be told apart: the whole bot (global) or only this route.
/// </summary>
internal sealed class DiscordCall
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private IRateLimitInfo? _limit;

    public DiscordCall(CancellationToken ct = default) => Options = new RequestOptions
    {
        RetryMode = RetryMode.AlwaysFail,
        CancelToken = ct,
        RatelimitCallback = info =>
        {
            _limit = info;
            return Task.CompletedTask;
        },
    };

    public RequestOptions Options { get; }

    /// <summary>
    /// For acknowledging an interaction: the three seconds Discord allows are better spent waiting out a
    /// momentary bucket inside the library (interaction callbacks do not count against the bot's global limit)
    /// than failing the acknowledgement, so these may wait, but never past the deadline.
    /// </summary>
    public static RequestOptions Acknowledgement() => new()
    {
        RetryMode = RetryMode.RetryRatelimit,
        Timeout = 2500,
    };

    /// <summary>How a failed send went, for the outbox; null for an exception that is not Discord's answer.</summary>
    public DeliveryResult? Outcome(Exception exception) => exception switch
    {
        RateLimitedException => new DeliveryResult.RateLimited(RetryAfter()) { OnlyThisChat = _limit?.IsGlobal != true },
        HttpException http => Outcome((int)http.HttpCode, (int?)http.DiscordCode, http.Reason ?? http.Message),
        HttpRequestException or TimeoutException or IOException => new DeliveryResult.Failed(exception.GetType().Name),
        _ => null,
    };

    /// <summary>How an HTTP answer from Discord (status and JSON error code) counts for the outbox.</summary>
    public static DeliveryResult Outcome(int status, int? code, string reason) => (status, code) switch
    {
        // Cannot send messages to this user / missing access / unknown channel or user: they left or closed DMs.
        (_, 50007 or 50001 or 10003 or 10013) or ((int)HttpStatusCode.Forbidden, _) =>
            new DeliveryResult.Unreachable($"{code} {reason}"),
        ( >= 500, _) => new DeliveryResult.Failed($"{status} {reason}"),
        _ => new DeliveryResult.Rejected($"{code} {reason}"),
    };

    private TimeSpan RetryAfter()
    {
        if (_limit is { RetryAfter: { } seconds })
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return _limit?.ResetAfter is { } reset && reset > TimeSpan.Zero ? reset : DefaultRetryAfter;
    }
}
