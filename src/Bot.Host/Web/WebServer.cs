using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Host.Web;

/// <summary>
/// Kestrel inside the bot's generic host: a small web application of its own, started with the host, serving
/// every registered <see cref="IHttpEndpoints"/>. The endpoints live in the bot's container and reach its services
/// directly; the web application only routes.
/// </summary>
internal sealed class WebServer(
    IEnumerable<IHttpEndpoints> endpoints,
    IOptions<HttpOptions> options,
    ILoggerFactory loggers,
    ILogger<WebServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private Uri? _address;

    /// <summary>The address the server answers on, with the port chosen (known once started).</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The web server has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Parse(settings.Address), settings.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggers));
        // The bot's host owns Ctrl+C and the start and stop messages; this inner application stays quiet.
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, InnerLifetime>());
        _app = builder.Build();
        _app.UseRouting();
        if (settings.IsLoopback)
        {
            // A web page elsewhere may point a name it controls at 127.0.0.1 (DNS rebinding); only local names reach
            // the local-only pages. Webhooks arrive through a proxy under the bot's public name, so they are not held.
            _app.Use(async (context, next) =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<LocalOnly>() is not null
                    && !IsLocalHost(context.Request.Host.Host))
                {
                    context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                    return;
                }

                await next(context).ConfigureAwait(false);
            });
        }

        foreach (var source in endpoints)
        {
            source.Map(source.IsLocalOnly ? _app.MapGroup("").WithMetadata(LocalOnly.Instance) : _app);
        }

        try
        {
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Could not listen on {settings.Address}:{settings.Port} ({ex.Message}). Choose another port with "
                + "--Http:Port=... (environment variable Http__Port); 0 picks a free one.", ex);
        }
        var bound = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        _address = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal) + "/");
        foreach (var source in endpoints)
        {
            logger.LogInformation("{Title}: {Address}", source.Title, _address);
        }

        if (settings.IsLoopback)
        {
            logger.LogInformation("Listening on loopback only: nothing outside this machine can reach it directly");
        }
        else if (endpoints.Any(source => source.IsLocalOnly))
        {
            logger.LogWarning("Listening on {Address}, reachable from other machines; there is no login", settings.Address);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsLocalHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Marks the endpoints of an <see cref="IHttpEndpoints"/> that is <see cref="IHttpEndpoints.IsLocalOnly"/>.</summary>
    private sealed class LocalOnly
    {
        public static LocalOnly Instance { get; } = new();
    }

    private sealed class InnerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
