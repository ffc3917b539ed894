using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Web;

/// <summary>
/// Registers the host's Kestrel server with a set of endpoints. Each area that serves HTTP calls
/// <see cref="AddHttpEndpoints{T}"/>; the server itself is added once and starts only then.
/// </summary>
internal static class WebServerSetup
{
    public static IHostApplicationBuilder AddHttpEndpoints<T>(this IHostApplicationBuilder builder)
        where T : class, IHttpEndpoints
    {
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpEndpoints, T>());
        if (services.Any(d => d.ServiceType == typeof(WebServer)))
        {
            return builder;
        }

        // A line per request would drown the bot's own log (the playground's page polls and streams).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section)
            .Validate(o => IPAddress.TryParse(o.Address, out _), "Http:Address must be an IP address, e.g. 127.0.0.1.")
            .Validate(o => o.Port is >= 0 and <= 65535, "Http:Port must be 0–65535.")
            .ValidateOnStart();
        services.AddSingleton<WebServer>();
        services.AddHostedService(sp => sp.GetRequiredService<WebServer>());
        return builder;
    }
}
