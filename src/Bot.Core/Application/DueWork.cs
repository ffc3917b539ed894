using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// Works through whatever is due in batches, each item in its own transaction. The query gives only ids: each
/// item is read afresh inside its transaction, so it is handled as it is now (not as it was when the query ran),
/// and an item that cannot be read (a damaged row) fails alone. A failing item is reported and skipped for the rest
/// of the run, so it cannot stall the others; it is tried again by the next sweep.
/// </summary>
internal static class DueWork
{
    public const int BatchSize = 200;

    public static async Task DrainAsync<T>(
        IUnitOfWork unitOfWork,
        Func<int, Task<IReadOnlyList<long>>> findDue,
        Func<long, CancellationToken, Task<T?>> load,
        Func<T, CancellationToken, Task> handle,
        string what,
        List<(string Item, Exception Error)> failures,
        CancellationToken ct)
        where T : class
    {
        // Each id is taken once per run, whether it failed, was handled or turned out not to be due after all.
        var seen = new HashSet<long>();
        while (true)
        {
            var due = (await findDue(BatchSize + seen.Count).ConfigureAwait(false)).Where(seen.Add).ToList();
            if (due.Count == 0)
            {
                return;
            }

            foreach (var id in due)
            {
                try
                {
                    await unitOfWork.RunAsync(
                        async token =>
                        {
                            if (await load(id, token).ConfigureAwait(false) is { } item)
                            {
                                await handle(item, token).ConfigureAwait(false);
                            }
                        },
                        ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Add(($"{what} {id}", ex));
                }
            }
        }
    }
}
