using Bot.Core.Ports;
using Bot.Host.Security;
using Bot.Host.Storage.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Storage;

/// <summary>Registers SQLite storage; whoever starts the host runs <see cref="Migrator.MigrateAsync"/> first.</summary>
internal static class StorageSetup
{
    public const string ConnectionStringName = "Bot";

    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Read when first resolved, so configuration added after AddStorage (tests' overrides) still counts.
        services.AddSingleton(sp => new SqliteConnectionFactory(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)
            ?? SqliteConnectionFactory.DefaultConnectionString));
        services.AddSingleton<Migrator>();
        services.AddSingleton(sp => new FieldCipher(EncryptionKey.Load(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<SqliteConnectionFactory>().DatabaseFile,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EncryptionKey)))));
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<SqliteSession>();
        services.AddScoped<IUnitOfWork, SqliteUnitOfWork>();
        services.AddScoped<IPersonRepository, SqlitePersonRepository>();
        services.AddScoped<ICoupleRepository, SqliteCoupleRepository>();
        services.AddScoped<IInviteRepository, SqliteInviteRepository>();
        services.AddScoped<IRoundRepository, SqliteRoundRepository>();
        services.AddScoped<IQuestionLedger, SqliteQuestionLedger>();
        services.AddScoped<IBucketListRepository, SqliteBucketListRepository>();
        services.AddScoped<ILoveNoteRepository, SqliteLoveNoteRepository>();
        services.AddScoped<IJournalErasure, SqliteJournalErasure>();
        services.AddScoped<IQuestionBowlRepository, SqliteQuestionBowlRepository>();
        services.AddScoped<IFirstTimeRepository, SqliteFirstTimeRepository>();
        services.AddScoped<IPulseRepository, SqlitePulseRepository>();
        services.AddScoped<IQuizRepository, SqliteQuizRepository>();
        services.AddScoped<ISupportOfferRepository, SqliteSupportOfferRepository>();
        services.AddScoped<IYearReviewRepository, SqliteYearReviewRepository>();
        services.AddScoped<IPendingInputRepository, SqlitePendingInputRepository>();
        services.AddScoped<IMediaRepository, SqliteMediaRepository>();
        services.AddScoped<IMemoryRepository, SqliteMemoryRepository>();
        services.AddScoped<OutboxLaneOfScope>();
        services.AddScoped<IOutbox, SqliteOutbox>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<InboxStore>();
        services.AddScoped<QueueDepthStore>();
        services.AddSingleton<StorageReadiness>();
        return builder;
    }
}
