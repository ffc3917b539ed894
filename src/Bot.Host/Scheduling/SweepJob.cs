using Bot.Core.Application;
using Bot.Host.Delivery;
using Bot.Host.Storage;
using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>
/// Every minute: whatever check-ins, reminders, expiries, love notes and held answers are due. One job for all couples (no
/// per-couple triggers), never two at once; clustered Quartz runs it on exactly one node.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(
    CheckInSweeper sweeper,
    LoveNoteSweeper noteSweeper,
    CooldownSweeper cooldownSweeper,
    FirstTimeSweeper firstTimeSweeper,
    HeldAnswerSweeper heldSweeper,
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
            // Cool-downs end first: after downtime, a pause that ended days ago opens its come-back before the
            // check-in due now, which then gives way to it (instead of being opened and set aside at once).
            var cooldowns = await cooldownSweeper.RunAsync(cancellationToken).ConfigureAwait(false);
            var result = await sweeper.RunAsync(cancellationToken).ConfigureAwait(false);
            var notes = await noteSweeper.RunAsync(cancellationToken).ConfigureAwait(false);
            var firstTimes = await firstTimeSweeper.RunAsync(cancellationToken).ConfigureAwait(false);
            var held = await heldSweeper.RunAsync(cancellationToken).ConfigureAwait(false);
            await inbox.PurgeProcessedAsync(time.GetUtcNow() - InboxRetention, cancellationToken).ConfigureAwait(false);
            outboxSignal.Notify();
            foreach (var (item, error) in result.Failures.Concat(notes.Failures).Concat(cooldowns.Failures)
                         .Concat(firstTimes.Failures).Concat(held.Failures))
            {
                logger.LogError(error, "Sweep could not handle the {Item}", item);
            }

            if (result.CheckInsOpened + result.CheckInsMissed + result.Reminded + result.Expired > 0)
            {
                logger.LogInformation(
                    "Sweep: {Opened} check-ins opened, {Missed} missed while down, {Reminded} reminded, {Expired} expired",
                    result.CheckInsOpened, result.CheckInsMissed, result.Reminded, result.Expired);
            }

            if (notes.Delivered > 0)
            {
                logger.LogInformation("Sweep: {Delivered} love notes delivered", notes.Delivered);
            }

            if (cooldowns.Ended + firstTimes.Proposed + firstTimes.Skipped + firstTimes.FollowedUp > 0)
            {
                logger.LogInformation(
                    "Sweep: {Ended} cool-downs ended, {Proposed} first times proposed ({Skipped} skipped or moved), {FollowedUp} followed up",
                    cooldowns.Ended, firstTimes.Proposed, firstTimes.Skipped, firstTimes.FollowedUp);
            }

            if (held.Delivered > 0)
            {
                logger.LogInformation("Sweep: {Delivered} held answers shared", held.Delivered);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sweep failed; the next one runs in a minute");
        }
    }
}
