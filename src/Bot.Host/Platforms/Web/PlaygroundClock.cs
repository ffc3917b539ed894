namespace Bot.Host.Platforms.Web;

/// <summary>
/// The playground's clock: the real one plus however far the person moved it. Only "now" moves; timers and
/// stopwatches keep real time, so pacing and leases still measure real waits.
/// </summary>
internal sealed class PlaygroundClock : TimeProvider
{
    private long _aheadTicks;

    /// <summary>How far ahead of the real clock the playground is.</summary>
    public TimeSpan Ahead => TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;

    public void MoveForward(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        Interlocked.Add(ref _aheadTicks, by.Ticks);
    }
}
