namespace Bot.EndToEnd.Tests.Fakes;

// Holding sends: a test that kills a node mid-send needs to know which messages Telegram processed. While held, every
// sendMessage request is kept open and not processed; dropping them ends each connection unanswered.
public sealed partial class FakeTelegramServer
{
    private TaskCompletionSource? _holdSends;
    private int _heldSends;

    /// <summary>How many sendMessage requests were held (and so never processed) so far.</summary>
    public int HeldSends => Locked(() => _heldSends);

    /// <summary>From now on every sendMessage request is held, unprocessed, until <see cref="DropHeldSends"/>.</summary>
    public void HoldSends()
    {
        lock (_gate)
        {
            _holdSends ??= NewSignal();
        }
    }

    /// <summary>
    /// Ends every held sendMessage request without processing it (the connection is aborted, nothing is recorded)
    /// and processes sends normally again.
    /// </summary>
    public void DropHeldSends()
    {
        TaskCompletionSource? held;
        lock (_gate)
        {
            held = _holdSends;
            _holdSends = null;
            SignalLocked();
        }

        held?.TrySetResult();
    }

    /// <summary>Waits until at least <paramref name="count"/> sendMessage requests are being held.</summary>
    public Task WaitForHeldSendsAsync(int count = 1, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        return WaitUntilAsync(
            () => (_heldSends >= count, true),
            limit,
            () => $"Expected {count} held sendMessage requests within {Seconds(limit)} s, saw {_heldSends}.");
    }

    // The task a sendMessage request waits on before it is dropped, or null when sends are processed.
    private Task? HoldIfHolding()
    {
        lock (_gate)
        {
            if (_holdSends is null)
            {
                return null;
            }

            _heldSends++;
            SignalLocked();
            return _holdSends.Task;
        }
    }
}
