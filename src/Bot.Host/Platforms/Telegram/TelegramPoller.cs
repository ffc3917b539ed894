using System.Net;
using Bot.Core.Application.Commands;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Long-polls getUpdates. Each update is committed to the inbox before the next poll confirms it (offset), so a
/// crash at any point loses nothing; processing itself happens in the pipeline, per chat.
/// </summary>
internal sealed class TelegramPoller(
    ITelegramBotClient bot,
    TelegramIntake intake,
    IOptions<TelegramOptions> options,
    HostExit exit,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private long _lastPolledAt;

    /// <summary>How long ago the last getUpdates call came back; null before the first (readiness reads it).</summary>
    public TimeSpan? SinceLastPoll =>
        Interlocked.Read(ref _lastPolledAt) is var at and not 0 ? TimeProvider.System.GetElapsedTime(at) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        string? username = null;
        int offset = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                username ??= await StartSessionAsync(stoppingToken).ConfigureAwait(false);
                var updates = await bot.GetUpdates(offset, limit: 100, timeout: options.Value.PollTimeoutSeconds,
                    allowedUpdates: TelegramIntake.Wanted, cancellationToken: stoppingToken).ConfigureAwait(false);
                Interlocked.Exchange(ref _lastPolledAt, TimeProvider.System.GetTimestamp());
                foreach (var update in updates)
                {
                    await intake.AcceptAsync(update, username, stoppingToken).ConfigureAwait(false);
                    offset = update.Id + 1;
                }

                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == (int)HttpStatusCode.Unauthorized)
            {
                exit.Fail(HostExit.PlatformRefused,
                    "Telegram rejected the bot token (401). Check Telegram:Token (Telegram__Token)");
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == (int)HttpStatusCode.Conflict)
            {
                logger.LogWarning("Another process is polling this bot ({Message}); waiting {Backoff}", ex.Message, backoff);
                await DelayAsync(backoff, stoppingToken).ConfigureAwait(false);
                backoff = Next(backoff);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Polling Telegram failed; retrying in {Backoff}", backoff);
                await DelayAsync(backoff, stoppingToken).ConfigureAwait(false);
                backoff = Next(backoff);
            }
        }
    }

    private async Task<string> StartSessionAsync(CancellationToken ct)
    {
        var me = await bot.GetMe(ct).ConfigureAwait(false);
        await bot.DeleteWebhook(cancellationToken: ct).ConfigureAwait(false);
        await bot.SetMyCommands(CommandCatalog.All.Select(c => new BotCommand(c.Name, c.Description)),
            cancellationToken: ct).ConfigureAwait(false);
        logger.LogInformation("Telegram bot @{Username} is listening", me.Username);
        intake.Username = me.Username ?? "";
        return intake.Username;
    }

    private static Task DelayAsync(TimeSpan delay, CancellationToken ct) =>
        Task.Delay(delay, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private static TimeSpan Next(TimeSpan backoff) => backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
}
