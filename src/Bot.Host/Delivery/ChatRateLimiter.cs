using System.Collections.Concurrent;
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

    // Chats the platform asked us to leave alone for a while (a 429 on their route), until a real-clock timestamp.
    private readonly ConcurrentDictionary<ChatAddress, long> _heldUntil = new();

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

    /// <summary>Sends to the chat wait this long; other chats are not affected.</summary>
    public void Hold(ChatAddress chat, TimeSpan retryAfter)
    {
        var until = TimeProvider.System.GetTimestamp() + (long)(retryAfter.TotalSeconds * TimeProvider.System.TimestampFrequency);
        _heldUntil.AddOrUpdate(chat, until, (_, held) => Math.Max(held, until));
    }

    public async Task WaitAsync(ChatAddress chat, OutboxLane lane, CancellationToken ct)
    {
        if (_heldUntil.TryGetValue(chat, out var until))
        {
            var left = TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), until);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, ct).ConfigureAwait(false);
            }

            _heldUntil.TryRemove(KeyValuePair.Create(chat, until));
        }

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
