using Bot.Core.Application;
using Bot.Host.Delivery;
using Bot.Host.Operations;
using Bot.Host.Storage;

namespace Bot.Host.Scheduling;

/// <summary>
/// Core's <see cref="Sweep"/>, then the host's chores (forget old inbox keys, wake the sender), one run at a time:
/// the minute job runs it, and so does the playground each time its clock moves.
/// </summary>
internal sealed class SweepRunner(
    IServiceScopeFactory scopes,
    OutboxSignal outboxSignal,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<SweepRunner> logger) : IDisposable
{
    /// <summary>Processed inbox keys are kept this long to recognise a platform's re-delivery.</summary>
    private static readonly TimeSpan InboxRetention = TimeSpan.FromDays(2);

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Runs one sweep; failures are logged, never thrown (the next run comes anyway).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var report = await services.GetRequiredService<Sweep>().RunAsync(ct).ConfigureAwait(false);
            metrics.Swept(System.Diagnostics.Stopwatch.GetElapsedTime(started), report);
            await services.GetRequiredService<InboxStore>()
                .PurgeProcessedAsync(time.GetUtcNow() - InboxRetention, ct).ConfigureAwait(false);
            outboxSignal.Notify();
            Log(report);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sweep failed; the next one runs in a minute");
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

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
