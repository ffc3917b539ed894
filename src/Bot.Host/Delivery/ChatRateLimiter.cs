using System.Threading.RateLimiting;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Storage;

namespace Bot.Host.Delivery;

/// <summary>A platform's pacing: one bucket per chat, then the bot-wide pace shared by every chat.</summary>
internal sealed class ChatRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<ChatAddress> _perChat;
    private readonly SendPacer _botWide;

    public ChatRateLimiter(IChatGateway gateway)
    {
        _perChat = PartitionedRateLimiter.Create<ChatAddress, ChatAddress>(chat =>
            RateLimitPartition.GetTokenBucketLimiter(chat, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = gateway.MinIntervalPerChat(chat),
                QueueLimit = 1000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));

        // Pacing runs on the real clock: it is about the platform's patience, not about the couples' time.
        _botWide = new SendPacer(gateway.MaxMessagesPerSecond, TimeProvider.System);
    }

    public async Task WaitAsync(ChatAddress chat, OutboxLane lane, CancellationToken ct)
    {
        // The chat's own bucket first, so waiting on a busy chat does not hold a bot-wide turn.
        using (var lease = await _perChat.AcquireAsync(chat, 1, ct).ConfigureAwait(false))
        {
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException($"Rate limiter queue for {chat} is full.");
            }
        }

        await _botWide.WaitAsync(lane, ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _botWide.Dispose();
        await _perChat.DisposeAsync().ConfigureAwait(false);
    }
}
