using Bot.Core.Application;
using Bot.Core.Ports;
using Bot.Discord;
using Bot.Discord.Gateway;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Bot.Host.Pipeline;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// Registers the slash commands, keeps the gateway session alive and feeds what arrives into the pipeline.
/// Interactions are answered at once (Discord allows three seconds); the real reply follows through the outbox.
/// </summary>
internal sealed class DiscordAdapter(
    DiscordRestClient rest,
    DiscordGatewayClient gateway,
    InboundPipeline pipeline,
    CheckInOptions checkIn,
    IEnumerable<IChatGateway> platforms,
    IOptions<DiscordOptions> options,
    HostExit exit,
    ILogger<DiscordAdapter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RegisterCommandsAsync(stoppingToken).ConfigureAwait(false);
            var reading = ReadAsync(stoppingToken);
            await gateway.RunAsync(stoppingToken).ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (DiscordGatewayFatalException ex)
        {
            logger.LogCritical("Discord closed the gateway for good ({CloseCode}: {Reason}). Check Discord:Token "
                + "(Discord__Token) and the bot's intents in the Developer Portal; the Discord adapter has stopped",
                ex.CloseCode, ex.Reason);
            StopIfAlone("Discord closed the gateway for good");
        }
        catch (DiscordApiException ex) when (ex.StatusCode == 401)
        {
            logger.LogCritical("Discord rejected the bot token (401). Check Discord:Token (Discord__Token); "
                + "the Discord adapter has stopped");
            StopIfAlone("Discord rejected the bot token");
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                var application = await rest.GetCurrentApplicationAsync(ct).ConfigureAwait(false);
                var commands = DiscordCommands.Build();
                if (options.Value.GuildId is { Length: > 0 } guildId)
                {
                    await rest.BulkOverwriteGuildCommandsAsync(application.Id, guildId, commands, ct).ConfigureAwait(false);
                }
                else
                {
                    await rest.BulkOverwriteGlobalCommandsAsync(application.Id, commands, ct).ConfigureAwait(false);
                }

                logger.LogInformation("Discord commands registered ({Scope})",
                    options.Value.GuildId is { Length: > 0 } ? "guild " + options.Value.GuildId : "global");
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordRateLimitedException
                                           or DiscordApiException { StatusCode: >= 500 })
            {
                logger.LogWarning(ex, "Registering Discord commands failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, ct).ConfigureAwait(false);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
            }
        }
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                switch (dispatch.Type)
                {
                    case GatewayEvents.InteractionCreate:
                        await OnInteractionAsync(dispatch.Read(DiscordJsonContext.Default.Interaction)!, ct)
                            .ConfigureAwait(false);
                        break;
                    case GatewayEvents.MessageCreate when dispatch.Read(DiscordJsonContext.Default.DiscordMessage) is { } message
                        && DiscordInteractionMapper.Map(message) is { } inbound:
                        await pipeline.AcceptAsync($"discord:message:{message.Id}", inbound, ct).ConfigureAwait(false);
                        break;
                    case GatewayEvents.MessageUpdate when dispatch.Read(DiscordJsonContext.Default.DiscordMessage) is { } edited
                        && DiscordInteractionMapper.MapEdit(edited) is { } edit:
                        await pipeline.AcceptAsync($"discord:edit:{edited.Id}:{edited.EditedTimestamp!.Value.ToUnixTimeMilliseconds()}", edit, ct)
                            .ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Handling Discord {Event} #{Sequence} failed", dispatch.Type, dispatch.Sequence);
            }
        }
    }

    private async Task OnInteractionAsync(Interaction interaction, CancellationToken ct)
    {
        if (DiscordInteractionMapper.Map(interaction, checkIn.MaxAnswerLength) is not { } intake)
        {
            return;
        }

        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, intake.Response, ct)
                .ConfigureAwait(false);
        }
        catch (DiscordApiException ex)
        {
            // Too late or already answered: the person saw "interaction failed"; what they did still counts.
            logger.LogWarning("Could not acknowledge interaction {Id}: {Code} {Message}", interaction.Id, ex.Code, ex.Message);
        }

        if (intake.Message is { } message)
        {
            await pipeline.AcceptAsync($"discord:interaction:{interaction.Id}", message, ct).ConfigureAwait(false);
        }
    }

    private void StopIfAlone(string why)
    {
        // With another platform still serving couples, keep the host running.
        if (platforms.Count() == 1)
        {
            exit.Fail(HostExit.PlatformRefused, why);
        }
    }
}
