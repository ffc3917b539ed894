using System.Text.Json;
using Bot.Discord.Gateway;
using Bot.Discord.Models;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task ReconnectRequest_ResumesAtTheResumeUrl_WithNoEventLostOrRepeated()
    {
        await using var harness = await GatewayHarness.StartReadyAsync();
        await harness.Server.DispatchAsync("TEST_EVENT", new { n = 0 });
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == "TEST_EVENT");

        await harness.Server.SendReconnectAsync();
        for (var n = 1; n <= 5; n++)
        {
            await harness.Server.DispatchAsync("TEST_EVENT", new { n });
        }

        await harness.Server.WaitForResumeAsync(1);
        await harness.Server.DispatchAsync("TEST_EVENT", new { n = 6 });
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == "TEST_EVENT" && Number(dispatch) == 6);

        AssertEveryEventOnceInOrder(harness, 7);
        Assert.Equal("/resume", harness.Server.Connections[1].Path);
        Assert.Equal(1, harness.Server.IdentifyCount);
        var closed = await harness.Server.WaitForConnectionClosedAsync(1);
        Assert.NotEqual(1000, closed.ClientCloseCode);
    }

    [Fact]
    public async Task DroppedConnection_IsResumed_AndEventsSentWhileDisconnectedAreReplayedInOrder()
    {
        await using var harness = await GatewayHarness.StartReadyAsync();

        await harness.Server.DropConnectionAsync();
        for (var n = 0; n < 5; n++)
        {
            await harness.Server.DispatchAsync("TEST_EVENT", new { n });
        }

        await harness.Server.WaitForResumeAsync(1);
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == "TEST_EVENT" && Number(dispatch) == 4);

        AssertEveryEventOnceInOrder(harness, 5);
        Assert.Equal(1, harness.Server.IdentifyCount);
        Assert.Equal("/resume", harness.Server.Connections[1].Path);
        Assert.Equal(GatewayState.Ready, harness.Client.State);
        Assert.Equal(harness.Server.LastSequence, harness.Client.Sequence);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_OpensAFreshConnectionAndIdentifies()
    {
        await using var harness = await GatewayHarness.StartReadyAsync();
        var firstSession = harness.Client.SessionId;

        await harness.Server.InvalidateSessionAsync(resumable: false);
        await harness.Server.WaitForIdentifyAsync(2);
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == GatewayEvents.Ready && dispatch != harness.Received[0]);

        Assert.Equal(0, harness.Server.ResumeAttempts);
        Assert.Equal("/gateway", harness.Server.Connections[1].Path);
        Assert.NotEqual(firstSession, harness.Client.SessionId);
        Assert.Equal(harness.Server.CurrentSessionId, harness.Client.SessionId);
        Assert.Equal(1, harness.Client.Sequence);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var harness = await GatewayHarness.StartReadyAsync();
        var session = harness.Client.SessionId;

        await harness.Server.InvalidateSessionAsync(resumable: true);
        await harness.Server.WaitForResumeAsync(1);
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == GatewayEvents.Resumed);

        Assert.Equal(1, harness.Server.IdentifyCount);
        Assert.Equal(session, harness.Client.SessionId);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task CloseThatEndsTheSession_StartsANewSessionWithIdentify(int code)
    {
        await using var harness = await GatewayHarness.StartReadyAsync();

        await harness.Server.CloseAsync(code);
        await harness.Server.WaitForIdentifyAsync(2);

        Assert.Equal(0, harness.Server.ResumeAttempts);
        Assert.Equal("/gateway", harness.Server.Connections[1].Path);
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == GatewayEvents.Ready && dispatch != harness.Received[0]);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    public async Task ResumableCloseCode_Resumes(int code)
    {
        await using var harness = await GatewayHarness.StartReadyAsync();

        await harness.Server.CloseAsync(code);
        await harness.Server.WaitForResumeAsync(1);

        Assert.Equal(1, harness.Server.IdentifyCount);
        Assert.Equal("/resume", harness.Server.Connections[1].Path);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task FatalCloseCode_EndsRunWithTheFatalException_WithoutReconnecting(int code)
    {
        await using var harness = await GatewayHarness.StartReadyAsync();

        await harness.Server.CloseAsync(code);
        var error = await harness.WaitForRunToEndAsync(TimeSpan.FromSeconds(5));

        var fatal = Assert.IsType<DiscordGatewayFatalException>(error);
        Assert.Equal(code, fatal.CloseCode);
        Assert.False(string.IsNullOrEmpty(fatal.Reason));
        Assert.Single(harness.Server.Connections);
        Assert.Equal(GatewayState.Faulted, harness.Client.State);
        Assert.True(harness.Client.Dispatches.Completion.IsCompleted);
    }

    [Fact]
    public async Task WrongToken_IsRefusedWith4004_AndRunFailsAtOnce()
    {
        await using var harness = await GatewayHarness.CreateAsync(options: options => options.Token = "not-the-token");

        harness.Start();
        var error = await harness.WaitForRunToEndAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(4004, Assert.IsType<DiscordGatewayFatalException>(error).CloseCode);
        Assert.Single(harness.Server.Connections);
    }

    [Fact]
    public async Task PrivilegedIntentNotEnabled_IsRefusedWith4014()
    {
        await using var harness = await GatewayHarness.CreateAsync(
            server => server.EnabledPrivilegedIntents = 0,
            options => options.Intents |= GatewayIntents.MessageContent);

        harness.Start();
        var error = await harness.WaitForRunToEndAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(4014, Assert.IsType<DiscordGatewayFatalException>(error).CloseCode);
    }

    [Fact]
    public async Task UnknownIntentBit_IsRefusedWith4013()
    {
        await using var harness = await GatewayHarness.CreateAsync(options: options => options.Intents = (GatewayIntents)(1 << 30));

        harness.Start();
        var error = await harness.WaitForRunToEndAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(4013, Assert.IsType<DiscordGatewayFatalException>(error).CloseCode);
    }

    private static int Number(GatewayDispatch dispatch) => dispatch.Data.GetProperty("n").GetInt32();

    private static void AssertEveryEventOnceInOrder(GatewayHarness harness, int count)
    {
        var events = harness.Received.Where(dispatch => dispatch.Type == "TEST_EVENT").ToArray();
        Assert.Equal(Enumerable.Range(0, count), events.Select(Number));
        var sequences = harness.Received.Where(dispatch => dispatch.Type != GatewayEvents.Resumed).Select(d => d.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(1, sequences.Length), sequences);
        Assert.All(events, dispatch => Assert.Equal(JsonValueKind.Object, dispatch.Data.ValueKind));
    }
}
