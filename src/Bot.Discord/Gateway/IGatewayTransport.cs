namespace Bot.Discord.Gateway;

/// <summary>
/// A websocket as the gateway client needs it: whole text messages in and out, and close frames with a code.
/// A seam over <see cref="System.Net.WebSockets.ClientWebSocket"/>, so tests can also script frames.
/// </summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one UTF-8 text message; calls are serialised by the caller.</summary>
    Task SendTextAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken);

    /// <summary>
    /// The next whole message, or the server's close frame. A connection that drops without a close frame throws
    /// (e.g. <see cref="System.Net.WebSockets.WebSocketException"/>).
    /// </summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends our close frame with <paramref name="code"/>, not waiting long for the answer.</summary>
    Task CloseAsync(int code, string reason, CancellationToken cancellationToken);
}

/// <summary>Makes a fresh transport for each gateway connection.</summary>
public interface IGatewayTransportFactory
{
    IGatewayTransport Create();
}

/// <summary>A received text message, or the close frame that ended the connection.</summary>
public sealed record GatewayFrame(string? Text, int? CloseCode = null, string? CloseReason = null)
{
    public bool IsClose => Text is null;

    public static GatewayFrame Message(string text) => new(text);

    public static GatewayFrame Closed(int? code, string? reason) => new(null, code, reason);
}
