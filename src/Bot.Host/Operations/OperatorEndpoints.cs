using System.Text.Json;
using Bot.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace Bot.Host.Operations;

/// <summary>
/// <c>/healthz</c>: the process is alive and answering. <c>/readyz</c>: every readiness check passes (the database,
/// each platform receiving); 503 with the failing checks otherwise. <c>/metrics</c>: the BotSuite meter in
/// Prometheus text format. None of them shows anything a couple wrote.
/// </summary>
internal sealed class OperatorEndpoints(HealthCheckService health, MeterProvider meters, QueueDepthSampler depths)
    : IHttpEndpoints
{
    public const string MetricsPath = "/metrics";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Title => "Health and metrics (/healthz, /readyz, /metrics)";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", () => Results.Text("alive\n"));
        endpoints.MapGet("/readyz", ReadyAsync);
        // The exporter lives in the bot's container, not in the web server's: it is handed over here.
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath, meters, metrics => metrics.Use(async (context, next) =>
        {
            await depths.SampleAsync(context.RequestAborted).ConfigureAwait(false);
            await next(context).ConfigureAwait(false);
        }), null);
    }

    private async Task<IResult> ReadyAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(OperationsSetup.ReadyTag), ct)
            .ConfigureAwait(false);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return Results.Json(body, Json, statusCode: report.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }
}
