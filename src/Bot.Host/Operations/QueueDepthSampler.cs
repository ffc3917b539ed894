using Bot.Host.Storage;

namespace Bot.Host.Operations;

/// <summary>
/// Reads the queue depths for the gauges right before a scrape is exported. The database is the only place that
/// knows them once several nodes share it (one node takes an update in, another may handle it), and two indexed
/// counts per scrape cost far less than keeping in-memory counters right across nodes and restarts.
/// </summary>
internal sealed class QueueDepthSampler(IServiceScopeFactory scopes, BotMetrics metrics, ILogger<QueueDepthSampler> logger)
{
    public async Task SampleAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            metrics.Depths(await scope.ServiceProvider.GetRequiredService<QueueDepthStore>().ReadAsync(ct)
                .ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The scrape still answers, with the last depths read; /readyz says what is wrong with the database.
            logger.LogWarning("Reading the queue depths for /metrics failed: {Error}", ex.GetType().Name);
        }
    }
}
