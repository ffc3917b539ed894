using Bot.Core.Ports;
using Bot.Host.Platforms.Discord;

namespace Bot.Host.Tests.Platforms;

public sealed class DiscordCallTests
{
    [Theory]
    [InlineData(403, 50007, typeof(DeliveryResult.Unreachable))] // cannot send messages to this user
    [InlineData(404, 10003, typeof(DeliveryResult.Unreachable))] // unknown channel
    [InlineData(404, 10013, typeof(DeliveryResult.Unreachable))] // unknown user
    [InlineData(403, 50001, typeof(DeliveryResult.Unreachable))] // missing access
    [InlineData(403, null, typeof(DeliveryResult.Unreachable))]
    [InlineData(502, null, typeof(DeliveryResult.Failed))]
    [InlineData(500, 0, typeof(DeliveryResult.Failed))]
    [InlineData(400, 50035, typeof(DeliveryResult.Rejected))] // invalid form body: sending again cannot help
    public void DiscordsAnswer_CountsForTheOutboxAsItShould(int status, int? code, Type expected)
    {
        Assert.IsType(expected, DiscordCall.Outcome(status, code, "reason"));
    }

    [Theory]
    [InlineData("10062 Unknown interaction", true)]
    [InlineData("10015 Unknown Webhook", true)]
    [InlineData("50027 Invalid Webhook Token", true)]
    [InlineData("50035 Invalid Form Body", false)]
    public void AnExpiredInteraction_IsToldApartFromARefusedMessage(string reason, bool expired)
    {
        Assert.Equal(expired, DiscordInteractionReplies.IsExpired(new DeliveryResult.Rejected(reason)));
        Assert.False(DiscordInteractionReplies.IsExpired(new DeliveryResult.Failed(reason)));
    }

    [Theory]
    [InlineData("wss://gateway.discord.gg", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5000/gateway", "ws://127.0.0.1:5000/gateway?v=10&encoding=json")]
    [InlineData("wss://proxy.example/gw?v=10&encoding=json&compress=zlib-stream", "wss://proxy.example/gw?v=10&encoding=json&compress=zlib-stream")]
    public void GatewayUrl_IsUsedAsGiven_WithTheVersionAddedWhenItHasNoQuery(string configured, string connected)
    {
        Assert.Equal(connected, DiscordConnection.GatewayAddress(new Uri(configured)));
        Assert.Null(DiscordConnection.GatewayAddress(null));
    }
}
