using Bot.Core;
using Bot.Core.Application;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Bot.Testing.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Host.Tests.Storage;

/// <summary>A migrated SQLite database in a fresh temp folder, wired exactly as the host wires it.</summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private SqliteTestDatabase(string folder, ServiceProvider services, FakeTimeProvider time)
    {
        _folder = folder;
        _services = services;
        _scope = services.CreateAsyncScope();
        Time = time;
    }

    public static DateTimeOffset Start { get; } = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public string ConnectionString => _services.GetRequiredService<SqliteConnectionFactory>().ConnectionString;

    /// <summary>The database file; its folder does not exist until the Migrator creates it.</summary>
    public string FilePath => FilePathIn(_folder);

    /// <summary>Without an encryption key in <paramref name="settings"/>, one is generated beside the file.</summary>
    public static async Task<SqliteTestDatabase> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "botsuite-tests", Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(Start);
        var database = new SqliteTestDatabase(folder, BuildServices(folder, time, settings), time);
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
        BuildServices(_folder, Time, settings);

    public async Task<SqliteConnection> OpenAsync() =>
        await _services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        var connectionString = ConnectionString;
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
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
        string folder, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings)
    {
        // Qualified: inside Bot.Host.Tests, Host alone means the Bot.Host namespace.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Bot"] = $"Data Source={FilePathIn(folder)}",
        });
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
