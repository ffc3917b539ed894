namespace Bot.Host.Delivery;

/// <summary>A nudge to the outbox sender that new messages were committed, so it need not wait for its next poll.</summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Raised by <see cref="Notify"/>: where several nodes share the outbox, the sending node hears of it too.</summary>
    public event Action? Notified;

    /// <summary>New messages were committed here.</summary>
    public void Notify()
    {
        Notified?.Invoke();
        Wake();
    }

    /// <summary>Wakes the sender of this node only (for a notification that came from another node).</summary>
    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers any number of notifications.
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a notification or the timeout, whichever comes first; false on the timeout.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
