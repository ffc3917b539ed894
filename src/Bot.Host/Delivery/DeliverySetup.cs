using Bot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Delivery;

/// <summary>Registers the inbound pipeline and the outbox sender.</summary>
internal static class DeliverySetup
{
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<InboundPipeline>();
        builder.Services.AddSingleton<MediaFetcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<InboundPipeline>());
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxSender>());
        return builder;
    }
}
