using Bot.Host;
using Bot.Host.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Playground.Tests;

/// <summary>The real host started as <c>--playground</c> on a free loopback port, with its database in a temp folder.</summary>
internal sealed class PlaygroundHost : IAsyncDisposable
{
    private readonly IHost _host;

    private PlaygroundHost(IHost host, string folder)
    {
        _host = host;
        Folder = folder;
    }

    public string Folder { get; }

    public Uri Address => _host.Services.GetRequiredService<WebServer>().Address;

    public IServiceProvider Services => _host.Services;

    public static async Task<PlaygroundHost> StartAsync(params string[] extra)
    {
        var folder = Path.Combine(Path.GetTempPath(), "botsuite-playground-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var host = BotHost.CreateBuilder(
        [
            "--playground",
            $"--Playground:Database={Path.Combine(folder, "playground.db")}",
            "--Http:Port=0",
            "--Delivery:PollInterval=00:00:00.200",
            "--Logging:LogLevel:Default=Warning",
            .. extra,
        ]).Build();
        await host.StartAsync();
        return new PlaygroundHost(host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(15));
        _host.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger for a moment; the temp folder is harmless.
        }
    }
}
