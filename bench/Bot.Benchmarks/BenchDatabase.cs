using System.Data.Common;
using Bot.Host;
using Bot.Host.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks;

/// <summary>One database (a SQLite file or a PostgreSQL database) with the host's storage and core services around it, on the benchmark's clock.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private const string CheckpointSql = "PRAGMA wal_checkpoint(TRUNCATE);";

    private readonly ServiceProvider _services;

    private BenchDatabase(string file, StorageProvider provider, ServiceProvider services, BenchClock clock)
    {
        File = file;
        Provider = provider;
        _services = services;
        Clock = clock;
    }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string File { get; }

    public StorageProvider Provider { get; }

    public BenchClock Clock { get; }

    public IServiceProvider Services => _services;

    /// <summary>The main file plus its write-ahead log, in bytes (0 on PostgreSQL: the server's files are not ours).</summary>
    public long SizeBytes => Provider == StorageProvider.Sqlite ? SizeOf(File) + SizeOf(File + "-wal") : 0;

    /// <summary>Wires the services the way the host does (AddStorage, AddCore), with this clock as TimeProvider.</summary>
    public static BenchDatabase Open(string file, BenchClock clock) => Open(file, new BenchTarget(StorageProvider.Sqlite, null), clock);

    public static BenchDatabase Open(string location, BenchTarget target, BenchClock clock)
    {
        // Qualified: inside Bot.Benchmarks, Host alone means the Bot.Host namespace.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(target.Provider == StorageProvider.Sqlite
            ? new Dictionary<string, string?>
            {
                ["ConnectionStrings:Bot"] = new SqliteConnectionStringBuilder { DataSource = location }.ToString(),
            }
            : target.Settings(location));
        builder.AddStorage();
        builder.AddCore();
        // AddCore registers the system clock; the last registration is the one resolved.
        builder.Services.AddSingleton<TimeProvider>(clock);
        var services = builder.Services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new BenchDatabase(location, target.Provider, services, clock);
    }

    public Task MigrateAsync(CancellationToken ct) => _services.GetRequiredService<Migrator>().MigrateAsync(ct);

    /// <summary>A pooled connection as the host opens them (SQLite with its pragmas), outside any DI scope.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken ct) =>
        _services.GetRequiredService<DbConnectionFactory>().OpenAsync(ct);

    /// <summary>Begins a transaction the way the host begins a write.</summary>
    public ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        _services.GetRequiredService<DbConnectionFactory>().Dialect.BeginWriteAsync(connection, ct);

    public async Task<long> ScalarAsync(string sql, object? parameters, CancellationToken ct)
    {
        var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: ct))
                .ConfigureAwait(false);
        }
    }

    /// <summary>Moves everything in the write-ahead log into the main file, so the file alone is the database.</summary>
    public async Task CheckpointAsync(CancellationToken ct)
    {
        if (Provider != StorageProvider.Sqlite)
        {
            return;
        }

        var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(CheckpointSql, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    /// <summary>Closes every pooled connection to the file, so it can be copied or deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        var connectionString = _services.GetRequiredService<DbConnectionFactory>().ConnectionString;
        await _services.DisposeAsync().ConfigureAwait(false);
        if (Provider != StorageProvider.Sqlite)
        {
            return;
        }

        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public static void Delete(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            System.IO.File.Delete(path);
        }
    }

    private static long SizeOf(string path) => System.IO.File.Exists(path) ? new FileInfo(path).Length : 0;
}
