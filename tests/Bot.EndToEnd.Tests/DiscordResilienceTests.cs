using Bot.Host;
using Bot.Host.Platforms.Discord;
using Bot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.EndToEnd.Tests;

/// <summary>Discord through Discord.Net when things go wrong: restarts, reconnects, limits, refusals, shards.</summary>
public sealed class DiscordResilienceTests
{
    /// <summary>Dana and Eli paired, a check-in open, both through the pulse: Eli has been asked question 1.</summary>
    private static async Task<(FakeDiscordUser Dana, FakeDiscordUser Eli)> CheckInOpenAsync(FakeDiscordServer discord)
    {
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);
        await discord.InvokeSlashCommandAsync(dana, "checkin");
        await Journeys.PulseOnDiscordAsync(discord, eli, 4, 4);
        await Journeys.PulseOnDiscordAsync(discord, dana, 5, 5);
        return (dana, eli);
    }

    private static int CountIn(FakeDiscordServer discord, FakeDiscordUser user, string fragment) =>
        discord.MessagesIn(user.DmChannelId).Count(m => m.Content.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public async Task DmAnswer_SentWhileTheBotWasStopped_IsHandledOnceAfterTheRestart()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (_, eli) = await CheckInOpenAsync(discord);

        await bot.StopAsync();
        await discord.SendDmMessageAsync(eli, "eli-while-away");
        await bot.StartAgainAsync();
        await Journeys.DmAsync(discord, eli, "(2/3)");
        await bot.StopAsync();
        await bot.StartAgainAsync();
        await discord.SendDmMessageAsync(eli, "eli-two");
        await Journeys.DmAsync(discord, eli, "(3/3)");

        Assert.Equal(1, CountIn(discord, eli, "(2/3)"));
    }

    [Fact]
    public async Task ServerAskingToReconnect_OrADroppedConnection_ResumesWithoutLosingADm()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (_, eli) = await CheckInOpenAsync(discord);
        var session = discord.CurrentSessionId;

        await discord.SendReconnectAsync();
        await discord.SendDmMessageAsync(eli, "eli-one");
        await discord.WaitForResumeAsync(1);
        await Journeys.DmAsync(discord, eli, "(2/3)");
        await discord.DropConnectionAsync();
        await discord.SendDmMessageAsync(eli, "eli-two");
        await discord.WaitForResumeAsync(2);
        await Journeys.DmAsync(discord, eli, "(3/3)");

        Assert.Equal(session, discord.CurrentSessionId);
        Assert.Equal(1, discord.IdentifyCount);
    }

    [Fact]
    public async Task ConnectionThatHangs_IsReplacedByTheWatchdogWithAFreshClient()
    {
        await using var bot = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Discord:ReconnectWatchdog"] = "00:00:02" }, telegram: false, discord: true);
        var discord = bot.Discord!;
        var (_, eli) = await CheckInOpenAsync(discord);
        var before = discord.Connections.Count;

        discord.SendHello = false;
        await discord.DropConnectionAsync();
        await discord.WaitForConnectionsAsync(before + 1);
        // The library would wait 30 s for a greeting; the watchdog gives up on this client after 2.
        await discord.WaitForConnectionClosedAsync(discord.Connections[before].Id);
        discord.SendHello = true;
        await discord.WaitForIdentifyAsync(2);
        await discord.SendDmMessageAsync(eli, "eli-one");
        await Journeys.DmAsync(discord, eli, "(2/3)");

        Assert.Equal(2, discord.IdentifyCount);
    }

    [Fact]
    public async Task RateLimitOnOnePersonsRoute_HoldsOnlyThatPerson()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);
        var retryAfter = TimeSpan.FromSeconds(5);
        discord.ScriptRateLimit("POST", $"/api/v10/channels/{dana.DmChannelId}/messages", retryAfter);

        await discord.InvokeSlashCommandAsync(dana, "checkin");
        var limited = await discord.WaitForRequestAsync(r => r.Status == 429);
        var eliScale = await Journeys.DmAsync(discord, eli, Bot.Core.Application.Copy.PulseQuestion(Bot.Core.Domain.PulseScale.Loved));
        await discord.ClickButtonAsync(eli, eliScale, eliScale.Buttons.Single(b => b.Label == "4").CustomId);
        await Journeys.DmAsync(discord, eli, Bot.Core.Application.Copy.PulseQuestion(Bot.Core.Domain.PulseScale.Heard));
        await Journeys.DmAsync(discord, dana, Bot.Core.Application.Copy.PulseQuestion(Bot.Core.Domain.PulseScale.Loved));

        var toEli = discord.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{eli.DmChannelId}/messages", StringComparison.Ordinal)
            && r.Status == 200).ToList();
        var toDana = discord.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{dana.DmChannelId}/messages", StringComparison.Ordinal)
            && r.Status == 200 && r.At > limited.At).ToList();
        Assert.Equal($"/api/v10/channels/{dana.DmChannelId}/messages", limited.Path);
        // Eli's second scale answered a tap made after Dana's 429, and still did not wait out Dana's pause.
        Assert.True(toEli[^1].At - limited.At < retryAfter, $"Eli waited {toEli[^1].At - limited.At} after Dana's 429");
        Assert.True(toDana[0].At - limited.At >= retryAfter - TimeSpan.FromMilliseconds(100),
            $"Dana's message went {toDana[0].At - limited.At} after her 429");
    }

    [Fact]
    public async Task FatalGatewayClose_StopsDiscordOnly_WhileTelegramKeepsWorking()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: true, discord: true);
        var discord = bot.Discord!;
        var alex = bot.User(1001, "Alex");
        await discord.WaitForBotReadyAsync();

        await discord.CloseAsync(4004, "Authentication failed.");
        await bot.Services.GetRequiredService<DiscordAdapter>().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        bot.Telegram.SendText(alex, "/pair");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("/join ", StringComparison.Ordinal));

        Assert.False(bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Equal(0, bot.Services.GetRequiredService<HostExit>().Code);
        Assert.Equal(1, discord.IdentifyCount);
    }

    [Fact]
    public async Task RejectedToken_WithDiscordAlone_StopsTheHostWithAClearExitCode()
    {
        await using var bot = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Discord:Token"] = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.not-the-token-discord-knows_0123456789abcdefghijk" },
            telegram: false, discord: true);
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStopping.Register(stopping.SetResult);

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(HostExit.PlatformRefused, bot.Services.GetRequiredService<HostExit>().Code);
        Assert.Contains(bot.Discord!.Requests, r => r.Status == 401);
        Assert.Equal(0, bot.Discord.IdentifyCount);
    }

    [Fact]
    public async Task TwoShards_BothIdentify_AndTheCoupleIsServed()
    {
        await using var bot = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Discord:Shards"] = "2" }, telegram: false, discord: true);
        var discord = bot.Discord!;

        await discord.WaitForIdentifyAsync(2, TimeSpan.FromSeconds(20));
        var (_, eli) = await CheckInOpenAsync(discord);
        await discord.SendDmMessageAsync(eli, "eli-one");
        await Journeys.DmAsync(discord, eli, "(2/3)");

        var shards = discord.Identifies.Select(i => i["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray()).ToList();
        Assert.Contains([0, 2], shards);
        Assert.Contains([1, 2], shards);
    }

    [Fact]
    public async Task ReplyAfterTheInteractionExpired_ReachesThePersonByDm()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var dana = discord.AddUser("501", "dana", "Dana");
        var channel = await Journeys.OurServerChannelAsync(discord);
        discord.InteractionTokenLifetime = TimeSpan.Zero;

        var status = await discord.InvokeSlashCommandAsync(dana, "status", guildChannel: channel);
        var inDm = await discord.WaitForChannelMessageAsync(dana.DmChannelId, m => m.Content.Length > 0);

        Assert.True(string.IsNullOrEmpty(discord.GetInteraction(status.Id)!.Original?.Content));
        Assert.DoesNotContain(discord.MessagesIn(channel.Id), m => m.Content == inDm.Content);
    }
}
