using Bot.Discord.Gateway;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewayLifecycleTests
{
    [Fact]
    public async Task Connect_IdentifiesWithBareTokenConfiguredIntentsAndProperties_AndPublishesReady()
    {
        await using var harness = await GatewayHarness.CreateAsync();

        harness.Start();
        var ready = await harness.WaitForDispatchAsync(dispatch => dispatch.Type == GatewayEvents.Ready);

        var identify = Assert.Single(harness.Server.Identifies);
        Assert.Equal(harness.Server.Token, identify["token"]!.GetValue<string>());
        Assert.Equal(4097, identify["intents"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(identify["properties"]!["os"]!.GetValue<string>()));
        Assert.Equal("Bot.Discord", identify["properties"]!["browser"]!.GetValue<string>());
        Assert.Equal("Bot.Discord", identify["properties"]!["device"]!.GetValue<string>());
        var connection = Assert.Single(harness.Server.Connections);
        Assert.Equal("/gateway", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.Equal(1, ready.Sequence);
        Assert.Equal(GatewayState.Ready, harness.Client.State);
        Assert.Equal(harness.Server.CurrentSessionId, harness.Client.SessionId);
        Assert.Equal(harness.Server.BotUserId, harness.Client.CurrentUser?.Id);
        Assert.Equal(harness.Server.ApplicationId, harness.Client.ApplicationId);
        Assert.Equal(1, harness.Client.Sequence);
    }

    [Fact]
    public async Task Heartbeats_AreAcknowledged_CarryTheLastSequence_AndKeepOneConnection()
    {
        await using var harness = await GatewayHarness.StartReadyAsync(server => server.HeartbeatIntervalMs = 400);

        await harness.Server.WaitForHeartbeatsAsync(3);

        var beats = harness.Server.FramesReceived.Where(frame => frame.Op == 1).ToArray();
        Assert.Contains("\"d\":1", beats[^1].Text, StringComparison.Ordinal);
        var connection = Assert.Single(harness.Server.Connections);
        Assert.True(connection.IsOpen);
        Assert.Equal(GatewayState.Ready, harness.Client.State);
    }

    [Fact]
    public async Task FirstHeartbeat_WaitsIntervalTimesJitter_NotTheFullInterval()
    {
        var jitterAsked = 0;
        await using var harness = await GatewayHarness.CreateAsync(
            server => server.HeartbeatIntervalMs = 10_000,
            client: client => client.Jitter = () =>
            {
                Interlocked.Increment(ref jitterAsked);
                return 0.02;
            });

        harness.Start();
        await harness.Server.WaitForHeartbeatsAsync(1, TimeSpan.FromSeconds(5));

        // 2% of 10 s is 200 ms; anything under half the interval shows the jitter was applied, even on a busy machine.
        var delay = harness.Server.Connections.Single().TimeToFirstHeartbeat!.Value;
        Assert.InRange(delay, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
        Assert.Equal(1, jitterAsked);
    }

    [Fact]
    public async Task HeartbeatRequestFromServer_IsAnsweredAtOnce()
    {
        await using var harness = await GatewayHarness.StartReadyAsync(
            server => server.HeartbeatIntervalMs = 60_000,
            client: client => client.Jitter = () => 0.99);

        await harness.Server.RequestHeartbeatAsync();
        await harness.Server.WaitForHeartbeatsAsync(1, TimeSpan.FromSeconds(3));

        var beat = harness.Server.FramesReceived.Single(frame => frame.Op == 1);
        Assert.Equal("""{"op":1,"d":1}""", beat.Text);
    }

    [Fact]
    public async Task MissingHeartbeatAck_ClosesTheZombieWithAResumableCode_AndResumesAtTheResumeUrl()
    {
        await using var harness = await GatewayHarness.CreateAsync(server =>
        {
            server.HeartbeatIntervalMs = 300;
            server.AckHeartbeats = false;
        });
        harness.Start();
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == GatewayEvents.Ready);
        var sessionId = harness.Client.SessionId;

        await harness.Server.WaitForConnectionsAsync(2);
        harness.Server.AckHeartbeats = true;
        await harness.Server.WaitForResumeAsync(1);

        var first = await harness.Server.WaitForConnectionClosedAsync(1);
        Assert.NotNull(first.ClientCloseCode);
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.NotEqual(1001, first.ClientCloseCode);
        Assert.Equal("/resume", harness.Server.Connections[1].Path);
        Assert.Equal(1, harness.Server.IdentifyCount);
        Assert.Equal(sessionId, harness.Client.SessionId);
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == GatewayEvents.Resumed);
    }

    [Fact]
    public async Task Cancellation_ClosesWith1000_AndRunReturnsWithoutError()
    {
        var harness = await GatewayHarness.StartReadyAsync();
        await using (harness)
        {
            await harness.StopAsync().WaitAsync(GatewayHarness.Bounded);

            var closed = await harness.Server.WaitForConnectionClosedAsync(1);
            Assert.Equal(1000, closed.ClientCloseCode);
            Assert.Equal(GatewayState.Stopped, harness.Client.State);
            Assert.True(harness.Client.Dispatches.Completion.IsCompleted);
        }
    }

    [Fact]
    public async Task GatewayUrl_CanComeFromTheRestResolver()
    {
        using var http = new HttpClient();
        await using var harness = await GatewayHarness.CreateAsync(options: options =>
        {
            options.GatewayUrl = null;
            options.GatewayUrlResolver = async cancellationToken =>
            {
                using var rest = new Bot.Discord.Rest.DiscordRestClient(http, options);
                return await rest.GetGatewayUrlAsync(cancellationToken);
            };
        });

        harness.Start();
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == GatewayEvents.Ready);

        Assert.Contains(harness.Server.Requests, request => request.Path == "/api/v10/gateway/bot");
        Assert.Equal("/gateway", harness.Server.Connections.Single().Path);
    }
}
