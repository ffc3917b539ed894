using System.Threading.RateLimiting;

namespace Bot.Discord;

/// <summary>Sliding-window limiters that never let more than N through in any span of the window's length.</summary>
internal static class StrictWindow
{
    /// <summary>
    /// A sliding window hands a permit back whole segments after it was taken, so a permit taken late in its segment
    /// can return almost a segment early; stretching the window by two segments keeps every reuse at least one
    /// segment beyond <paramref name="window"/>, a margin for timer and network jitter, at a little throughput.
    /// </summary>
    public static SlidingWindowRateLimiter Create(int permits, TimeSpan window, int segments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permits);
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        var segment = window / segments;
        return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window + (2 * segment),
            SegmentsPerWindow = segments + 2,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
