using Npgsql;

namespace Bot.EndToEnd.Tests;

/// <summary>
/// The PostgreSQL server of the multi-node tests: <c>BOT_TEST_POSTGRES</c> is a connection string to it (.ci/run
/// starts a throwaway cluster and sets it). Without it the tests fail saying so; they never pass by not running.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "BOT_TEST_POSTGRES";

    private static string Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The multi-node tests need a PostgreSQL server: set {Variable} to a connection string of a user who "
                + "may create databases, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres' (.ci/run sets it).");

    /// <summary>Creates an empty database and returns the connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "botsuite_nodes_" + Guid.NewGuid().ToString("N");
        await using (var connection = await OpenServerAsync())
        await using (var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
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
        var builder = new NpgsqlConnectionStringBuilder(Server) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
