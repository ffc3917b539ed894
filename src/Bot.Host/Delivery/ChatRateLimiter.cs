using System.Threading.RateLimiting;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Host.Delivery;

/// <summary>A platform's pacing: a bot-wide token bucket chained with one bucket per chat.</summary>
internal sealed class ChatRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<ChatAddress> _limiter;

    public ChatRateLimiter(IChatGateway gateway)
    {
        var perChat = PartitionedRateLimiter.Create<ChatAddress, ChatAddress>(chat =>
            RateLimitPartition.GetTokenBucketLimiter(chat, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = gateway.MinIntervalPerChat(chat),
                QueueLimit = 1000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        var botWide = PartitionedRateLimiter.Create<ChatAddress, Platform>(_ =>
            RateLimitPartition.GetTokenBucketLimiter(gateway.Platform, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = gateway.MaxMessagesPerSecond,
                TokensPerPeriod = gateway.MaxMessagesPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));

        // The chat's own bucket first, so waiting on a busy chat does not hold a bot-wide token.
        _limiter = PartitionedRateLimiter.CreateChained(perChat, botWide);
    }

    public async Task WaitAsync(ChatAddress chat, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync(chat, 1, ct).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"Rate limiter queue for {chat} is full.");
        }
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
