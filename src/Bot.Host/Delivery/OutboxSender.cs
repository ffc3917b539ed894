using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Operations;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

/// <summary>
/// Drains the outbox: the oldest message of each chat, concurrently across chats, paced per chat and per bot,
/// replies before background messages.
/// A platform's 429 pauses that whole platform, or only the chat when the limit was the chat's; network and server
/// errors back off per message; a person who blocked the bot is marked unreachable instead of being retried. A post
/// in a couple's home that quotes words is sent only after the platform confirmed that nobody but the two of them
/// can read the home; otherwise, and when the home stops taking messages, Core's <see cref="HomeService"/> sends it
/// privately instead.
/// Where several nodes share the database, only the leading node sends (<see cref="ILeadership"/>), so one pacer
/// keeps the whole bot within each platform's limits; it stops when the node stops leading and another takes over.
/// </summary>
internal sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IEnumerable<IChatGateway> gateways,
    IEnumerable<IChatAudience> audiences,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger,
    ILeadership? leadership = null,
    BotMetrics? metrics = null) : BackgroundService
{
    private static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(5);

    private readonly DeliveryOptions _options = options.Value;
    private readonly Dictionary<Platform, IChatGateway> _gateways = gateways.ToDictionary(g => g.Platform);
    private readonly Dictionary<Platform, IChatAudience> _audiences = audiences.ToDictionary(a => a.Platform);
    private readonly Dictionary<Platform, ChatRateLimiter> _limiters =
        gateways.ToDictionary(g => g.Platform, g => new ChatRateLimiter(g));

    // Pauses run on the real clock: they are about the platform's patience, not about the couples' time.
    private readonly Dictionary<Platform, long> _pausedUntil = [];
    private readonly Lock _pauseGate = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = leadership is null
                    ? CancellationToken.None
                    : await leadership.WaitForLeadershipAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
            await SendWhileLeadingAsync(leading.Token).ConfigureAwait(false);
        }
    }

    private async Task SendWhileLeadingAsync(CancellationToken stoppingToken)
    {
        // Each chat's send runs on its own; a chat being served keeps its oldest row leased, so the next claim
        // skips it while every other chat moves on.
        var inFlight = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(task => task.IsCompleted);
            var claimed = 0;
            try
            {
                await WaitOutPauseAsync(stoppingToken).ConfigureAwait(false);
                claimed = await ClaimAndStartAsync(inFlight, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox pass failed; trying again shortly");
            }

            if (claimed == 0)
            {
                Task wake = signal.WaitAsync(_options.PollInterval, stoppingToken);
                await (inFlight.Count == 0 ? wake : Task.WhenAny(wake, Task.WhenAny(inFlight)))
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var limiter in _limiters.Values)
        {
            await limiter.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<int> ClaimAndStartAsync(List<Task> inFlight, CancellationToken ct)
    {
        var room = _options.BatchSize - inFlight.Count;
        if (room <= 0)
        {
            return 0;
        }

        IReadOnlyList<OutboxItem> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            batch = await scope.ServiceProvider.GetRequiredService<OutboxStore>()
                .ClaimDueAsync(time.GetUtcNow(), _options.Lease, room, ct).ConfigureAwait(false);
        }

        inFlight.AddRange(batch.Select(item => SendOneAsync(item, ct)));
        return batch.Count;
    }

    private async Task SendOneAsync(OutboxItem item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        using var sent = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewLeaseAsync(item.Id, sent.Token);
        try
        {
            await SendPartsAsync(scope.ServiceProvider, store, item, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the message back now instead of leaving it leased to a sender that is gone.
            await store.ReleaseAsync(item.Id, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Sending message {Id} failed unexpectedly; it is retried when its lease ends", item.Id);
        }
        finally
        {
            await sent.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // A long message (many parts at one a second, three in groups) or a slow platform can outlast the lease; without
    // renewing it another pass would claim the row again and send its parts a second time.
    private async Task RenewLeaseAsync(long id, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.Lease / 3, time);
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxStore>()
                    .RenewLeaseAsync(id, time.GetUtcNow() + _options.Lease, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not renew the lease of message {Id}; trying again", id);
            }
        }
    }

    private async Task SendPartsAsync(IServiceProvider services, OutboxStore store, OutboxItem item, CancellationToken ct)
    {
        var message = item.Message;
        if (!_gateways.TryGetValue(message.To.Platform, out var gateway))
        {
            // Configured once, maybe again later: keep the message rather than lose it.
            await store.RetryLaterAsync(item.Id, time.GetUtcNow() + _options.MaxBackoff, item.Attempts,
                $"no {message.To.Platform} adapter is running", CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (message is { HomeOf: not null, WordsOf.Count: > 0 } && item.PartsSent == 0
            && !await IsHomeStillTheirsAsync(services, store, item, ct).ConfigureAwait(false))
        {
            return;
        }

        var parts = Pieces(message, gateway);
        for (var part = item.PartsSent; part < parts.Count; part++)
        {
            if (IsPaused(gateway.Platform))
            {
                await store.ReleaseAsync(item.Id, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                return;
            }

            await _limiters[gateway.Platform].WaitAsync(message.To, item.Lane, ct).ConfigureAwait(false);
            var isLast = part == parts.Count - 1;
            var piece = parts[part];
            // A send under way is let finish when the host stops (for a few seconds): cut off mid-request, the
            // platform may have shown the message while we hand it back, and it would arrive twice after a restart.
            using var landing = new CancellationTokenSource();
            using var stopping = ct.Register(() => landing.CancelAfter(InFlightGrace));
            var result = await SendSafelyAsync(gateway, piece, landing.Token).ConfigureAwait(false);
            metrics?.SendResult(gateway.Platform, result);
            if (result is DeliveryResult.Delivered)
            {
                if (!isLast)
                {
                    await store.MarkPartsSentAsync(item.Id, part + 1, CancellationToken.None).ConfigureAwait(false);
                }

                continue;
            }

            await HandleFailureAsync(services, store, item, result).ConfigureAwait(false);
            return;
        }

        await store.CompleteAsync(item.Id, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Looks at who can read the home right before posting words there; false when the row was handled otherwise
    /// (sent privately, readdressed, or left for a later look).
    /// </summary>
    private async Task<bool> IsHomeStillTheirsAsync(
        IServiceProvider services, OutboxStore store, OutboxItem item, CancellationToken ct)
    {
        var message = item.Message;
        var check = await CheckAudienceAsync(services, message, ct).ConfigureAwait(false);
        switch (check)
        {
            case AudienceCheck.Verified:
                return true;
            case AudienceCheck.Unknown unknown when item.Attempts + 1 < _options.MaxAttempts:
                var delay = Backoff(item.Attempts + 1);
                logger.LogWarning("Could not see who reads home {Chat} for message {Id} ({Reason}); looking again in {Delay}",
                    message.To, item.Id, unknown.Reason, delay);
                await store.RetryLaterAsync(item.Id, time.GetUtcNow() + delay, item.Attempts + 1, unknown.Reason,
                    CancellationToken.None).ConfigureAwait(false);
                return false;
            case AudienceCheck.Moved moved:
                await FollowMoveAsync(services, store, item, moved.To).ConfigureAwait(false);
                return false;
            case AudienceCheck.Gone gone:
                logger.LogInformation("Home {Chat} of couple {Couple} is gone ({Reason}); message {Id} goes privately",
                    message.To, message.HomeOf, gone.Reason, item.Id);
                await InsteadAsync(services, store, item, (homes, token) => homes.HomeLostAsync(message, token))
                    .ConfigureAwait(false);
                return false;
            default:
                logger.LogInformation("Home {Chat} of couple {Couple} is not theirs alone ({Check}); message {Id} goes privately",
                    message.To, message.HomeOf, check, item.Id);
                await InsteadAsync(services, store, item, (homes, token) => homes.PostPrivatelyAsync(message, token))
                    .ConfigureAwait(false);
                return false;
        }
    }

    private async Task<AudienceCheck> CheckAudienceAsync(
        IServiceProvider services, OutgoingMessage message, CancellationToken ct)
    {
        if (!_audiences.TryGetValue(message.To.Platform, out var audience))
        {
            return new AudienceCheck.Others($"{message.To.Platform} does not let the bot see who reads a shared chat");
        }

        if (await services.GetRequiredService<ICoupleRepository>().GetAsync(message.HomeOf!.Value, ct)
                .ConfigureAwait(false) is not { } couple)
        {
            return new AudienceCheck.Others("the couple is gone");
        }

        var persons = services.GetRequiredService<IPersonRepository>();
        var partners = new List<ChatUser>();
        foreach (var id in new[] { couple.PartnerAId, couple.PartnerBId })
        {
            if (await persons.GetAsync(id, ct).ConfigureAwait(false) is { } person)
            {
                partners.Add(person.User);
            }
        }

        try
        {
            return await audience.CheckAsync(message.To, partners, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new AudienceCheck.Unknown(ex.GetType().Name);
        }
    }

    /// <summary>The row is replaced by what Core sends instead, in one transaction.</summary>
    private static Task InsteadAsync(IServiceProvider services, OutboxStore store, OutboxItem item,
        Func<HomeService, CancellationToken, Task> instead) =>
        services.GetRequiredService<IUnitOfWork>().RunAsync(async token =>
        {
            await instead(services.GetRequiredService<HomeService>(), token).ConfigureAwait(false);
            await store.DropAsync(item.Id, "sent privately instead", token).ConfigureAwait(false);
        }, CancellationToken.None);

    /// <summary>The chat moved: homes and waiting rows (this one too) follow, and this row is sent again at once.</summary>
    private async Task FollowMoveAsync(IServiceProvider services, OutboxStore store, OutboxItem item, ChatAddress to)
    {
        logger.LogInformation("Chat {Chat} moved to {To}; its homes and waiting messages follow", item.Message.To, to);
        await services.GetRequiredService<IUnitOfWork>().RunAsync(async token =>
        {
            await services.GetRequiredService<HomeService>().MovedAsync(item.Message.To, to, token).ConfigureAwait(false);
            await store.ReleaseAsync(item.Id, time.GetUtcNow(), token).ConfigureAwait(false);
        }, CancellationToken.None).ConfigureAwait(false);
        signal.Notify();
    }

    /// <summary>
    /// What one outbox message becomes on the platform: its text split to fit, buttons (and the invitation to
    /// answer) under the last piece, and a file last, captioned with the text when it fits a caption.
    /// </summary>
    internal static IReadOnlyList<OutgoingMessage> Pieces(OutgoingMessage message, IChatGateway gateway)
    {
        if (message.Attachment is not null && message.Text.Length <= gateway.MaxCaptionLength)
        {
            return [message];
        }

        var texts = TextSplitter.Split(message.Text, gateway.MaxTextLength);
        var pieces = texts.Select((text, i) => message with
        {
            Text = text,
            Choices = i == texts.Count - 1 && message.Attachment is null ? message.Choices : [],
            InvitesAnswer = i == texts.Count - 1 && message.Attachment is null && message.InvitesAnswer,
            Attachment = null,
        }).ToList();
        if (message.Attachment is not null)
        {
            pieces.Add(message with { Text = "" });
        }

        return pieces;
    }

    private async Task HandleFailureAsync(IServiceProvider services, OutboxStore store, OutboxItem item, DeliveryResult result)
    {
        var to = item.Message.To;
        if (result is DeliveryResult.Moved moved)
        {
            await FollowMoveAsync(services, store, item, moved.To).ConfigureAwait(false);
            return;
        }

        if (item.Message.HomeOf is not null && result is DeliveryResult.Unreachable or DeliveryResult.Rejected)
        {
            // A home that refuses posts (bot removed, no right to write) must not swallow them.
            logger.LogWarning("Home {Chat} of couple {Couple} refused message {Id} ({Result}); back to private chats",
                to, item.Message.HomeOf, item.Id, result);
            await InsteadAsync(services, store, item, (homes, token) => homes.HomeLostAsync(item.Message, token))
                .ConfigureAwait(false);
            return;
        }

        switch (result)
        {
            case DeliveryResult.RateLimited { OnlyThisChat: true } limited:
                // The limit is this chat's route: its messages wait, in order, while every other chat goes on.
                _limiters[to.Platform].Hold(to, limited.RetryAfter);
                logger.LogWarning("{Platform} asked us to slow down in chat {Chat} for {RetryAfter}; holding that chat",
                    to.Platform, to, limited.RetryAfter);
                await store.ReleaseAsync(item.Id, time.GetUtcNow()).ConfigureAwait(false);
                break;
            case DeliveryResult.RateLimited limited:
                Pause(to.Platform, limited.RetryAfter);
                logger.LogWarning("{Platform} asked us to slow down for {RetryAfter}; pausing all sends",
                    to.Platform, limited.RetryAfter);
                await store.ReleaseAsync(item.Id, time.GetUtcNow()).ConfigureAwait(false);
                break;
            case DeliveryResult.Unreachable unreachable:
                logger.LogInformation("Chat {Chat} is unreachable ({Reason}); dropping message {Id}",
                    to, unreachable.Reason, item.Id);
                await services.GetRequiredService<IUnitOfWork>().RunAsync(async token =>
                {
                    await services.GetRequiredService<IPersonRepository>().MarkUnreachableAsync(to, token)
                        .ConfigureAwait(false);
                    await store.DropAsync(item.Id, unreachable.Reason, token).ConfigureAwait(false);
                }, CancellationToken.None).ConfigureAwait(false);
                break;
            case DeliveryResult.Rejected rejected:
                logger.LogWarning("{Platform} rejected message {Id} to {Chat}: {Reason}",
                    to.Platform, item.Id, to, rejected.Reason);
                await store.DropAsync(item.Id, rejected.Reason).ConfigureAwait(false);
                break;
            case DeliveryResult.Failed failed when item.Attempts + 1 >= _options.MaxAttempts:
                logger.LogError("Giving up on message {Id} to {Chat} after {Attempts} attempts: {Reason}",
                    item.Id, to, item.Attempts + 1, failed.Reason);
                await store.DropAsync(item.Id, failed.Reason).ConfigureAwait(false);
                break;
            case DeliveryResult.Failed failed:
                var delay = Backoff(item.Attempts + 1);
                logger.LogWarning("Sending message {Id} to {Chat} failed ({Reason}); retrying in {Delay}",
                    item.Id, to, failed.Reason, delay);
                await store.RetryLaterAsync(item.Id, time.GetUtcNow() + delay, item.Attempts + 1, failed.Reason)
                    .ConfigureAwait(false);
                break;
        }
    }

    private static async Task<DeliveryResult> SendSafelyAsync(IChatGateway gateway, OutgoingMessage piece,
        CancellationToken ct)
    {
        try
        {
            return await gateway.SendAsync(piece, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new DeliveryResult.Failed(ex.GetType().Name);
        }
    }

    /// <summary>Exponential back-off with jitter, capped.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = _options.FirstBackoff * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = exponential < _options.MaxBackoff ? exponential : _options.MaxBackoff;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    private bool IsPaused(Platform platform)
    {
        lock (_pauseGate)
        {
            return _pausedUntil.TryGetValue(platform, out var until) && TimeProvider.System.GetTimestamp() < until;
        }
    }

    private void Pause(Platform platform, TimeSpan retryAfter)
    {
        var until = TimeProvider.System.GetTimestamp() + (long)(retryAfter.TotalSeconds * TimeProvider.System.TimestampFrequency);
        lock (_pauseGate)
        {
            _pausedUntil[platform] = Math.Max(until, _pausedUntil.GetValueOrDefault(platform));
        }
    }

    private async Task WaitOutPauseAsync(CancellationToken ct)
    {
        long until;
        lock (_pauseGate)
        {
            until = _pausedUntil.Count == 0 ? 0 : _pausedUntil.Values.Max();
        }

        var remaining = TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), until);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, TimeProvider.System, ct).ConfigureAwait(false);
        }
    }
}
