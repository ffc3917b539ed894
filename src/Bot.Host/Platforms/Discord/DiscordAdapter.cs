using System.Collections.Concurrent;
using System.Threading.Channels;
using Bot.Core.Ports;
using Bot.Host.Pipeline;
using Bot.Host.Storage;
using Discord;
using Discord.Net;
using Discord.Rest;
using Discord.WebSocket;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// Runs the Discord.Net client and feeds what arrives into the pipeline. Every interaction and DM is committed to
/// the inbox before Discord hears it arrived; interactions are handled side by side, so an acknowledgement never
/// waits behind another chat's storage, while DMs and edits keep their order. After (re)connecting, DMs sent
/// while the bot was away are fetched from the channels of partners with an open round. A shard that stays
/// disconnected is rebuilt; a fatal close or a rejected token stops Discord alone, or the host when Discord is all
/// it runs.
/// </summary>
internal sealed class DiscordAdapter(
    DiscordConnection connection,
    DiscordStateStore state,
    InboundPipeline pipeline,
    DiscordInteractionIntake intake,
    IEnumerable<IChatGateway> platforms,
    IOptions<DiscordOptions> options,
    HostExit exit,
    ILogger<DiscordAdapter> logger,
    ILeadership? leadership = null) : BackgroundService
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    // Close codes after which reconnecting cannot help: a bad token, shards or intents.
    private static readonly int[] FatalCloseCodes = [4004, 4010, 4011, 4012, 4013, 4014];

    private readonly DiscordOptions _settings = options.Value;
    private readonly Channel<DmWork> _dms = Channel.CreateUnbounded<DmWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, long> _disconnectedSince = new();
    private readonly TaskCompletionSource<Exception> _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _commandsRegistered;

    // Only one node holds the gateway (ILeadership): it connects when this node comes to lead and lets go when it
    // stops leading, for the node that takes over.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reading = ReadDmsAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var term = leadership is null
                    ? CancellationToken.None
                    : await leadership.WaitForLeadershipAsync(stoppingToken).ConfigureAwait(false);
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
                if (!await HoldGatewayAsync(leading.Token).ConfigureAwait(false))
                {
                    break;
                }

                if (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogInformation("This node stopped leading; the Discord gateway is left to the node that leads");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _dms.Writer.TryComplete();
        }

        await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Connects and watches until <paramref name="ct"/> ends it (true) or the adapter has to stop (false).</summary>
    private async Task<bool> HoldGatewayAsync(CancellationToken ct)
    {
        try
        {
            await StartWithRetriesAsync(ct).ConfigureAwait(false);
            await WatchAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception ex) when (IsFatal(ex, out var why))
        {
            logger.LogCritical("{Why}. Check Discord:Token (Discord__Token) and the bot's intents in the Developer "
                + "Portal; the Discord adapter has stopped", why);
            StopIfAlone(why);
        }
        catch (Exception ex)
        {
            logger.LogCritical("The Discord adapter stopped: {Error}", DiscordText.Redact(ex.Message));
            StopIfAlone("the Discord adapter stopped");
        }
        finally
        {
            await connection.StopGatewayAsync().ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Starts the client; Discord being unreachable for a while is waited out, a refusal is not.</summary>
    private async Task StartWithRetriesAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await StartClientAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!IsFatal(ex, out _) && ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not reach Discord ({Error}); trying again in {Backoff}",
                    DiscordText.Redact(ex.Message), backoff);
                await DiscordConnection.DisposeClientAsync(connection.Client).ConfigureAwait(false);
                await Task.Delay(backoff, ct).ConfigureAwait(false);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
            }
        }
    }

    private async Task StartClientAsync()
    {
        var client = connection.Create();
        client.InteractionCreated += interaction =>
        {
            // Off the gateway's loop: each interaction is stored and acknowledged on its own.
            _ = Task.Run(() => OnInteractionAsync(interaction));
            return Task.CompletedTask;
        };
        client.MessageReceived += message => Queue(new DmWork(Facts(message), IsEdit: false));
        client.MessageUpdated += (_, message, _) => Queue(new DmWork(Facts(message), IsEdit: true));
        client.ShardReady += OnShardReadyAsync;
        client.ShardConnected += shard =>
        {
            _disconnectedSince.TryRemove(shard.ShardId, out _);
            return Task.CompletedTask;
        };
        client.ShardDisconnected += (exception, shard) =>
        {
            _disconnectedSince.TryAdd(shard.ShardId, TimeProvider.System.GetTimestamp());
            if (CloseCodeOf(exception) is { } code && FatalCloseCodes.Contains(code))
            {
                _fatal.TrySetResult(exception);
            }

            return Task.CompletedTask;
        };

        await client.LoginAsync(TokenType.Bot, _settings.Token!).ConfigureAwait(false);
        connection.MarkLoggedIn();
        await client.StartAsync().ConfigureAwait(false);
    }

    /// <summary>Watches for a fatal close and for shards the library leaves disconnected, and rebuilds the client.</summary>
    private async Task WatchAsync(CancellationToken ct)
    {
        var sweepTokensAt = TimeProvider.System.GetTimestamp();
        while (true)
        {
            await Task.WhenAny(_fatal.Task, Task.Delay(WatchInterval, ct)).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (_fatal.Task.IsCompleted)
            {
                throw await _fatal.Task.ConfigureAwait(false);
            }

            var now = TimeProvider.System.GetTimestamp();
            if (_disconnectedSince.Values.Any(since => TimeProvider.System.GetElapsedTime(since, now) > _settings.ReconnectWatchdog))
            {
                logger.LogWarning("A Discord shard stayed disconnected for over {Watchdog}; starting a new client",
                    _settings.ReconnectWatchdog);
                await DiscordConnection.DisposeClientAsync(connection.Client).ConfigureAwait(false);
                _disconnectedSince.Clear();
                await StartWithRetriesAsync(ct).ConfigureAwait(false);
            }

            if (TimeProvider.System.GetElapsedTime(sweepTokensAt, now) > TimeSpan.FromMinutes(1))
            {
                sweepTokensAt = now;
                await ForgetExpiredTokensAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private async Task ForgetExpiredTokensAsync(CancellationToken ct)
    {
        try
        {
            await state.ForgetExpiredAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Deleting expired interaction tokens failed; trying again in a minute");
        }
    }

    private async Task OnShardReadyAsync(DiscordSocketClient shard)
    {
        if (Interlocked.Exchange(ref _commandsRegistered, 1) == 0)
        {
            _ = Task.Run(() => RegisterCommandsAsync(shard.Rest));
        }

        // DMs arrive on shard 0 only; what came while we were away is read before anything newer.
        if (shard.ShardId == 0)
        {
            await _dms.Writer.WriteAsync(DmWork.CatchUp).ConfigureAwait(false);
        }
    }

    private async Task RegisterCommandsAsync(DiscordRestClient rest)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                var commands = DiscordCommands.Build();
                var call = new DiscordCall();
                if (ulong.TryParse(_settings.GuildId, out var guildId))
                {
                    await rest.BulkOverwriteGuildCommands(commands, guildId, call.Options).ConfigureAwait(false);
                }
                else
                {
                    await rest.BulkOverwriteGlobalCommands(commands, call.Options).ConfigureAwait(false);
                }

                logger.LogInformation("Discord commands registered ({Scope})",
                    _settings.GuildId is { Length: > 0 } ? "guild " + _settings.GuildId : "global");
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or RateLimitedException or TimeoutException
                                           or HttpException { HttpCode: >= System.Net.HttpStatusCode.InternalServerError })
            {
                logger.LogWarning("Registering Discord commands failed ({Error}); retrying in {Backoff}",
                    DiscordText.Redact(ex.Message), backoff);
                await Task.Delay(backoff).ConfigureAwait(false);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
            }
            catch (Exception ex)
            {
                logger.LogError("Registering Discord commands failed for good: {Error}", DiscordText.Redact(ex.Message));
                return;
            }
        }
    }

    private async Task OnInteractionAsync(SocketInteraction interaction)
    {
        try
        {
            if (await intake.TakeAsync(interaction).ConfigureAwait(false) is not { } taken)
            {
                return;
            }

            try
            {
                await AcknowledgeAsync(interaction, taken.Ack).ConfigureAwait(false);
            }
            catch (Exception) when (taken.Message is not null)
            {
                // Too late or refused: the person saw "interaction failed"; what they did still counts, and the
                // replies to it go by DM.
                await intake.NotAcknowledgedAsync(interaction.Id).ConfigureAwait(false);
                throw;
            }

            await intake.AcknowledgedAsync(interaction.Id, taken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Handling interaction {Id} failed: {Error}", interaction.Id, DiscordText.Redact(ex.Message));
        }
    }

    private static Task AcknowledgeAsync(SocketInteraction interaction, DiscordAck ack)
    {
        var options = DiscordCall.Acknowledgement();
        return (ack, interaction) switch
        {
            (DiscordAck.DeferReply reply, SocketMessageComponent click) => click.DeferLoadingAsync(reply.Ephemeral, options),
            (DiscordAck.DeferReply reply, _) => interaction.DeferAsync(reply.Ephemeral, options),
            (DiscordAck.DeferUpdate, _) => interaction.DeferAsync(options: options),
            (DiscordAck.AnswerForm form, _) => interaction.RespondWithModalAsync(DiscordInteractionIntake.AnswerForm(form), options),
            (DiscordAck.Suggestions suggestions, SocketAutocompleteInteraction autocomplete) => autocomplete.RespondAsync(
                suggestions.Values.Select(zone => new AutocompleteResult(zone, zone)), options),
            _ => Task.CompletedTask,
        };
    }

    private static DiscordMessageFacts Facts(IMessage message) => new(
        message.Id, message.Author.Id, DiscordInteractionIntake.NameOf(message.Author), message.Author.IsBot || message.Author.IsWebhook,
        (message.Channel as IGuildChannel)?.GuildId, message.Channel.Id, message.Content ?? "", message.EditedTimestamp);

    private Task Queue(DmWork work)
    {
        if (work.Message is { GuildId: null, FromBot: false })
        {
            _dms.Writer.TryWrite(work);
        }

        return Task.CompletedTask;
    }

    /// <summary>DMs and edits one after another, in the order Discord sent them; a catch-up runs in its place.</summary>
    private async Task ReadDmsAsync(CancellationToken ct)
    {
        await foreach (var work in _dms.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                if (work.Message is { } message)
                {
                    await AcceptDmAsync(message, work.IsEdit, ct).ConfigureAwait(false);
                }
                else
                {
                    await CatchUpAsync(ct).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError("Handling a Discord DM failed: {Error}", DiscordText.Redact(ex.Message));
            }
        }
    }

    /// <summary>Takes the DM or edit into the inbox; true when it was new (not handled before).</summary>
    private async Task<bool> AcceptDmAsync(DiscordMessageFacts message, bool isEdit, CancellationToken ct)
    {
        if (isEdit)
        {
            return DiscordInteractionMapper.MapEdit(message) is { } edit
                && await pipeline.AcceptAsync($"discord:edit:{message.Id}:{message.EditedAt!.Value.ToUnixTimeMilliseconds()}",
                    edit, ct).ConfigureAwait(false);
        }

        if (DiscordInteractionMapper.Map(message) is not { } inbound)
        {
            return false;
        }

        var isNew = await pipeline.AcceptAsync($"discord:message:{message.Id}", inbound, ct).ConfigureAwait(false);
        await state.SeeDmAsync(message.ChannelId, message.AuthorId, message.Id, ct).ConfigureAwait(false);
        return isNew;
    }

    /// <summary>Reads, for every partner with an open round, the DMs after the last one handled (each handled once).</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        var caughtUp = 0;
        foreach (var cursor in await state.CursorsToCatchUpAsync(ct).ConfigureAwait(false))
        {
            var call = new DiscordCall(ct);
            try
            {
                if (await connection.Client.Rest.GetChannelAsync(cursor.ChannelId, call.Options).ConfigureAwait(false)
                    is not IMessageChannel channel)
                {
                    continue;
                }

                var missed = await channel.GetMessagesAsync(cursor.LastMessageId, Direction.After, DiscordConfig.MaxMessagesPerBatch,
                    CacheMode.AllowDownload, call.Options).FlattenAsync().ConfigureAwait(false);
                foreach (var message in missed.Where(m => m.Author.Id == cursor.UserId).OrderBy(m => m.Id))
                {
                    if (await AcceptDmAsync(Facts(message) with { GuildId = null }, isEdit: false, ct).ConfigureAwait(false))
                    {
                        caughtUp++;
                    }
                }
            }
            catch (Exception ex) when (call.Outcome(ex) is not null)
            {
                logger.LogWarning("Catching up DMs in channel {Channel} failed: {Error}", cursor.ChannelId,
                    DiscordText.Redact(ex.Message));
            }
        }

        if (caughtUp > 0)
        {
            logger.LogInformation("Caught up {Count} Discord DMs sent while the bot was away", caughtUp);
        }
    }

    private static int? CloseCodeOf(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is WebSocketClosedException closed)
            {
                return closed.CloseCode;
            }
        }

        return null;
    }

    private static bool IsFatal(Exception exception, out string why)
    {
        why = exception switch
        {
            HttpException { HttpCode: System.Net.HttpStatusCode.Unauthorized } => "Discord rejected the bot token (401)",
            _ when CloseCodeOf(exception) is { } code && FatalCloseCodes.Contains(code) =>
                $"Discord closed the gateway for good ({code})",
            HttpException { HttpCode: < System.Net.HttpStatusCode.InternalServerError and not System.Net.HttpStatusCode.TooManyRequests } http =>
                $"Discord refused to start the bot ({(int)http.HttpCode})",
            ArgumentException => "The Discord token is malformed",
            _ => "",
        };
        return why.Length > 0;
    }

    private void StopIfAlone(string why)
    {
        // With another platform still serving couples, keep the host running.
        if (platforms.Count() == 1)
        {
            exit.Fail(HostExit.PlatformRefused, why);
        }
    }

    /// <summary>A DM or an edit to hand to the pipeline; without a message, the signal to catch up.</summary>
    private sealed record DmWork(DiscordMessageFacts? Message, bool IsEdit)
    {
        public static DmWork CatchUp { get; } = new(null, false);
    }
}
