using Bot.Host.Storage;

namespace Bot.Host.Delivery;

/// <summary>
/// A platform's bot-wide pace: evenly spaced sends, so that no more than its ceiling ever leave within any one
/// second, and replies waiting for a turn go before background messages.
/// </summary>
internal sealed class SendPacer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly int _ceiling;
    private readonly long _interval;
    private readonly long _window;
    private readonly long _catchUp;
    private readonly Queue<long> _recent = new();
    private readonly Queue<Waiter>[] _waiting = [new(), new()];
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _nextSlot;
    private long _last;
    private bool _isDisposed;

    /// <param name="ceiling">Sends the platform allows within any one second.</param>
    public SendPacer(int ceiling, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ceiling, 2);
        _time = time;
        _ceiling = ceiling;

        // A send every 1/ceiling s, and never more than the ceiling within a second and one slot: a 429 pauses the
        // whole platform, so a slot's worth of room absorbs the network's jitter. A send the timer let go late is
        // caught up (up to a second), at no less than half a slot apart.
        _interval = (long)Math.Ceiling((double)time.TimestampFrequency / ceiling);
        _window = time.TimestampFrequency + _interval;
        _catchUp = time.TimestampFrequency;
        _timer = time.CreateTimer(_ => Dispatch(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits for this send's turn; a reply waits only behind other replies.</summary>
    public Task WaitAsync(OutboxLane lane, CancellationToken ct)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            var now = _time.GetTimestamp();
            if (_waiting[0].Count == 0 && _waiting[1].Count == 0 && now >= NextTurn())
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
            while (now >= NextTurn() && NextWaiter() is { } waiter)
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

    private long NextTurn()
    {
        var windowFrees = _recent.Count < _ceiling ? long.MinValue : _recent.Peek() + _window;
        return Math.Max(Math.Max(_nextSlot, _last + (_interval / 2)), windowFrees);
    }

    // After a quiet spell the schedule restarts from now, so idle time is never saved up into a burst.
    private void Take(long now)
    {
        _nextSlot = (now - _nextSlot <= _catchUp ? _nextSlot : now) + _interval;
        _last = now;
        _recent.Enqueue(now);
        if (_recent.Count > _ceiling)
        {
            _recent.Dequeue();
        }
    }

    private void Arm(long now)
    {
        if (_waiting[0].Count == 0 && _waiting[1].Count == 0)
        {
            return;
        }

        var due = _time.GetElapsedTime(now, Math.Max(now, NextTurn()));
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
