using System.Diagnostics;
using System.Diagnostics.Metrics;
using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Host.Operations;

/// <summary>
/// The bot's one <see cref="Meter"/> ("BotSuite"): what arrives and how fast it is handled, what goes out and how
/// often a platform asks us to slow down, what the minute sweep finds, and how deep the two queues are. Recording
/// costs next to nothing while nobody listens; <c>/metrics</c> exports it through OpenTelemetry.
/// </summary>
internal sealed class BotMetrics
{
    public const string MeterName = "BotSuite";

    private readonly Counter<long> _received;
    private readonly Counter<long> _processed;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _notSent;
    private readonly Histogram<double> _sweepDuration;
    private readonly Counter<long> _sweepItems;
    private QueueDepths? _depths;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("botsuite.updates.received", "{update}",
            "Updates taken into the inbox (redeliveries of one already taken are not counted).");
        _processed = meter.CreateCounter<long>("botsuite.updates.processed", "{update}",
            "Updates handled, or set aside with an apology after repeated failures (outcome).");
        _latency = meter.CreateHistogram<double>("botsuite.updates.latency", "s",
            "From taking an update into the inbox (or finding it there after a start) to having handled it.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
            });
        _sent = meter.CreateCounter<long>("botsuite.messages.sent", "{message}",
            "Messages (or parts of long ones) the platform accepted.");
        _rateLimited = meter.CreateCounter<long>("botsuite.messages.rate_limited", "{response}",
            "Sends the platform answered with 429 (scope: chat or bot).");
        _notSent = meter.CreateCounter<long>("botsuite.messages.failed", "{response}",
            "Sends that failed otherwise (result: failed, rejected, unreachable, moved).");
        _sweepDuration = meter.CreateHistogram<double>("botsuite.sweep.duration", "s",
            "How long one minute sweep took, all steps.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60],
            });
        _sweepItems = meter.CreateCounter<long>("botsuite.sweep.items", "{item}",
            "Items the sweep found due and handled (item: check_in_opened, reminded, expired, ..., failed).");
        meter.CreateObservableGauge("botsuite.inbox.depth", () => Observe(d => [new(d.Inbox)]), "{update}",
            "Updates stored and not yet handled, all nodes together (read from the database at each scrape).");
        meter.CreateObservableGauge("botsuite.outbox.depth", () => Observe(d =>
            [
                new(d.Replies, new KeyValuePair<string, object?>("lane", "reply")),
                new(d.Background, new KeyValuePair<string, object?>("lane", "background")),
            ]), "{message}",
            "Messages waiting to be sent, all nodes together, by lane (read from the database at each scrape).");
    }

    public void UpdateReceived(Platform platform) => _received.Add(1, Tag(platform));

    /// <summary>An update handled (or set aside); <paramref name="since"/> is when it was taken or found.</summary>
    public void UpdateProcessed(Platform platform, long since, bool setAside)
    {
        _processed.Add(1, Tag(platform), new("outcome", setAside ? "set_aside" : "handled"));
        _latency.Record(Stopwatch.GetElapsedTime(since).TotalSeconds, Tag(platform));
    }

    public void SendResult(Platform platform, DeliveryResult result)
    {
        switch (result)
        {
            case DeliveryResult.Delivered:
                _sent.Add(1, Tag(platform));
                break;
            case DeliveryResult.RateLimited limited:
                _rateLimited.Add(1, Tag(platform), new("scope", limited.OnlyThisChat ? "chat" : "bot"));
                break;
            default:
                _notSent.Add(1, Tag(platform), new("result", result.GetType().Name.ToLowerInvariant()));
                break;
        }
    }

    public void Swept(TimeSpan duration, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _sweepDuration.Record(duration.TotalSeconds);
        Count("cooldown_ended", report.CooldownsEnded);
        Count("check_in_opened", report.CheckInsOpened);
        Count("check_in_missed", report.CheckInsMissed);
        Count("reminded", report.Reminded);
        Count("expired", report.Expired);
        Count("note_delivered", report.NotesDelivered);
        Count("first_time_proposed", report.FirstTimesProposed);
        Count("first_time_skipped", report.FirstTimesSkipped);
        Count("first_time_followed_up", report.FirstTimesFollowedUp);
        Count("held_answer_shared", report.HeldAnswersShared);
        Count("failed", report.Failures.Count);
    }

    /// <summary>The queue depths the gauges report until the next reading.</summary>
    public void Depths(QueueDepths depths) => _depths = depths;

    private void Count(string item, int count)
    {
        if (count > 0)
        {
            _sweepItems.Add(count, new KeyValuePair<string, object?>("item", item));
        }
    }

    private Measurement<long>[] Observe(Func<QueueDepths, Measurement<long>[]> read) =>
        _depths is { } depths ? read(depths) : [];

    private static KeyValuePair<string, object?> Tag(Platform platform) =>
        new("platform", platform.ToString().ToLowerInvariant());
}

/// <summary>How many updates wait in the inbox and messages in each lane of the outbox.</summary>
internal sealed record QueueDepths(long Inbox, long Replies, long Background);
