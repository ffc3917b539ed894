using Bot.Host.Web;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Bot.Host.Operations;

/// <summary>
/// Registers what operators see: the bot's metrics (always recorded) and readiness checks, and, when the host's web
/// server runs, <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> on it. The server runs when <c>Http:Port</c> or
/// <c>Http:Address</c> is set, when a platform receives over HTTP (Telegram's webhook, Discord's interactions
/// endpoint), or for the playground; a bare <c>dotnet run</c> with a token opens no port, as before.
/// Call after the platforms and the playground, which add their own endpoints and checks.
/// </summary>
internal static class OperationsSetup
{
    /// <summary>The tag of the checks <c>/readyz</c> runs; a part of the host adds its own with this tag.</summary>
    public const string ReadyTag = "ready";

    public static bool IsHttpRequested(IConfiguration configuration) =>
        configuration[$"{HttpOptions.Section}:{nameof(HttpOptions.Port)}"] is not null
        || configuration[$"{HttpOptions.Section}:{nameof(HttpOptions.Address)}"] is not null;

    /// <summary>Metrics and the database check; every host has them, served or not.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>The operator's endpoints, on the host's web server when it runs (see the class summary).</summary>
    public static IHostApplicationBuilder AddOperatorEndpoints(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!IsHttpRequested(builder.Configuration) && !services.Any(d => d.ServiceType == typeof(WebServer)))
        {
            return builder;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("botsuite"))
            .WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName)
            .AddPrometheusExporter(prometheus =>
            {
                prometheus.ScrapeEndpointPath = OperatorEndpoints.MetricsPath;
                // Each scrape reads the queue depths from the database first; a cached answer would skip that.
                prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        services.AddSingleton<QueueDepthSampler>();
        builder.AddHttpEndpoints<OperatorEndpoints>();
        return builder;
    }
}
