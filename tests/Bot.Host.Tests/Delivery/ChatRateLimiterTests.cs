using System.Diagnostics;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Delivery;
using Bot.Host.Storage;

namespace Bot.Host.Tests.Delivery;

public sealed class ChatRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_ForAFanOutToManyChats_NeverBurstsPastTheCeilingWithinOneSecond()
    {
        await using var limiter = new ChatRateLimiter(new Gateway());
        var clock = Stopwatch.StartNew();
        var sentAt = new List<TimeSpan>();

        for (var chat = 0; chat < 61; chat++)
        {
            await limiter.WaitAsync(
                new ChatAddress(Platform.Telegram, $"{chat}"), OutboxLane.Background, CancellationToken.None);
            sentAt.Add(clock.Elapsed);
        }

        // Timestamps are taken when each awaiting continuation runs, which a busy machine can delay, so one send may
        // look closer to the next than it went; the exact bound (30) is proven on a fake clock in SendPacerTests. A
        // bucket refilled once a second would let about 60 of these go within one second.
        var busiestSecond = sentAt.Max(start => sentAt.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
        Assert.True(busiestSecond <= 31, $"{busiestSecond} sends left within one second.");
    }

    private sealed class Gateway : IChatGateway
    {
        public Platform Platform => Platform.Telegram;

        public int MaxTextLength => 4096;

        public int MaxCaptionLength => 1024;

        public int MaxMessagesPerSecond => 30;

        public TimeSpan MinIntervalPerChat(ChatAddress chat) => TimeSpan.FromSeconds(1);

        public Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct) =>
            Task.FromResult(DeliveryResult.Ok);
    }
}
