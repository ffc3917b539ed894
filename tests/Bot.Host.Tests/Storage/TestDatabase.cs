using System.Data.Common;
using System.Security.Cryptography;
using Bot.Core;
using Bot.Core.Application;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Bot.Testing.Fakes;
using Bot.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Host.Tests.Storage;

/// <summary>
/// A migrated database, wired exactly as the host wires it: SQLite in a fresh temp folder, or a fresh database on
/// the PostgreSQL test server (<see cref="PostgresTestServer"/>).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string?> _providerSettings;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private TestDatabase(
        string folder, IReadOnlyDictionary<string, string?> providerSettings, FakeTimeProvider time,
        IReadOnlyDictionary<string, string?>? settings)
    {
        _folder = folder;
        _providerSettings = providerSettings;
        _services = BuildServices(providerSettings, time, settings);
        _scope = _services.CreateAsyncScope();
        Time = time;
    }

    public static DateTimeOffset Start { get; } = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public StorageProvider Provider => Factory.Dialect.Provider;

    public string ConnectionString => Factory.ConnectionString;

    /// <summary>The SQLite database file; its folder does not exist until the Migrator creates it.</summary>
    public string FilePath => FilePathIn(_folder);

    private DbConnectionFactory Factory => _services.GetRequiredService<DbConnectionFactory>();

    /// <summary>
    /// Without an encryption key in <paramref name="settings"/>, SQLite generates one beside the file; PostgreSQL
    /// gets a random one in the settings (it never makes its own).
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(
        IReadOnlyDictionary<string, string?>? settings = null, StorageProvider provider = StorageProvider.Sqlite)
    {
        var folder = Path.Combine(Path.GetTempPath(), "botsuite-tests", Guid.NewGuid().ToString("N"));
        var providerSettings = provider == StorageProvider.Postgres
            ? new Dictionary<string, string?>
            {
                [StorageProviders.SettingName] = "postgres",
                ["ConnectionStrings:Bot"] = await PostgresTestServer.CreateDatabaseAsync(),
                ["Security:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            }
            : new Dictionary<string, string?> { ["ConnectionStrings:Bot"] = $"Data Source={FilePathIn(folder)}" };
        var database = new TestDatabase(folder, providerSettings, new FakeTimeProvider(Start), settings);
        await database.MigrateAsync();
        return database;
    }

    public Task MigrateAsync() => _services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);

    /// <summary>A service from the database's default scope (one session shared by everything taken here).</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A new scope: its own session and connection, like one update or one job run.</summary>
    public AsyncServiceScope NewScope() => _services.CreateAsyncScope();

    /// <summary>Services on the same file, wired afresh as the host's next start would wire them.</summary>
    public ServiceProvider Restart(IReadOnlyDictionary<string, string?>? settings = null) =>
        BuildServices(_providerSettings, Time, settings);

    /// <summary>A connection of its own to the SQLite file, for tests of SQLite itself.</summary>
    public async Task<SqliteConnection> OpenAsync() =>
        await ((SqliteConnectionFactory)Factory).OpenSqliteAsync(CancellationToken.None);

    /// <summary>A connection of its own, on either provider.</summary>
    public Task<DbConnection> OpenConnectionAsync() => Factory.OpenAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        var connectionString = ConnectionString;
        var provider = Provider;
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        if (provider == StorageProvider.Postgres)
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
            return;
        }

        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test for it is not.
        }
    }

    private static string FilePathIn(string folder) => Path.Combine(folder, "data", "bot.db");

    private static ServiceProvider BuildServices(
        IReadOnlyDictionary<string, string?> providerSettings,
        FakeTimeProvider time,
        IReadOnlyDictionary<string, string?>? settings)
    {
        // Qualified: inside Bot.Host.Tests, Host alone means the Bot.Host namespace.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(providerSettings);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddStorage();
        // Core's use cases over this storage, for host parts that call back into them (the outbox sender).
        builder.Services.AddSingleton(new CheckInOptions());
        builder.Services.AddSingleton<IPulseChart, FakePulseChart>();
        builder.Services.AddBotCore();
        return builder.Services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
