using Npgsql;

namespace Bot.Host.Tests.Storage;

/// <summary>
/// The PostgreSQL server the tests use: <c>BOT_TEST_POSTGRES</c> is a connection string to it (.ci/run starts a
/// throwaway cluster and sets it). Each test database is created fresh on it and dropped afterwards. Without the
/// variable the PostgreSQL tests fail, saying how to set it: they never pass by not running.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "BOT_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable} to a connection string of a user who may create "
                + "databases, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres' (.ci/run starts a throwaway "
                + "cluster and sets it).");

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
}
