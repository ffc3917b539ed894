using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>
/// Every minute: the <see cref="SweepRunner"/>. One job for all couples (no per-couple triggers), never two at once;
/// clustered Quartz runs it on exactly one node.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(SweepRunner runner) : IJob
{
    public static readonly JobKey Key = new("checkin-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(cancellationToken).ConfigureAwait(false);
}
