using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Bot.EndToEnd.Tests;

/// <summary>Telegram in webhook mode: the fake Telegram POSTs each update to the bot's web server, as Telegram does.</summary>
public sealed class TelegramWebhookTests
{
    private const string Path = "/telegram/hook";

    [Fact]
    public async Task Webhook_PairAndCheckIn_RevealArrivesWithoutAnyPolling()
    {
        await using var bot = await StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);

        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, "alex-one", "alex-two", "alex-three");
        await Journeys.AnswerAllAsync(bot, sam, "sam-one", "sam-two", "sam-three");
        var reveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("sam-three", StringComparison.Ordinal));

        Assert.Contains("Alex: alex-one", reveal.Text, StringComparison.Ordinal);
        Assert.EndsWith(Path, bot.Telegram.WebhookUrl, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(bot.Telegram.WebhookSecret));
        Assert.DoesNotContain("getUpdates", bot.Telegram.CallLog);
        Assert.DoesNotContain("deleteWebhook", bot.Telegram.CallLog);
        Assert.All(bot.Telegram.WebhookDeliveries, d => Assert.Equal(200, d.Status));
        Assert.Contains(bot.Telegram.RegisteredCommands, set => set.Any(c => c.Command == "checkin"));
    }

    [Fact]
    public async Task Webhook_WrongOrMissingSecret_IsRefusedAndNothingIsHandled()
    {
        await using var bot = await StartAsync();
        var alex = bot.User(1001, "Alex");
        using var http = OperationsTests.Client(bot);
        const string update = """
            {"update_id":900,"message":{"message_id":1,"date":1700000000,"chat":{"id":1001,"type":"private","first_name":"Alex"},
             "from":{"id":1001,"is_bot":false,"first_name":"Alex"},"text":"/start"}}
            """;

        using var wrong = Post(update, secret: bot.Telegram.WebhookSecret + "x");
        using var missing = Post(update, secret: null);
        var wrongAnswer = await http.SendAsync(wrong);
        var missingAnswer = await http.SendAsync(missing);
        bot.Telegram.SendText(alex, "/help");
        var reply = await bot.Telegram.WaitForMessageAsync(alex.Id);
        await bot.SettleAsync();

        Assert.Equal(HttpStatusCode.Forbidden, wrongAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missingAnswer.StatusCode);
        Assert.Single(bot.Telegram.SentTo(alex.Id));
        Assert.DoesNotContain("Hi Alex", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_WhenTheBotAnswers500_TelegramRetriesAndTheUpdateIsHandledOnce()
    {
        // SQLite's own wait (busy_timeout) is all the bot waits for the lock, so the webhook call fails in seconds.
        await using var bot = await StartAsync(b => b.Configuration["ConnectionStrings:Bot"] += ";Default Timeout=1");
        var alex = bot.User(1001, "Alex");
        await using var blocker = new SqliteConnection(
            $"Data Source={System.IO.Path.Combine(bot.DataFolder, "bot.db")};Pooling=False");
        await blocker.OpenAsync();
        await using (var command = blocker.CreateCommand())
        {
            // Holds the write lock: the bot cannot commit the update, so it must not say 200.
            command.CommandText = "BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();
        }

        var sent = bot.Telegram.SendText(alex, "/start");
        var refused = await bot.Telegram.WaitForWebhookDeliveryAsync(d => d.UpdateId == sent && d.Status >= 500,
            TimeSpan.FromSeconds(30));
        await using (var command = blocker.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }

        var welcome = await bot.Telegram.WaitForMessageAsync(alex.Id, timeout: TimeSpan.FromSeconds(30));
        await bot.SettleAsync();

        Assert.Equal(500, refused.Status);
        Assert.Contains(bot.Telegram.WebhookDeliveries, d => d.UpdateId == sent && d.Status == 200);
        Assert.Contains("Hi Alex", welcome.Text, StringComparison.Ordinal);
        Assert.Single(bot.Telegram.SentTo(alex.Id));
    }

    private static async Task<BotTestHost> StartAsync(Action<Microsoft.Extensions.Hosting.IHostApplicationBuilder>? configure = null)
    {
        var port = FreePort();
        var bot = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Http:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Telegram:WebhookUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{Path}"),
        }, configure: configure);
        await bot.Telegram.WaitForCallAsync("setWebhook");
        return bot;
    }

    private static HttpRequestMessage Post(string update, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative))
        {
            Content = new StringContent(update, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(Fakes.FakeTelegramServer.SecretHeader, secret);
        }

        return request;
    }

    // Telegram must be told the URL before the bot listens, so the port is chosen up front.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
