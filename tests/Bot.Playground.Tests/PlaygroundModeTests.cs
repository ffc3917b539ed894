using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host;
using Bot.Host.Platforms.Web;
using Bot.Host.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Playground.Tests;

/// <summary>What --playground changes in the host, and what the page's server refuses; no browser needed.</summary>
public sealed class PlaygroundModeTests
{
    [Fact]
    public void Playground_WithATelegramTokenSet_RunsAloneOnItsOwnDatabaseAndClock()
    {
        using var services = Build("--playground", "--Telegram:Token=123456:not-a-real-token");

        var platforms = services.GetServices<IChatGateway>().Select(g => g.Platform).ToList();
        var database = services.GetRequiredService<DbConnectionFactory>().DatabaseFile;
        var clock = services.GetRequiredService<TimeProvider>();

        Assert.Equal([Platform.Web], platforms);
        Assert.Equal("playground.db", Path.GetFileName(database));
        Assert.IsType<PlaygroundClock>(clock);
    }

    [Fact]
    public void Playground_AskedToRunWithPlatforms_SharesTheBotsDatabaseAndKeepsTheRealClock()
    {
        using var services = Build("--playground", "--Playground:WithPlatforms=true",
            "--Telegram:Token=123456:not-a-real-token", "--ConnectionStrings:Bot=Data Source=bot.db");

        var platforms = services.GetServices<IChatGateway>().Select(g => g.Platform).Order().ToList();
        var database = services.GetRequiredService<DbConnectionFactory>().DatabaseFile;

        Assert.Equal([Platform.Telegram, Platform.Web], platforms);
        Assert.Equal("bot.db", Path.GetFileName(database));
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Null(services.GetService<PlaygroundTime>());
    }

    [Fact]
    public void WithoutPlayground_NoWebAdapterAndTheSystemClock()
    {
        using var services = Build("--Telegram:Token=123456:not-a-real-token");

        Assert.DoesNotContain(services.GetServices<IChatGateway>(), g => g.Platform == Platform.Web);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task RunAsync_WithoutAnyToken_PointsToThePlayground()
    {
        using var error = new StringWriter();

        var code = await BotHost.RunAsync([], error);

        Assert.Equal(2, code);
        Assert.Contains("-- --playground", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_ListensOnLoopbackAndServesThePage()
    {
        await using var playground = await PlaygroundHost.StartAsync();
        using var http = new HttpClient { BaseAddress = playground.Address };

        var page = await http.GetStringAsync("/");

        Assert.Equal(IPAddress.Loopback.ToString(), playground.Address.Host);
        Assert.Contains("<title>BotSuite playground</title>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_RefusesAnotherSitesNameAndNonJsonPosts()
    {
        await using var playground = await PlaygroundHost.StartAsync();
        using var http = new HttpClient { BaseAddress = playground.Address };
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/");
        rebound.Headers.Host = "attacker.example";
        using var plain = new StringContent("""{"name":"Alex","text":"/pair"}""", Encoding.UTF8, "text/plain");

        using var reboundResponse = await http.SendAsync(rebound);
        using var plainResponse = await http.PostAsync("/panes/a/say", plain);
        using var badPane = await http.PostAsJsonAsync("/panes/..%2Fx/say", new { name = "Alex", text = "/pair" });
        using var empty = await http.PostAsJsonAsync("/panes/a/say", new { name = "Alex", text = "  " });

        Assert.Equal(HttpStatusCode.MisdirectedRequest, reboundResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, plainResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPane.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Clock_MovedForwardADay_IsWhatTheHostReads()
    {
        await using var playground = await PlaygroundHost.StartAsync();
        using var http = new HttpClient { BaseAddress = playground.Address };
        var before = DateTimeOffset.UtcNow;

        using var moved = await http.PostAsJsonAsync("/clock/forward", new { to = "day" });
        var now = playground.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        using var toCheckIn = await http.PostAsJsonAsync("/clock/forward", new { to = "next-checkin" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.InRange(now - before, TimeSpan.FromDays(1), TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Conflict, toCheckIn.StatusCode);
    }

    [Fact]
    public async Task Clock_ToTheNextCheckIn_HasOpenedItWhenTheMoveReturns()
    {
        await using var playground = await PlaygroundHost.StartAsync();
        using var http = new HttpClient { BaseAddress = playground.Address };
        var feed = playground.Services.GetRequiredService<PlaygroundFeed>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var news = feed.StreamAsync(0, stop.Token).GetAsyncEnumerator(stop.Token);
        (await http.PostAsJsonAsync("/panes/a/say", new { name = "Alex", text = "/pair" })).Dispose();
        var invite = await NextAsync(news, "/join ");
        var join = Regex.Match(invite, "/join [A-Z0-9]{5}-[A-Z0-9]{5}").Value;
        (await http.PostAsJsonAsync("/panes/b/say", new { name = "Sam", text = join })).Dispose();
        await NextAsync(news, "paired");
        var due = await playground.Services.GetRequiredService<PlaygroundTime>().NextCheckInAsync(CancellationToken.None);

        using var moved = await http.PostAsJsonAsync("/clock/forward", new { to = "next-checkin" });
        var openRounds = await CountOpenRoundsAsync(playground);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.NotNull(due);
        Assert.True(playground.Services.GetRequiredService<TimeProvider>().GetUtcNow() >= due);
        Assert.Equal(1, openRounds);
    }

    /// <summary>The text of the next message from the bot on the stream that contains the fragment.</summary>
    private static async Task<string> NextAsync(IAsyncEnumerator<SseItem<string>> news, string fragment)
    {
        while (await news.MoveNextAsync())
        {
            if (news.Current.EventType != PlaygroundFeed.MessageEvent)
            {
                continue;
            }

            var message = JsonDocument.Parse(news.Current.Data).RootElement;
            var text = message.GetProperty("text").GetString() ?? "";
            if (message.GetProperty("author").GetString() == "bot" && text.Contains(fragment, StringComparison.Ordinal))
            {
                return text;
            }
        }

        throw new InvalidOperationException($"The feed ended before a message with '{fragment}'.");
    }

    private static async Task<long> CountOpenRoundsAsync(PlaygroundHost playground)
    {
        await using var scope = playground.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StorageSession>()
            .ExecuteScalarAsync<long>("SELECT count(*) FROM rounds WHERE state = 1", null, CancellationToken.None);
    }

    private static ServiceProvider Build(params string[] args)
    {
        var builder = BotHost.CreateBuilder(args);
        return builder.Services.BuildServiceProvider();
    }
}
