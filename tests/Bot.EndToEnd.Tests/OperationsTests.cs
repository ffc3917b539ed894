using System.Net;
using System.Text.Json;
using Bot.Host.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.EndToEnd.Tests;

/// <summary>What an operator sees on the host's web server: liveness, readiness and Prometheus metrics.</summary>
public sealed class OperationsTests
{
    private static readonly Dictionary<string, string?> Served = new() { ["Http:Port"] = "0" };

    [Fact]
    public async Task Readyz_WithDatabaseAndTelegramPolling_IsReadyAndNamesEachCheck()
    {
        await using var bot = await BotTestHost.StartAsync(Served);
        using var http = Client(bot);

        var alive = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await WaitForReadyAsync(http);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("polling", ready.GetProperty("checks").GetProperty("telegram").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_WhileDiscordIsNotLoggedIn_Answers503()
    {
        // Discord's REST refuses nothing here, but its gateway never answers: the adapter cannot log in and connect.
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Http:Port"] = "0",
            ["Discord:Token"] = Bot.Testing.Discord.FakeDiscordServer.DefaultToken,
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10/",
        });
        using var http = Client(bot);

        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("discord").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_AfterAConversation_CountUpdatesSendsAndQueueDepthsInPrometheusText()
    {
        await using var bot = await BotTestHost.StartAsync(Served);
        using var http = Client(bot);
        var alex = bot.User(1001, "Alex");

        bot.Telegram.SendText(alex, "/start");
        await bot.Telegram.WaitForMessageAsync(alex.Id);
        await bot.SettleAsync();
        await bot.SweepAsync();
        var metrics = await WaitForMetricAsync(http, "botsuite_messages_sent_total{");

        Assert.Contains("botsuite_updates_received_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("platform=\"telegram\"", metrics, StringComparison.Ordinal);
        Assert.Contains("botsuite_updates_processed_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("botsuite_updates_latency_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("botsuite_sweep_duration_seconds_count", metrics, StringComparison.Ordinal);
        Assert.Contains("botsuite_inbox_depth{", metrics, StringComparison.Ordinal);
        Assert.Contains("botsuite_outbox_depth{", metrics, StringComparison.Ordinal);
        Assert.Contains("lane=\"reply\"", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("/start", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoHttpSetting_OpensNoPort()
    {
        await using var bot = await BotTestHost.StartAsync();

        Assert.Null(bot.Services.GetService<WebServer>());
    }

    internal static HttpClient Client(BotTestHost bot) =>
        new() { BaseAddress = bot.Services.GetRequiredService<WebServer>().Address, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<JsonElement> WaitForReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<string> WaitForMetricAsync(HttpClient http, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (text.Contains(expected, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(100);
        }
    }
}
