namespace Bot.Discord;

/// <summary>
/// Discord answered 429. The client does not retry: it has recorded the wait, so the next call to the same bucket
/// (or any call, when <see cref="IsGlobal"/>) waits by itself; the caller decides whether and when to try again.
/// </summary>
public sealed class DiscordRateLimitedException : Exception
{
    public DiscordRateLimitedException(TimeSpan retryAfter, bool isGlobal)
        : base($"Discord rate limited the request{(isGlobal ? " (global)" : string.Empty)}; retry after {retryAfter}.")
    {
        RetryAfter = retryAfter;
        IsGlobal = isGlobal;
    }

    public TimeSpan RetryAfter { get; }

    public bool IsGlobal { get; }
}
