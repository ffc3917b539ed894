using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Delivery;
using Bot.Host.Operations;
using Bot.Host.Storage;

namespace Bot.Host.Pipeline;

/// <summary>
/// Takes updates from every adapter: stores each in the durable inbox first (so the platform may be told it was
/// received), then processes it exactly once, in order per chat and concurrently across chats.
/// </summary>
internal sealed class InboundPipeline(
    IServiceScopeFactory scopes,
    OutboxSignal outboxSignal,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<InboundPipeline> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    private static readonly TimeSpan MaxSetAsideDelay = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Stores the update durably and schedules it. Returns false for an update seen before. When this returns, the
    /// update is committed and the adapter may confirm it to the platform.
    /// </summary>
    public async Task<bool> AcceptAsync(string updateKey, Inbound message, CancellationToken ct)
    {
        var receivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        long? id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<InboxStore>();
            id = await inbox.TryAddAsync(updateKey, message, time.GetUtcNow(), ct).ConfigureAwait(false);
        }

        if (id is null)
        {
            logger.LogDebug("Update {UpdateKey} was already received", updateKey);
            return false;
        }

        metrics.UpdateReceived(message.From.Platform);
        Schedule(id.Value, message.Chat.ToString(), receivedAt);
        return true;
    }

    /// <summary>Completes when everything accepted so far has been processed (tests and shutdown use it).</summary>
    public Task IdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_lanes.Values.Select(lane => lane.Tail));
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Updates stored before a crash or restart but not yet processed are picked up again, in order.
        await using var scope = scopes.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<InboxStore>()
            .GetPendingAsync(cancellationToken).ConfigureAwait(false);
        var foundAt = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var item in pending)
        {
            Schedule(item.Id, item.ChatKey, foundAt);
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Resuming {Count} stored updates", pending.Count);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await IdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private void Schedule(long inboxId, string chatKey, long since)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(chatKey, out var lane))
            {
                lane = new Lane();
                _lanes[chatKey] = lane;
            }

            lane.Pending++;
            var previous = lane.Tail;
            lane.Tail = RunAfterAsync(previous, inboxId, chatKey, since, lane);
        }
    }

    private async Task RunAfterAsync(Task previous, long inboxId, string chatKey, long since, Lane lane)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        await ProcessWithRetriesAsync(inboxId, since).ConfigureAwait(false);
        lock (_gate)
        {
            if (--lane.Pending == 0)
            {
                _lanes.Remove(chatKey);
            }
        }
    }

    private async Task ProcessWithRetriesAsync(long inboxId, long since)
    {
        var ct = _stopping.Token;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (await ProcessAsync(inboxId, ct).ConfigureAwait(false) is { } platform)
                {
                    metrics.UpdateProcessed(platform, since, setAside: false);
                }

                outboxSignal.Notify();
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return; // Still in the inbox: processed after the next start.
            }
            catch (Exception ex) when (attempt < RetryDelays.Length)
            {
                logger.LogWarning(ex, "Processing update {InboxId} failed; trying again", inboxId);
                await Task.Delay(RetryDelays[attempt], ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Processing update {InboxId} failed for good; apologising to the chat", inboxId);
                await SetAsideAsync(inboxId, since, ct).ConfigureAwait(false);
                return;
            }
        }
    }

    // Keeps the update's turn until it is set aside: newer messages of its chat wait rather than overtake it.
    private async Task SetAsideAsync(long inboxId, long since, CancellationToken ct)
    {
        for (var delay = TimeSpan.FromSeconds(1); ; delay = delay * 2 < MaxSetAsideDelay ? delay * 2 : MaxSetAsideDelay)
        {
            try
            {
                if (await GiveUpAsync(inboxId, ct).ConfigureAwait(false) is { } chat)
                {
                    metrics.UpdateProcessed(chat.Platform, since, setAside: true);
                }

                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return; // Still in the inbox: handled after the next start.
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not set update {InboxId} aside; trying again in {Delay}", inboxId, delay);
                await Task.Delay(delay, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Handles the update; returns its platform, or null when it had been handled already.</summary>
    private async Task<Platform?> ProcessAsync(long inboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<OutboxLaneOfScope>().Lane = OutboxLane.Reply;
        var inbox = services.GetRequiredService<InboxStore>();
        var engine = services.GetRequiredService<BotEngine>();
        Platform? handled = null;
        await services.GetRequiredService<IUnitOfWork>().RunAsync(async token =>
        {
            handled = null;
            // Read inside the transaction: if another node already completed it, there is nothing to do.
            if (await inbox.GetPendingAsync(inboxId, token).ConfigureAwait(false) is not { } item)
            {
                return;
            }

            await engine.HandleAsync(item.Message, token).ConfigureAwait(false);
            await inbox.CompleteAsync(inboxId, time.GetUtcNow(), token).ConfigureAwait(false);
            handled = item.Message.From.Platform;
        }, ct).ConfigureAwait(false);
        return handled;
    }

    // Reads only where to answer, not what was written: the content may be exactly what cannot be read.
    private async Task<ChatAddress?> GiveUpAsync(long inboxId, CancellationToken ct)
    {
        ChatAddress? apologisedTo = null;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<OutboxLaneOfScope>().Lane = OutboxLane.Reply;
        var inbox = services.GetRequiredService<InboxStore>();
        var outbox = services.GetRequiredService<IOutbox>();
        await services.GetRequiredService<IUnitOfWork>().RunAsync(async token =>
        {
            // Null once handled (by another node) or when even the address is gone; completing is then harmless.
            apologisedTo = await inbox.GetPendingReplyAddressAsync(inboxId, token).ConfigureAwait(false);
            if (apologisedTo is { } chat)
            {
                await outbox.EnqueueAsync(OutgoingMessage.Plain(chat, Copy.SomethingWentWrong), token)
                    .ConfigureAwait(false);
            }

            await inbox.CompleteAsync(inboxId, time.GetUtcNow(), token).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        outboxSignal.Notify();
        return apologisedTo;
    }

    private sealed class Lane
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        public int Pending { get; set; }
    }
}
