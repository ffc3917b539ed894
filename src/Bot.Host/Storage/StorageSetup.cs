using Bot.Core.Ports;
using Bot.Host.Security;
using Bot.Host.Storage.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Storage;

/// <summary>
/// Registers storage on the provider <c>Storage:Provider</c> names (SQLite unless set) with the connection string
/// <c>ConnectionStrings:Bot</c> (for SQLite, <c>botsuite.db</c> unless set); whoever starts the host runs
/// <see cref="Migrator.MigrateAsync"/> first.
/// </summary>
internal static class StorageSetup
{
    public const string ConnectionStringName = "Bot";

    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Read when first resolved, so configuration added after AddStorage (tests' overrides) still counts.
        services.AddSingleton(sp => CreateFactory(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<Migrator>();
        services.AddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<DbConnectionFactory>();
            return new FieldCipher(EncryptionKey.Load(
                sp.GetRequiredService<IConfiguration>(),
                factory.DatabaseFile,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EncryptionKey)),
                mayCreate: factory.Dialect.Provider == StorageProvider.Sqlite));
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Delivery.OutboxSignal>();
        services.AddSingleton<ILeadership>(sp => sp.GetRequiredService<DbConnectionFactory>() is PostgresConnectionFactory postgres
            ? new PostgresLeadership(
                postgres, sp.GetRequiredService<Delivery.OutboxSignal>(), sp.GetRequiredService<ILogger<PostgresLeadership>>())
            : new SoleLeadership());
        services.AddHostedService<LeadershipService>();

        services.AddScoped<StorageSession>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IPersonRepository, PersonRepository>();
        services.AddScoped<ICoupleRepository, CoupleRepository>();
        services.AddScoped<IInviteRepository, InviteRepository>();
        services.AddScoped<IRoundRepository, RoundRepository>();
        services.AddScoped<IQuestionLedger, QuestionLedger>();
        services.AddScoped<IBucketListRepository, BucketListRepository>();
        services.AddScoped<ILoveNoteRepository, LoveNoteRepository>();
        services.AddScoped<IJournalErasure, JournalErasure>();
        services.AddScoped<IQuestionBowlRepository, QuestionBowlRepository>();
        services.AddScoped<IFirstTimeRepository, FirstTimeRepository>();
        services.AddScoped<IPulseRepository, PulseRepository>();
        services.AddScoped<IPendingInputRepository, PendingInputRepository>();
        services.AddScoped<OutboxLaneOfScope>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<InboxStore>();
        services.AddScoped<QueueDepthStore>();
        services.AddSingleton<StorageReadiness>();
        return builder;
    }

    /// <summary>The connection string of the configured database, as the connection factory has it.</summary>
    public static string CreateFactoryConnectionString(IConfiguration configuration)
    {
        var factory = CreateFactory(configuration);
        try
        {
            return factory.ConnectionString;
        }
        finally
        {
            (factory as IDisposable)?.Dispose();
        }
    }

    /// <summary>The connection factory the settings name.</summary>
    public static DbConnectionFactory CreateFactory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return StorageProviders.From(configuration) switch
        {
            StorageProvider.Postgres => new PostgresConnectionFactory(
                connectionString is { Length: > 0 }
                    ? connectionString
                    : throw new InvalidOperationException(
                        $"{StorageProviders.SettingName} is postgres, so ConnectionStrings:{ConnectionStringName} "
                        + $"(environment variable ConnectionStrings__{ConnectionStringName}) must name the server, "
                        + "for example 'Host=db;Database=botsuite;Username=bot;Password=…'.")),
            _ => new SqliteConnectionFactory(connectionString ?? SqliteConnectionFactory.DefaultConnectionString),
        };
    }
}
