using Bot.Host.Storage;

namespace Bot.Host.Delivery;

/// <summary>
/// A platform's bot-wide pace: evenly spaced sends, so that no more than its ceiling ever leave within any one
/// second, and replies waiting for a turn go before background messages.
/// </summary>
internal sealed class SendPacer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly long _lateness;
    private readonly Queue<Waiter>[] _waiting = [new(), new()];
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _nextSlot;
    private bool _isDisposed;

    /// <param name="ceiling">Sends the platform allows within any one second.</param>
    public SendPacer(int ceiling, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ceiling, 2);
        _time = time;

        // One send every 1/(ceiling - 1) s: ceiling + 1 sends then span more than a second even when the timer or
        // the network shifts one of them by up to half a slot. At an exact 1/ceiling every second would be full to
        // the brim, and any jitter would draw a 429 that pauses the whole platform.
        _interval = (long)Math.Ceiling((double)time.TimestampFrequency / (ceiling - 1));
        _lateness = _interval / 2;
        _timer = time.CreateTimer(_ => Dispatch(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits for this send's turn; a reply waits only behind other replies.</summary>
    public Task WaitAsync(OutboxLane lane, CancellationToken ct)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            var now = _time.GetTimestamp();
            if (_waiting[0].Count == 0 && _waiting[1].Count == 0 && now >= _nextSlot)
            {
                Take(now);
                return Task.CompletedTask;
            }

            var waiter = new Waiter();
            _waiting[(int)lane].Enqueue(waiter);
            waiter.Registration = ct.Register(() => waiter.Done.TrySetCanceled(ct));
            Arm(now);
            return waiter.Done.Task;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _isDisposed = true;
            _timer.Dispose();
            foreach (var waiter in _waiting.SelectMany(queue => queue))
            {
                waiter.Done.TrySetException(new ObjectDisposedException(nameof(SendPacer)));
            }
        }
    }

    private void Dispatch()
    {
        lock (_gate)
        {
            if (_isDisposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            while (now >= _nextSlot && NextWaiter() is { } waiter)
            {
                waiter.Registration.Dispose();
                if (waiter.Done.TrySetResult())
                {
                    Take(now);
                }
            }

            Arm(now);
        }
    }

    private Waiter? NextWaiter()
    {
        foreach (var queue in _waiting)
        {
            while (queue.TryDequeue(out var waiter))
            {
                if (!waiter.Done.Task.IsCompleted)
                {
                    return waiter;
                }
            }
        }

        return null;
    }

    // A send a little late keeps the schedule, so timer delays do not slow the pace; after a quiet spell the
    // schedule restarts from now, so idle time is never saved up into a burst.
    private void Take(long now) => _nextSlot = (now - _nextSlot <= _lateness ? _nextSlot : now) + _interval;

    private void Arm(long now)
    {
        if (_waiting[0].Count == 0 && _waiting[1].Count == 0)
        {
            return;
        }

        var due = _time.GetElapsedTime(now, Math.Max(now, _nextSlot));
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
