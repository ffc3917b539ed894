using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Bot.Discord.Gateway;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// Transports with no sockets: the test plays the server by pushing frames, and reads what the client sent.
/// Every connection the client opens is a new <see cref="ScriptedTransport"/>.
/// </summary>
internal sealed class ScriptedTransportFactory : IGatewayTransportFactory
{
    private readonly Lock _gate = new();
    private readonly List<ScriptedTransport> _created = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>When set, connecting throws this instead of succeeding.</summary>
    public Func<Exception>? ConnectFailure { get; set; }

    public IReadOnlyList<ScriptedTransport> Created
    {
        get
        {
            lock (_gate)
            {
                return _created.ToArray();
            }
        }
    }

    public IGatewayTransport Create()
    {
        var transport = new ScriptedTransport(this);
        lock (_gate)
        {
            _created.Add(transport);
        }

        Changed();
        return transport;
    }

    /// <summary>Waits for the <paramref name="index"/>th (0-based) transport to be connected.</summary>
    public Task<ScriptedTransport> WaitForConnectedAsync(int index) =>
        WaitAsync(() => Created.Count > index && Created[index].ConnectedTo is not null ? Created[index] : null);

    public async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan? timeout = null)
        where T : class
    {
        using var window = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (probe() is { } value)
            {
                return value;
            }

            await changed.WaitAsync(window.Token);
        }
    }

    internal void Changed()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal sealed class ScriptedTransport(ScriptedTransportFactory factory) : IGatewayTransport
{
    private readonly Channel<GatewayFrame> _inbound = Channel.CreateUnbounded<GatewayFrame>();
    private readonly Lock _gate = new();
    private readonly List<string> _sent = [];

    public Uri? ConnectedTo { get; private set; }

    public int? ClosedWith { get; private set; }

    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    public void Push(string json) => _inbound.Writer.TryWrite(GatewayFrame.Message(json));

    public Task<string> WaitForSentAsync(Func<string, bool> predicate, int count = 1) =>
        factory.WaitAsync(() => Sent.Where(predicate).Skip(count - 1).FirstOrDefault());

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (factory.ConnectFailure is { } failure)
        {
            factory.Changed();
            throw failure();
        }

        ConnectedTo = uri;
        factory.Changed();
        return Task.CompletedTask;
    }

    public Task SendTextAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _sent.Add(Encoding.UTF8.GetString(utf8.Span));
        }

        factory.Changed();
        return Task.CompletedTask;
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _inbound.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
        }
    }

    public Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        ClosedWith = code;
        _inbound.Writer.TryWrite(GatewayFrame.Closed(code, reason));
        factory.Changed();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
