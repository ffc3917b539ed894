using System.Net;
using System.Net.Sockets;

namespace Bot.Host.Tests;

public sealed class HostStopTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "botsuite-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_WhenTheHostStops_ReturnsItsExitCodeInsteadOfThrowing()
    {
        using var telegram = RefusingTelegram.Start();

        var code = await BotHost.RunAsync(
            [
                $"--ConnectionStrings:Bot=Data Source={Path.Combine(_folder, "bot.db")}",
                "--Telegram:Token=123456:refused-token",
                $"--Telegram:ApiBaseUrl={telegram.Url}",
            ],
            TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HostExit.PlatformRefused, code);
    }

    /// <summary>A Bot API on loopback that refuses the token, so the host stops itself as on an operator's stop.</summary>
    private sealed class RefusingTelegram : IDisposable
    {
        private readonly HttpListener _listener = new();

        private RefusingTelegram(int port)
        {
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = AnswerAsync();
        }

        public string Url { get; }

        public static RefusingTelegram Start()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new RefusingTelegram(port);
        }

        public void Dispose() => _listener.Close();

        private async Task AnswerAsync()
        {
            var body = """{"ok":false,"error_code":401,"description":"Unauthorized"}"""u8.ToArray();
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                context.Response.StatusCode = 401;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }
    }
}
