using Bot.Discord.Gateway;
using Bot.Discord.Models;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// A fake Discord plus a real gateway client (real ClientWebSocket) running against it, with every dispatch the
/// client publishes collected so tests can wait for them.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public static readonly TimeSpan Bounded = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<GatewayDispatch> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = NewSignal();
    private Task? _pump;

    private GatewayHarness(FakeDiscordServer server, DiscordGatewayClient client, DiscordClientOptions options)
    {
        Server = server;
        Client = client;
        Options = options;
    }

    public FakeDiscordServer Server { get; }

    public DiscordGatewayClient Client { get; }

    public DiscordClientOptions Options { get; }

    public Task Run { get; private set; } = Task.CompletedTask;

    public IReadOnlyList<GatewayDispatch> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>
    /// Starts a fake (heartbeat 500 ms unless configured) and a client with short test delays; the client is not
    /// running until <see cref="Start"/>.
    /// </summary>
    public static async Task<GatewayHarness> CreateAsync(
        Action<FakeDiscordServer>? server = null,
        Action<DiscordClientOptions>? options = null,
        Action<DiscordGatewayClient>? client = null)
    {
        var fake = await FakeDiscordServer.StartAsync();
        fake.HeartbeatIntervalMs = 500;
        server?.Invoke(fake);
        var clientOptions = new DiscordClientOptions
        {
            Token = fake.Token,
            ApiBaseUrl = fake.ApiBaseUrl,
            GatewayUrl = fake.GatewayUrl,
            Intents = GatewayIntents.Guilds | GatewayIntents.DirectMessages,
        };
        options?.Invoke(clientOptions);
        var gateway = new DiscordGatewayClient(clientOptions)
        {
            Jitter = () => 0.5,
            InvalidSessionDelay = () => TimeSpan.FromMilliseconds(50),
            BackoffBase = TimeSpan.FromMilliseconds(50),
            BackoffMax = TimeSpan.FromMilliseconds(400),
        };
        client?.Invoke(gateway);
        return new GatewayHarness(fake, gateway, clientOptions);
    }

    /// <summary>Creates, starts, and waits for READY.</summary>
    public static async Task<GatewayHarness> StartReadyAsync(
        Action<FakeDiscordServer>? server = null,
        Action<DiscordClientOptions>? options = null,
        Action<DiscordGatewayClient>? client = null)
    {
        var harness = await CreateAsync(server, options, client);
        harness.Start();
        await harness.WaitForDispatchAsync(dispatch => dispatch.Type == GatewayEvents.Ready);
        return harness;
    }

    public void Start()
    {
        Run = Task.Run(() => Client.RunAsync(_stop.Token));
        _pump = Task.Run(PumpAsync);
    }

    public Task StopAsync()
    {
        _stop.Cancel();
        return Run;
    }

    public async Task<GatewayDispatch> WaitForDispatchAsync(Func<GatewayDispatch, bool> predicate, TimeSpan? timeout = null)
    {
        using var window = new CancellationTokenSource(timeout ?? Bounded);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _received.FirstOrDefault(predicate);
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(window.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    "Timed out waiting for a dispatch; received: " + string.Join(", ", Received.Select(d => $"{d.Type}#{d.Sequence}")));
            }
        }
    }

    /// <summary>Waits until the run loop ends, bounded, and returns how it ended.</summary>
    public async Task<Exception?> WaitForRunToEndAsync(TimeSpan? timeout = null)
    {
        try
        {
            await Run.WaitAsync(timeout ?? Bounded);
            return null;
        }
        catch (TimeoutException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await Run.WaitAsync(Bounded);
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            // Tests assert on how the run ended; here we only clean up.
        }

        await Client.DisposeAsync();
        if (_pump is not null)
        {
            await _pump.WaitAsync(Bounded);
        }

        await Server.DisposeAsync();
        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task PumpAsync()
    {
        await foreach (var dispatch in Client.Dispatches.ReadAllAsync())
        {
            lock (_gate)
            {
                _received.Add(dispatch);
                var previous = _changed;
                _changed = NewSignal();
                previous.TrySetResult();
            }
        }
    }
}
