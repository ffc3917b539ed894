using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Rest;

/// <summary>A fake clock that also reports each timer the code under test starts, so tests wait for the event.</summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _timers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordingTimeProvider()
        : base(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_gate)
            {
                return _timers.ToArray();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _timers.Add(dueTime);
            var previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }

        return timer;
    }

    /// <summary>Waits until a timer with the given due time has been started.</summary>
    public Task WaitForTimerAsync(Func<TimeSpan, bool> dueTime, TimeSpan? timeout = null) =>
        WaitForTimersAsync(timers => timers.Any(dueTime), timeout);

    /// <summary>Waits until the timers started so far, in order, satisfy <paramref name="condition"/>.</summary>
    public async Task WaitForTimersAsync(Func<IReadOnlyList<TimeSpan>, bool> condition, TimeSpan? timeout = null)
    {
        using var window = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_timers))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(window.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching timer; started: " + string.Join(", ", Timers));
            }
        }
    }
}
