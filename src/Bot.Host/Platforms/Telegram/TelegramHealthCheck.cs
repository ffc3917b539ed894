using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Ready when updates can arrive: the webhook is registered, or (polling) a getUpdates call came back recently,
/// which a second process polling the same bot, or an unreachable Telegram, prevents.
/// </summary>
internal sealed class TelegramHealthCheck(IServiceProvider services, IOptions<TelegramOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.WebhookUrl is not null)
        {
            return Task.FromResult(services.GetRequiredService<TelegramWebhook>().IsRegistered
                ? HealthCheckResult.Healthy("webhook registered")
                : HealthCheckResult.Unhealthy("webhook not registered yet"));
        }

        // A poll lasts up to the poll timeout; a loop that stays silent much longer is not receiving.
        var patience = TimeSpan.FromSeconds(settings.PollTimeoutSeconds + 30);
        return Task.FromResult(services.GetRequiredService<TelegramPoller>().SinceLastPoll switch
        {
            null => HealthCheckResult.Unhealthy("polling has not answered yet"),
            var since when since > patience => HealthCheckResult.Unhealthy($"no poll answered for {since:%s} s"),
            _ => HealthCheckResult.Healthy("polling"),
        });
    }
}
