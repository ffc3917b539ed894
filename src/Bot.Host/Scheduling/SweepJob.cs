using Bot.Core.Application;
using Bot.Host.Delivery;
using Bot.Host.Storage;
using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>
/// Every minute: Core's <see cref="Sweep"/>, then the host's chores (forget old inbox keys, wake the sender). One job
/// for all couples (no per-couple triggers), never two at once; clustered Quartz runs it on exactly one node.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(
    Sweep sweep,
    InboxStore inbox,
    OutboxSignal outboxSignal,
    TimeProvider time,
    ILogger<SweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("checkin-sweep");

    /// <summary>Processed inbox keys are kept this long to recognise a platform's re-delivery.</summary>
    private static readonly TimeSpan InboxRetention = TimeSpan.FromDays(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var report = await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
            await inbox.PurgeProcessedAsync(time.GetUtcNow() - InboxRetention, cancellationToken).ConfigureAwait(false);
            outboxSignal.Notify();
            Log(report);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sweep failed; the next one runs in a minute");
        }
    }

    private void Log(SweepReport report)
    {
        foreach (var (item, error) in report.Failures)
        {
            logger.LogError(error, "Sweep could not handle the {Item}", item);
        }

        if (!report.DidAnything)
        {
            return;
        }

        logger.LogInformation(
            "Sweep: {Ended} cool-downs ended; {Opened} check-ins opened, {Missed} missed while down, {Reminded} reminded, "
            + "{Expired} expired; {Notes} love notes delivered; {Proposed} first times proposed ({Skipped} skipped or "
            + "moved), {FollowedUp} followed up; {Held} held answers shared",
            report.CooldownsEnded, report.CheckInsOpened, report.CheckInsMissed, report.Reminded, report.Expired,
            report.NotesDelivered, report.FirstTimesProposed, report.FirstTimesSkipped, report.FirstTimesFollowedUp,
            report.HeldAnswersShared);
    }
}
