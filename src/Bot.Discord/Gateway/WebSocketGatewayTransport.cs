using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace Bot.Discord.Gateway;

/// <summary>The real transport: one <see cref="ClientWebSocket"/> per connection.</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    // Guards against a runaway message filling memory; READY for a bot in many guilds stays far below this.
    private const int MaxMessageBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[16 * 1024];

    public WebSocketGatewayTransport()
    {
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
    }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) =>
        _socket.ConnectAsync(uri, cancellationToken);

    public Task SendTextAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken) =>
        _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(_buffer.Length);
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return GatewayFrame.Closed((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
            }

            if (message.WrittenCount + result.Count > MaxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "Gateway message exceeds the size limit.");
            }

            message.Write(_buffer.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                return GatewayFrame.Message(Encoding.UTF8.GetString(message.WrittenSpan));
            }
        }
    }

    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CloseTimeout);
        try
        {
            // CloseOutputAsync does not wait for the server's close frame, which a zombied server never sends.
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Creates <see cref="WebSocketGatewayTransport"/>s.</summary>
public sealed class WebSocketGatewayTransportFactory : IGatewayTransportFactory
{
    public IGatewayTransport Create() => new WebSocketGatewayTransport();
}
