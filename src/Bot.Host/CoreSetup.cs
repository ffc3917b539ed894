using Bot.Core.Application;
using Bot.Core.Ports;
using Bot.Host.Charts;
using Microsoft.Extensions.Options;

namespace Bot.Host;

/// <summary>Registers the core's use cases; one scope per update, job run or send.</summary>
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
        services.AddSingleton<IRandomSource, SharedRandomSource>();
        services.AddSingleton(_ => DeckCatalog.LoadEmbedded());
        services.AddSingleton(_ => FirstTimeIdeas.LoadEmbedded());
        services.AddScoped<Messenger>();
        services.AddScoped<PairingService>();
        services.AddScoped<CoupleSettingsService>();
        services.AddScoped<RoundService>();
        services.AddScoped<DeckService>();
        services.AddScoped<JournalService>();
        services.AddScoped<FarewellService>();
        services.AddScoped<BucketListService>();
        services.AddScoped<LoveNoteService>();
        services.AddScoped<BowlService>();
        services.AddScoped<ExportService>();
        services.AddScoped<NudgeService>();
        services.AddScoped<LoveNoteSweeper>();
        services.AddScoped<AnswerChoiceService>();
        services.AddScoped<PulseTrendService>();
        services.AddScoped<HeldAnswerSweeper>();
        services.AddSingleton<IPulseChart, ScottPlotPulseChart>();
        services.AddScoped<CheckInSweeper>();
        services.AddScoped<CooldownService>();
        services.AddScoped<CooldownSweeper>();
        services.AddScoped<FirstTimeService>();
        services.AddScoped<FirstTimeSweeper>();
        services.AddScoped<Sweep>();
        services.AddScoped<BotEngine>();
        return builder;
    }
}
