using Bot.Core;
using Bot.Core.Application;
using Bot.Core.Ports;
using Bot.Host.Charts;
using Microsoft.Extensions.Options;

namespace Bot.Host;

/// <summary>The host's side of Core: its options from configuration, the system clock and the chart; then Core itself.</summary>
internal static class CoreSetup
{
    public static IHostApplicationBuilder AddCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CheckInOptions>().BindConfiguration(CheckInOptions.Section)
            .Validate(o => TimeZones.IsValid(o.DefaultTimeZone), "CheckIn:DefaultTimeZone must be an IANA zone id.")
            .Validate(o => o.RemindAfter > TimeSpan.Zero && o.RemindAfter < o.ExpireAfter,
                "CheckIn:RemindAfter must be positive and shorter than CheckIn:ExpireAfter.")
            .Validate(o => o.ExpireAfter <= TimeSpan.FromDays(7),
                "CheckIn:ExpireAfter must be at most 7 days, so a round closes before the next week's opens.")
            .Validate(o => o.MaxAnswerLength is > 0 and <= 3500, "CheckIn:MaxAnswerLength must be 1–3500.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CheckInOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPulseChart, ScottPlotPulseChart>();
        services.AddBotCore();
        return builder;
    }
}
