using Bot.Discord.Models;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewaySendLimitTests
{
    private static readonly PresenceUpdate Online = new(
        "online",
        [new PresenceActivity("check-ins", 4) { State = "Listening" }]);

    [Fact]
    public async Task BurstOfSends_IsPacedBySendLimit_AndNeverTripsTheServerLimit()
    {
        await using var harness = await GatewayHarness.StartReadyAsync(
            server =>
            {
                server.HeartbeatIntervalMs = 60_000;
                server.GatewaySendLimit = 5;
                server.GatewaySendWindow = TimeSpan.FromSeconds(1);
            },
            client: client =>
            {
                client.Jitter = () => 0.99;
                client.SendLimitPermits = 5;
                // A little wider than the server's window: on a busy machine frames can bunch up in transit.
                client.SendLimitWindow = TimeSpan.FromSeconds(1.2);
                client.SendLimitReservedForHeartbeats = 1;
            });

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => harness.Client.UpdatePresenceAsync(Online)));
        var presences = await harness.Server.WaitForFramesAsync(frame => frame.Op == 3, 6);

        var frames = harness.Server.FramesReceived;
        // Identify took one of five; four presence updates fit the first window (one is kept for heartbeats).
        Assert.True(
            presences[4].At - presences[0].At >= TimeSpan.FromMilliseconds(900),
            $"{presences[4].At - presences[0].At}");
        for (var i = 0; i + 5 < frames.Count; i++)
        {
            Assert.True(frames[i + 5].At - frames[i].At >= TimeSpan.FromMilliseconds(900));
        }

        var connection = Assert.Single(harness.Server.Connections);
        Assert.True(connection.IsOpen);
        Assert.Null(connection.ServerCloseCode);
    }

    [Fact]
    public async Task FrameOver4096Bytes_IsRefusedBeforeSending_AndTheConnectionSurvives()
    {
        await using var harness = await GatewayHarness.StartReadyAsync();
        var huge = new PresenceUpdate("online", [new PresenceActivity(new string('x', 5000), 0)]);

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.UpdatePresenceAsync(huge));
        await harness.Client.UpdatePresenceAsync(Online);
        await harness.Server.WaitForFramesAsync(frame => frame.Op == 3, 1);

        Assert.Single(harness.Server.PresenceUpdates);
        Assert.True(Assert.Single(harness.Server.Connections).IsOpen);
    }

    [Fact]
    public async Task PresenceUpdate_BeforeConnecting_Throws()
    {
        await using var harness = await GatewayHarness.CreateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.UpdatePresenceAsync(Online));
    }
}
