using System.Text.Json.Nodes;

namespace Bot.EndToEnd.Tests;

/// <summary>Discord's interactions over HTTP: signed by the fake Discord with its key, checked and acknowledged by the bot.</summary>
public sealed class DiscordHttpInteractionsTests
{
    [Fact]
    public async Task SlashCommandsAndButtons_OverHttp_ReachTheBotAndGetTheirReplies()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discordOverHttp: true);
        var discord = bot.Discord!;

        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);
        var checkin = await discord.InvokeSlashCommandAsync(dana, "checkin");
        await Journeys.PulseOnDiscordAsync(discord, eli, 4, 5);
        var firstQuestion = await Journeys.DmAsync(discord, eli, "(1/3)");
        await discord.ClickButtonAsync(eli, firstQuestion, firstQuestion.Buttons[0].CustomId);
        var form = await discord.WaitForModalAsync(eli);

        Assert.Null(checkin.Sequence);
        Assert.NotEmpty(discord.HttpInteractionDeliveries);
        Assert.All(discord.HttpInteractionDeliveries, d => Assert.Equal(200, d.Status));
        // Two slash commands, two pulse buttons, the answer button: each acknowledged by its HTTP response.
        Assert.True(discord.HttpInteractionDeliveries.Count >= 5);
        Assert.Equal(5, discord.GetInteraction(checkin.Id)!.CallbackType);
        Assert.NotEmpty(form.TextInputIds);
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong_AndABadSignatureWith401()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discordOverHttp: true);
        var discord = bot.Discord!;

        var (pingStatus, pong) = await discord.PostToInteractionsEndpointAsync(discord.PingPayload());
        var (forgedStatus, _) = await discord.PostToInteractionsEndpointAsync(discord.PingPayload(), forgeSignature: true);
        var (forgedCommandStatus, _) = await discord.PostToInteractionsEndpointAsync(
            new JsonObject { ["id"] = "1", ["type"] = 2, ["token"] = "t", ["version"] = 1 }, forgeSignature: true);

        Assert.Equal(200, pingStatus);
        Assert.Equal(1, JsonNode.Parse(pong)!["type"]!.GetValue<int>());
        Assert.Equal(401, forgedStatus);
        Assert.Equal(401, forgedCommandStatus);
    }
}
