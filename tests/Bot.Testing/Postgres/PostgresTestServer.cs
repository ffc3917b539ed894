using Npgsql;

namespace Bot.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests use: <c>BOT_TEST_POSTGRES</c>, a connection string to it (.ci/run starts a
/// throwaway cluster and sets it), or else a cluster of this test process's own (<see cref="ThrowawayPostgres"/>)
/// when PostgreSQL is installed. Each test database is created fresh on it and dropped afterwards. With neither,
/// the PostgreSQL tests fail, saying how to get one: they never pass by not running.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "BOT_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(FindOrStartServer);

    public static string ServerConnectionString => Server.Value;

    /// <summary>Creates an empty database and returns the connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "botsuite_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = await OpenServerAsync())
        await using (var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenServerAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string FindOrStartServer()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value)
        {
            return value;
        }

        var binDirectory = ThrowawayPostgres.FindBinDirectory()
            ?? throw new InvalidOperationException(
                $"The PostgreSQL tests need a server, and {Variable} is unset and no initdb/pg_ctl was found "
                + "(under /usr/lib/postgresql/*/bin or on PATH). Either install PostgreSQL "
                + "('apt-get install -y postgresql'), and the tests start a throwaway cluster of their own, or set "
                + $"{Variable} to a connection string of a user who may create databases, e.g. "
                + "'Host=127.0.0.1;Port=5432;Username=postgres'.");
        return ThrowawayPostgres.Start(binDirectory).ConnectionString;
    }
}
