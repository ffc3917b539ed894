using System.Globalization;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;

namespace Bot.Discord.Rest;

/// <summary>
/// Client-side pacing from Discord's X-RateLimit-* headers: per bucket + top-level resource, plus the global
/// 50 requests/s and any global wait a 429 imposed. It only ever waits before a request; it never retries one.
/// </summary>
internal sealed class RestRateLimiter : IDisposable
{
    private const int PruneThreshold = 512;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _bucketByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly RateLimiter _global;
    private DateTimeOffset _globalResetAt = DateTimeOffset.MinValue;

    public RestRateLimiter(TimeProvider time, int globalPermitsPerSecond)
    {
        _time = time;
        _global = StrictWindow.Create(globalPermitsPerSecond, TimeSpan.FromSeconds(1), segments: 10);
    }

    public async ValueTask WaitAsync(RestRoute route, CancellationToken cancellationToken)
    {
        await WaitForBucketAsync(route, cancellationToken).ConfigureAwait(false);
        if (!route.CountsTowardGlobalLimit)
        {
            return;
        }

        await WaitUntilAsync(() => _globalResetAt, cancellationToken).ConfigureAwait(false);
        using var lease = await _global.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The global Discord rate limiter queue is full.");
        }
    }

    /// <summary>Learns the bucket and its state from a response's headers.</summary>
    public void Update(RestRoute route, HttpResponseHeaders headers)
    {
        var bucket = Header(headers, "X-RateLimit-Bucket");
        var remaining = IntHeader(headers, "X-RateLimit-Remaining");
        var limit = IntHeader(headers, "X-RateLimit-Limit");
        var resetAfter = SecondsHeader(headers, "X-RateLimit-Reset-After");
        lock (_gate)
        {
            if (bucket is not null)
            {
                _bucketByRoute[route.RouteKey] = bucket;
            }

            if (remaining is null || resetAfter is null)
            {
                return;
            }

            var state = StateLocked(route);
            state.Limit = limit ?? Math.Max(state.Limit, remaining.Value + 1);
            state.Remaining = remaining.Value;
            state.ResetAt = _time.GetUtcNow() + resetAfter.Value;
        }
    }

    /// <summary>Records a 429 so the next request to the bucket (or any request, when global) waits it out.</summary>
    public void RecordRateLimited(RestRoute route, TimeSpan retryAfter, bool isGlobal)
    {
        lock (_gate)
        {
            var resetAt = _time.GetUtcNow() + retryAfter;
            if (isGlobal)
            {
                _globalResetAt = resetAt > _globalResetAt ? resetAt : _globalResetAt;
                return;
            }

            var state = StateLocked(route);
            state.Remaining = 0;
            state.ResetAt = resetAt > state.ResetAt ? resetAt : state.ResetAt;
        }
    }

    public void Dispose() => _global.Dispose();

    internal static TimeSpan? SecondsHeader(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Max(0, seconds))
            : null;

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? IntHeader(HttpResponseHeaders headers, string name) =>
        int.TryParse(Header(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private async ValueTask WaitForBucketAsync(RestRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                if (!_buckets.TryGetValue(KeyLocked(route), out var state))
                {
                    return;
                }

                var now = _time.GetUtcNow();
                if (now >= state.ResetAt && state.Remaining <= 0)
                {
                    // The window has passed: assume a full bucket until the next response says otherwise.
                    state.Remaining = Math.Max(state.Limit, 1);
                }

                if (state.Remaining > 0)
                {
                    // Reserve the slot now so concurrent callers of the same bucket cannot overdraw it.
                    state.Remaining--;
                    return;
                }

                wait = state.ResetAt - now;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask WaitUntilAsync(Func<DateTimeOffset> resetAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                wait = resetAt() - _time.GetUtcNow();
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private BucketState StateLocked(RestRoute route)
    {
        var key = KeyLocked(route);
        if (_buckets.TryGetValue(key, out var state))
        {
            return state;
        }

        if (_buckets.Count >= PruneThreshold)
        {
            PruneLocked();
        }

        state = new BucketState();
        _buckets[key] = state;
        return state;
    }

    // Until Discord names the bucket, the method and route template stand in for it.
    private string KeyLocked(RestRoute route) =>
        (_bucketByRoute.TryGetValue(route.RouteKey, out var bucket) ? bucket : route.RouteKey)
        + "|" + route.MajorParameter;

    private void PruneLocked()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, state) in _buckets.ToArray())
        {
            if (state.ResetAt < now)
            {
                _buckets.Remove(key);
            }
        }
    }

    private sealed class BucketState
    {
        public int Limit { get; set; } = 1;

        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;
    }
}
