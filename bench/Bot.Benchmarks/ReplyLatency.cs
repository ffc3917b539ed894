using System.Diagnostics;
using System.Globalization;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Delivery;
using Bot.Host.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks;

/// <summary>
/// With the peak's fan-out waiting in the outbox, runs the real <see cref="OutboxSender"/> (real pacing, real clock)
/// against a gateway that allows 30 sends in any one second, while people whose own question is still queued type
/// something: how long until each reply reaches them, and how the fan-out keeps pace meanwhile.
/// </summary>
internal static class ReplyLatency
{
    private const string ReplyMark = "bench-reply ";

    /// <summary>The chats whose queued messages wait longest, i.e. the people the fan-out reaches last.</summary>
    private const string LastQueuedChatsSql = """
        SELECT chat_id FROM outbox WHERE platform = @Platform GROUP BY chat_id ORDER BY max(id) DESC LIMIT @Count;
        """;

    private static readonly TimeSpan Bounded = TimeSpan.FromMinutes(2);

    public static async Task<ReplyMeasure> RunAsync(
        BenchDatabase database, int replies, TimeSpan every, TextWriter progress, CancellationToken ct)
    {
        var backlog = (int)await database.ScalarAsync("SELECT count(*) FROM outbox;", null, ct).ConfigureAwait(false);
        var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        List<string> chats;
        await using (connection.ConfigureAwait(false))
        {
            chats = [.. await connection.QueryAsync<string>(new CommandDefinition(LastQueuedChatsSql,
                new { Platform = (long)Platform.Telegram, Count = replies }, cancellationToken: ct)).ConfigureAwait(false)];
        }

        var gateway = new SlidingWindowGateway(perSecond: 30);
        using var signal = new OutboxSignal();
        using var sender = new OutboxSender(
            database.Services.GetRequiredService<IServiceScopeFactory>(), [gateway], [], signal,
            Options.Create(new DeliveryOptions()), TimeProvider.System, NullLogger<OutboxSender>.Instance);
        await progress.WriteLineAsync($"Reply latency: {chats.Count} replies while {backlog:N0} messages wait")
            .ConfigureAwait(false);

        await sender.StartAsync(ct).ConfigureAwait(false);
        var sent = new TimeSpan[chats.Count];
        for (var i = 0; i < chats.Count; i++)
        {
            await Task.Delay(every, ct).ConfigureAwait(false);
            sent[i] = gateway.Elapsed;
            await ReplyAsync(database, new ChatAddress(Platform.Telegram, chats[i]), i, ct).ConfigureAwait(false);
            signal.Notify();
        }

        var waited = Stopwatch.StartNew();
        while (gateway.RepliesReceived < chats.Count && waited.Elapsed < Bounded)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct).ConfigureAwait(false);
        }

        await sender.StopAsync(ct).ConfigureAwait(false);
        var (accepted, refused, received) = gateway.Snapshot();
        var latencies = received.Select(r => r.At - sent[r.Index]).Order().ToList();
        var span = accepted.Count > 1 ? accepted[^1] - accepted[0] : TimeSpan.Zero;
        return new ReplyMeasure(
            backlog, chats.Count, latencies, accepted.Count - received.Count,
            span > TimeSpan.Zero ? (accepted.Count - 1) / span.TotalSeconds : 0, refused);
    }

    // As the inbound pipeline does: the person's update is handled in a scope whose messages are replies.
    private static async Task ReplyAsync(BenchDatabase database, ChatAddress chat, int index, CancellationToken ct)
    {
        var scope = database.Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var services = scope.ServiceProvider;
            services.GetRequiredService<OutboxLaneOfScope>().Lane = OutboxLane.Reply;
            var outbox = services.GetRequiredService<IOutbox>();
            await services.GetRequiredService<IUnitOfWork>().RunAsync(
                token => outbox.EnqueueAsync(
                    OutgoingMessage.Plain(chat, ReplyMark + index.ToString(CultureInfo.InvariantCulture)), token),
                ct).ConfigureAwait(false);
        }
    }

    /// <summary>Telegram's shape, accepting at most so many sends within any one second and answering the rest 429.</summary>
    private sealed class SlidingWindowGateway(int perSecond) : IChatGateway
    {
        private readonly Lock _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<TimeSpan> _accepted = [];
        private readonly List<(int Index, TimeSpan At)> _replies = [];
        private int _refused;

        public Platform Platform => Platform.Telegram;

        public int MaxTextLength => 4096;

        public int MaxCaptionLength => 1024;

        public int MaxMessagesPerSecond => perSecond;

        public TimeSpan Elapsed => _clock.Elapsed;

        public int RepliesReceived
        {
            get
            {
                lock (_gate)
                {
                    return _replies.Count;
                }
            }
        }

        public TimeSpan MinIntervalPerChat(ChatAddress chat) => TimeSpan.FromSeconds(1);

        public (List<TimeSpan> Accepted, int Refused, List<(int Index, TimeSpan At)> Replies) Snapshot()
        {
            lock (_gate)
            {
                return ([.. _accepted], _refused, [.. _replies]);
            }
        }

        public Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            lock (_gate)
            {
                var now = _clock.Elapsed;
                var windowStart = now - TimeSpan.FromSeconds(1);
                if (_accepted.Count >= perSecond && _accepted[^perSecond] > windowStart)
                {
                    _refused++;
                    return Task.FromResult<DeliveryResult>(new DeliveryResult.RateLimited(TimeSpan.FromSeconds(1)));
                }

                _accepted.Add(now);
                if (message.Text.StartsWith(ReplyMark, StringComparison.Ordinal))
                {
                    _replies.Add((int.Parse(message.Text[ReplyMark.Length..], CultureInfo.InvariantCulture), now));
                }

                return Task.FromResult(DeliveryResult.Ok);
            }
        }
    }
}
