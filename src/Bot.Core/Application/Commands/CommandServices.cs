using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Application.Commands;

/// <summary>Registers the handler of every command in the catalog, so a declared command always has one.</summary>
public static class CommandServices
{
    public static IServiceCollection AddCommandHandlers(this IServiceCollection services)
    {
        foreach (var spec in CommandCatalog.All)
        {
            services.AddScoped(spec.Handler);
        }

        return services;
    }
}
