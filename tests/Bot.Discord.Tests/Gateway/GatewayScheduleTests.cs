using System.Net.WebSockets;
using Bot.Discord.Gateway;
using Bot.Discord.Tests.Rest;

namespace Bot.Discord.Tests.Gateway;

/// <summary>Exact timing, on a fake clock with a scripted transport: the test plays Discord frame by frame.</summary>
public sealed class GatewayScheduleTests : IAsyncLifetime, IDisposable
{
    private const string Ready = """
        {"op":0,"s":1,"t":"READY","d":{"v":10,"user":{"id":"100","username":"bot","bot":true},"guilds":[],
         "session_id":"sess-1","resume_gateway_url":"wss://resume.example/","application":{"id":"100"}}}
        """;

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private readonly RecordingTimeProvider _time = new();
    private readonly ScriptedTransportFactory _transports = new();
    private readonly CancellationTokenSource _stop = new();
    private DiscordGatewayClient _client = null!;
    private Task _run = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _client = new DiscordGatewayClient(
            new DiscordClientOptions { Token = "tok", GatewayUrl = new Uri("wss://gateway.example") },
            _transports,
            _time)
        {
            Jitter = () => 0.25,
            BackoffBase = TimeSpan.FromSeconds(1),
            BackoffMax = TimeSpan.FromSeconds(8),
            HelloTimeout = HelloTimeout,
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
        await _client.DisposeAsync();
    }

    public void Dispose() => _stop.Dispose();

    [Fact]
    public async Task Heartbeats_FirstAfterIntervalTimesJitter_ThenEveryInterval()
    {
        Start();
        var transport = await _transports.WaitForConnectedAsync(0);
        transport.Push("""{"op":10,"d":{"heartbeat_interval":40000}}""");
        await transport.WaitForSentAsync(IsIdentify);
        transport.Push(Ready);
        await _client.Dispatches.ReadAsync();

        await _time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(transport.Sent, IsHeartbeat);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("""{"op":1,"d":1}""", await transport.WaitForSentAsync(IsHeartbeat));
        transport.Push("""{"op":11}""");
        // Frames are handled in order, so once this dispatch is out the ACK has been seen.
        transport.Push("""{"op":0,"s":2,"t":"MARKER","d":{}}""");
        await _client.Dispatches.ReadAsync();
        await _time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(40));
        _time.Advance(TimeSpan.FromSeconds(40));
        await transport.WaitForSentAsync(IsHeartbeat, count: 2);

        Assert.Single(_transports.Created);
        Assert.Equal(new Uri("wss://gateway.example/?v=10&encoding=json"), transport.ConnectedTo);
    }

    [Fact]
    public async Task NoAckBetweenTwoBeats_ClosesWith4000_AndResumesWithSessionAndSequence()
    {
        Start();
        var first = await _transports.WaitForConnectedAsync(0);
        first.Push("""{"op":10,"d":{"heartbeat_interval":40000}}""");
        await first.WaitForSentAsync(IsIdentify);
        first.Push(Ready);
        first.Push("""{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{}}""");
        await _client.Dispatches.ReadAsync();
        await _client.Dispatches.ReadAsync();
        await _time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));
        await first.WaitForSentAsync(IsHeartbeat);

        await _time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(40));
        _time.Advance(TimeSpan.FromSeconds(40));
        var second = await _transports.WaitForConnectedAsync(1);
        second.Push("""{"op":10,"d":{"heartbeat_interval":40000}}""");
        var resume = await second.WaitForSentAsync(text => text.Contains("\"op\":6", StringComparison.Ordinal));

        Assert.Equal(4000, first.ClosedWith);
        Assert.Single(first.Sent, IsHeartbeat);
        Assert.Equal(new Uri("wss://resume.example/?v=10&encoding=json"), second.ConnectedTo);
        Assert.Equal("""{"op":6,"d":{"token":"tok","session_id":"sess-1","seq":2}}""", resume);
    }

    [Fact]
    public async Task FailedConnects_BackOffExponentially_UpToTheCap()
    {
        _transports.ConnectFailure = () => new WebSocketException(WebSocketError.Faulted);

        Start();

        var expected = new[] { 1, 2, 4, 8, 8 }.Select(seconds => TimeSpan.FromSeconds(seconds)).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            var count = i + 1;
            await _time.WaitForTimersAsync(timers => timers.Count(due => due != HelloTimeout) >= count);
            Assert.Equal(expected[i], Backoffs()[i]);
            _time.Advance(expected[i]);
        }

        Assert.Equal(GatewayState.Reconnecting, _client.State);
    }

    private void Start() => _run = Task.Run(() => _client.RunAsync(_stop.Token));

    private static bool IsIdentify(string text) => text.StartsWith("""{"op":2,""", StringComparison.Ordinal);

    private static bool IsHeartbeat(string text) => text.StartsWith("""{"op":1,""", StringComparison.Ordinal);

    private TimeSpan[] Backoffs() => _time.Timers.Where(due => due != HelloTimeout).ToArray();
}
