using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// Ready when the bot is logged in (replies can go out) and interactions can arrive: over HTTP when a public key is
/// set, otherwise over a gateway whose every shard is connected.
/// </summary>
internal sealed class DiscordHealthCheck(DiscordConnection connection, IOptions<DiscordOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = (connection.LoggedIn.IsCompletedSuccessfully, connection.IsGatewayConnected,
                string.IsNullOrEmpty(options.Value.PublicKey)) switch
        {
            (false, _, _) => HealthCheckResult.Unhealthy("not logged in yet"),
            (true, true, _) => HealthCheckResult.Healthy("logged in, gateway connected"),
            (true, false, false) => HealthCheckResult.Healthy("logged in, interactions over HTTP; gateway not connected"),
            (true, false, true) => HealthCheckResult.Unhealthy("logged in, gateway not connected"),
        };
        return Task.FromResult(result);
    }
}
