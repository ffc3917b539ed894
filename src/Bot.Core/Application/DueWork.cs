using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// Works through whatever is due in batches, each item in its own transaction. A failing item is reported and
/// skipped for the rest of the run, so it cannot stall the others; it is tried again by the next sweep.
/// </summary>
internal static class DueWork
{
    public const int BatchSize = 200;

    public static async Task DrainAsync<T>(
        IUnitOfWork unitOfWork,
        Func<int, Task<IReadOnlyList<T>>> findDue,
        Func<T, long> idOf,
        Func<T, CancellationToken, Task> handle,
        string what,
        List<(string Item, Exception Error)> failures,
        CancellationToken ct)
    {
        var failed = new HashSet<long>();
        while (true)
        {
            var due = (await findDue(BatchSize + failed.Count).ConfigureAwait(false))
                .Where(item => !failed.Contains(idOf(item))).ToList();
            if (due.Count == 0)
            {
                return;
            }

            foreach (var item in due)
            {
                try
                {
                    await unitOfWork.RunAsync(token => handle(item, token), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed.Add(idOf(item));
                    failures.Add(($"{what} {idOf(item)}", ex));
                }
            }
        }
    }
}
