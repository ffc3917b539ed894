using Bot.Core.Application;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Commands;
using Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core;

/// <summary>Registers the core's use cases, for the host and the tests alike: the one list of what Core is made of.</summary>
public static class BotCoreSetup
{
    /// <summary>Adds Core's services, scoped: one scope per update, job run or send.</summary>
    /// <remarks>
    /// The caller provides the ports (the repositories, <see cref="IOutbox"/>, <see cref="IUnitOfWork"/>,
    /// <see cref="IJournalErasure"/>, <see cref="IPulseChart"/>, <see cref="IMediaRepository"/>,
    /// <see cref="IMemoryRepository"/>), <see cref="CheckInOptions"/> and a
    /// <see cref="TimeProvider"/>; an <see cref="IRandomSource"/>, the decks and the ideas are added unless the
    /// caller registered its own first.
    /// </remarks>
    public static IServiceCollection AddBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
        services.TryAddSingleton(_ => DeckCatalog.Embedded);
        services.TryAddSingleton(_ => FirstTimeIdeas.LoadEmbedded());
        services.TryAddSingleton(_ => QuizCatalog.BuiltIn);
        services.AddScoped<Messenger>();
        services.AddScoped<PairingService>();
        services.AddScoped<CoupleSettingsService>();
        services.AddScoped<HomeService>();
        services.AddScoped<WelcomeService>();
        services.AddScoped<RoundService>();
        services.AddScoped<DeckService>();
        services.AddScoped<JournalService>();
        services.AddScoped<FarewellService>();
        services.AddScoped<BucketListService>();
        services.AddScoped<LoveNoteService>();
        services.AddScoped<BowlService>();
        services.AddScoped<ExportService>();
        services.AddScoped<NudgeService>();
        services.AddScoped<AnswerChoiceService>();
        services.AddScoped<PulseTrendService>();
        services.AddScoped<CooldownService>();
        services.AddScoped<FirstTimeService>();
        services.AddScoped<QuizService>();
        services.AddScoped<SupportOfferService>();
        services.AddScoped<CheckInSweeper>();
        services.AddScoped<CooldownSweeper>();
        services.AddScoped<LoveNoteSweeper>();
        services.AddScoped<FirstTimeSweeper>();
        services.AddScoped<HeldAnswerSweeper>();
        services.AddScoped<YearReviewSweeper>();
        services.AddScoped<MediaService>();
        services.AddScoped<MemoryService>();
        services.AddScoped<MemorySweeper>();
        services.AddScoped<Sweep>();
        services.AddScoped<BotEngine>();

        // Every declared command and button gets its handler, so none can be declared without one.
        foreach (var handler in CommandCatalog.All.Select(c => c.Handler).Concat(ButtonCatalog.All.Select(k => k.Handler)))
        {
            services.AddScoped(handler);
        }

        return services;
    }
}
