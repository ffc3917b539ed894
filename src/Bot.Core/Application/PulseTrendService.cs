using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/trend: both partners' weekly pulse over the last weeks, as a chart.</summary>
public sealed class PulseTrendService(
    IPulseRepository pulses,
    RoundService roundService,
    IPulseChart chart,
    Messenger messenger,
    TimeProvider time)
{
    public const int DefaultWeeks = 12;
    public const int MinWeeks = 4;
    public const int MaxWeeks = 52;

    /// <summary>/trend [weeks] (the catalog has checked the bounds).</summary>
    public async Task TrendAsync(Conversation c, Couple couple, int? weeksAsked, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var weeks = weeksAsked ?? DefaultWeeks;

        var now = time.GetUtcNow();
        var readings = await pulses.GetRevealedAsync(couple.Id, now.AddDays(-7 * (weeks + 1)), ct)
            .ConfigureAwait(false);
        var (a, b) = await roundService.PartnersAsync(couple, ct).ConfigureAwait(false);
        var trend = PulseTrend.Build(readings, a, b, couple.TimeZone, now, weeks);
        if (!trend.HasEnoughData)
        {
            await messenger.ReplyAsync(c, Copy.TrendTooLittle(name, trend.WeeksWithData), ct).ConfigureAwait(false);
            return;
        }

        var png = chart.Render(trend);
        // The chart shows both partners' pulse: it goes with either one's /forget while it waits.
        await messenger.ReplyAsync(c, Copy.TrendCaption(a.DisplayName, b.DisplayName, weeks), ct, wordsOf: [a.Id, b.Id],
            attachment: new Attachment(AttachmentKind.Photo, "pulse.png", "image/png", png)).ConfigureAwait(false);
    }
}
