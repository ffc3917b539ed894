using Bot.Host.Storage;
using Npgsql;

namespace Bot.Benchmarks;

/// <summary>
/// Where the benchmark's databases live: files in a temp folder (SQLite), or databases it creates on a PostgreSQL
/// server (copied from the seeded one as a template) and drops afterwards.
/// </summary>
internal sealed class BenchTarget
{
    private readonly string _folder;
    private readonly string _prefix = "botsuite_bench_" + Guid.NewGuid().ToString("N")[..8] + "_";

    public BenchTarget(StorageProvider provider, string? serverConnectionString)
    {
        Provider = provider;
        ServerConnectionString = serverConnectionString;
        _folder = Path.Combine(Path.GetTempPath(), "botsuite-bench", Guid.NewGuid().ToString("N"));
    }

    public StorageProvider Provider { get; }

    public string? ServerConnectionString { get; }

    /// <summary>A file path (SQLite) or a database name (PostgreSQL) for the named database.</summary>
    public string Location(string name) =>
        Provider == StorageProvider.Postgres ? _prefix + name : Path.Combine(_folder, name + ".db");

    /// <summary>The settings that point the host's storage at the database.</summary>
    public Dictionary<string, string?> Settings(string location) => Provider == StorageProvider.Postgres
        ? new()
        {
            [StorageProviders.SettingName] = "postgres",
            ["ConnectionStrings:Bot"] = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = location }
                .ConnectionString,
            // The benchmark's own key: PostgreSQL never makes one, and the words need not outlive the run.
            ["Security:EncryptionKey"] = Convert.ToBase64String(new byte[32]),
        }
        : new() { ["ConnectionStrings:Bot"] = $"Data Source={location}" };

    public async Task CreateAsync(string location)
    {
        if (Provider == StorageProvider.Postgres)
        {
            await ServerAsync($"CREATE DATABASE {location};").ConfigureAwait(false);
        }
        else
        {
            Directory.CreateDirectory(_folder);
        }
    }

    /// <summary>A fresh copy of a closed database.</summary>
    public async Task CopyAsync(string from, string to)
    {
        if (Provider == StorageProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerAsync($"CREATE DATABASE {to} TEMPLATE {from};").ConfigureAwait(false);
        }
        else
        {
            File.Copy(from, to);
        }
    }

    public async Task DeleteAsync(string location)
    {
        if (Provider == StorageProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerAsync($"DROP DATABASE IF EXISTS {location} WITH (FORCE);").ConfigureAwait(false);
        }
        else
        {
            BenchDatabase.Delete(location);
        }
    }

    /// <summary>Removes the temp folder; the PostgreSQL databases were dropped one by one.</summary>
    public void Clean()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task ServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
