using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bot.Host.Storage;

/// <summary>Opens pooled SQLite connections, each with the pragmas our storage relies on.</summary>
internal sealed class SqliteConnectionFactory : DbConnectionFactory
{
    public const string DefaultConnectionString = "Data Source=botsuite.db";

    // Pragmas belong to the connection, not the file; a pooled connection keeps them, but setting them on every
    // open is cheap and stays right whenever the pool hands out a fresh handle. WAL is the file's and set once.
    // secure_delete zeroes what a delete or update frees, so erased words do not linger in free pages.
    private const string OnOpenSql = """
        PRAGMA foreign_keys = ON;
        PRAGMA secure_delete = ON;
        PRAGMA busy_timeout = 5000;
        PRAGMA synchronous = NORMAL;
        """;

    public SqliteConnectionFactory(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        ConnectionString = builder.ToString();
        DatabaseFile = builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(builder.DataSource)
            || builder.DataSource == ":memory:"
                ? null
                : Path.GetFullPath(builder.DataSource);
    }

    public override string ConnectionString { get; }

    public override SqlDialect Dialect => SqlDialect.Sqlite;

    /// <summary>Full path of the database file; null for an in-memory database.</summary>
    public override string? DatabaseFile { get; }

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) =>
        await OpenSqliteAsync(ct).ConfigureAwait(false);

    public async Task<SqliteConnection> OpenSqliteAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(OnOpenSql, cancellationToken: ct))
                .ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
