using Bot.Core.Ports;

namespace Bot.Host.Storage;

/// <summary>One write transaction per unit of work, on the scope's <see cref="StorageSession"/>; nested ones join.</summary>
internal sealed class UnitOfWork(StorageSession session) : IUnitOfWork
{
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        session.InTransactionAsync(work, ct);
}
