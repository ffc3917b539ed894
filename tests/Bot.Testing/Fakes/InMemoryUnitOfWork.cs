using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Just runs the work: the fakes have no transactions, so nothing is rolled back on failure.</summary>
public sealed class InMemoryUnitOfWork : IUnitOfWork
{
    private int _runs;

    /// <summary>How many units of work were started (nested ones included).</summary>
    public int Runs => Volatile.Read(ref _runs);

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        Interlocked.Increment(ref _runs);
        return work(ct);
    }
}
