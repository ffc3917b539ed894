using System.Data.Common;
using Bot.Host.Security;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Host.Storage;

/// <summary>
/// Moves a SQLite database into an empty PostgreSQL database: the schema is created there at the same version, then
/// every table is copied with its ids (encrypted values are bound to them, so they stay readable with the same key)
/// in one transaction, the id sequences are moved past the copied ids, and the row counts are compared before
/// committing. Run it while the bot is stopped.
/// </summary>
internal static class SqliteToPostgres
{
    public const string CommandName = "migrate-to-postgres";

    public const string Usage = """
        Usage: dotnet run --project src/Bot.Host -- migrate-to-postgres --from botsuite.db --to "Host=…;Database=…;Username=…;Password=…"
          --from  the SQLite database file (or a SQLite connection string); stop the bot first
          --to    a connection string to an empty PostgreSQL database
        Keep the encryption key (Security:EncryptionKey or the .key file beside the database): the copied words need it.
        """;

    /// <summary>Runs the command; 0 when copied, 1 on failure, 2 on bad arguments.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? from = null, to = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--from": from = args[i + 1]; break;
                case "--to": to = args[i + 1]; break;
                default: from = to = null; i = args.Length; break;
            }
        }

        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to) || args.Length != 4)
        {
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var source = from.Contains('=', StringComparison.Ordinal) ? from : $"Data Source={from};Mode=ReadOnly";
        if (!from.Contains('=', StringComparison.Ordinal) && !File.Exists(from))
        {
            await error.WriteLineAsync($"There is no SQLite database at {Path.GetFullPath(from)}.").ConfigureAwait(false);
            return 2;
        }

        try
        {
            var counts = await CopyAsync(source, to, ct).ConfigureAwait(false);
            foreach (var (table, rows) in counts)
            {
                await output.WriteLineAsync($"{table}: {rows} rows").ConfigureAwait(false);
            }

            await output.WriteLineAsync(
                $"Copied {counts.Count} tables. Now start every node with Storage__Provider=postgres, "
                + "ConnectionStrings__Bot set to the PostgreSQL database and the same Security__EncryptionKey "
                + "(the key file's content, if the key was in a file).").ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbException)
        {
            await error.WriteLineAsync($"Nothing was copied: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Copies every table; returns each table with its row count, in the order copied.</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(
        string sqliteConnectionString, string postgresConnectionString, CancellationToken ct)
    {
        var sqliteFactory = new SqliteConnectionFactory(sqliteConnectionString);
        await using var sqlite = await sqliteFactory.OpenSqliteAsync(ct).ConfigureAwait(false);
        var version = await SqlDialect.Sqlite.GetVersionAsync(sqlite, null, ct).ConfigureAwait(false);
        var latest = Migrator.LatestVersionOf(SqlDialect.Postgres);
        if (version != latest)
        {
            throw new InvalidOperationException(
                $"The SQLite database is at schema version {version}; this build's PostgreSQL schema is at {latest}. "
                + "Start this build once on the SQLite database (it upgrades it), stop it, and run this again.");
        }

        await using var postgresFactory = new PostgresConnectionFactory(postgresConnectionString);
        // No PostgreSQL migration runs code, so the cipher is never used: the words are copied as they are stored.
        await new Migrator(postgresFactory, new FieldCipher(new byte[FieldCipher.KeySize]), NullLogger<Migrator>.Instance)
            .MigrateAsync(ct).ConfigureAwait(false);

        await using var postgres = (NpgsqlConnection)await postgresFactory.OpenAsync(ct).ConfigureAwait(false);
        await using var target = await postgres.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var snapshot = await sqlite.BeginTransactionAsync(ct).ConfigureAwait(false);
        var tables = await TablesInCopyOrderAsync(postgres, target, ct).ConfigureAwait(false);
        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            if (await postgres.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM {table};", transaction: target, cancellationToken: ct)).ConfigureAwait(false) != 0)
            {
                throw new InvalidOperationException($"The PostgreSQL database is not empty: {table} has rows.");
            }

            var columns = await ColumnsAsync(postgres, target, table, ct).ConfigureAwait(false);
            await CopyTableAsync(sqlite, postgres, table, columns, ct).ConfigureAwait(false);
            await MoveIdentityAsync(postgres, target, table, columns, ct).ConfigureAwait(false);

            var copied = await postgres.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM {table};", transaction: target, cancellationToken: ct)).ConfigureAwait(false);
            var expected = await sqlite.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM {table};", cancellationToken: ct)).ConfigureAwait(false);
            if (copied != expected)
            {
                throw new InvalidOperationException($"{table}: {expected} rows in SQLite but {copied} copied.");
            }

            counts.Add((table, copied));
        }

        await target.CommitAsync(ct).ConfigureAwait(false);
        return counts;
    }

    // Tables of the PostgreSQL schema, each after the tables its foreign keys point to.
    private static async Task<List<string>> TablesInCopyOrderAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var tables = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'
              AND table_name NOT LIKE 'qrtz%'
            ORDER BY table_name;
            """,
            transaction: transaction, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        var references = (await connection.QueryAsync<(string From, string To)>(new CommandDefinition(
            """
            SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace;
            """,
            transaction: transaction, cancellationToken: ct)).ConfigureAwait(false))
            .Where(r => r.From != r.To)
            .ToLookup(r => r.From, r => r.To);
        var ordered = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var next = tables.FirstOrDefault(t => !placed.Contains(t) && references[t].All(placed.Contains))
                ?? throw new InvalidOperationException("The tables' foreign keys form a cycle.");
            placed.Add(next);
            ordered.Add(next);
        }

        return ordered;
    }

    private static async Task<List<Column>> ColumnsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken ct) =>
        (await connection.QueryAsync<Column>(new CommandDefinition(
            """
            SELECT column_name AS Name, data_type AS Type, is_identity = 'YES' AS IsIdentity
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @Table
            ORDER BY ordinal_position;
            """,
            new { Table = table }, transaction, cancellationToken: ct)).ConfigureAwait(false)).ToList();

    private static async Task CopyTableAsync(
        SqliteConnection sqlite, NpgsqlConnection postgres, string table, List<Column> columns, CancellationToken ct)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        await using var read = sqlite.CreateCommand();
        read.CommandText = $"SELECT {names} FROM {table};";
        await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var writer = await postgres.BeginBinaryImportAsync(
            $"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            await writer.StartRowAsync(ct).ConfigureAwait(false);
            for (var i = 0; i < columns.Count; i++)
            {
                if (await reader.IsDBNullAsync(i, ct).ConfigureAwait(false))
                {
                    await writer.WriteNullAsync(ct).ConfigureAwait(false);
                    continue;
                }

                switch (columns[i].Type)
                {
                    case "bigint":
                        await writer.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                        break;
                    case "bytea":
                        await writer.WriteAsync((byte[])reader.GetValue(i), NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                        break;
                    case "text":
                        await writer.WriteAsync(reader.GetString(i), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                        break;
                    default:
                        throw new InvalidOperationException(
                            $"{table}.{columns[i].Name} is {columns[i].Type}; the copy knows bigint, text and bytea.");
                }
            }
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private static async Task MoveIdentityAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, List<Column> columns, CancellationToken ct)
    {
        foreach (var column in columns.Where(c => c.IsIdentity))
        {
            // The next id given is one past the highest copied (or 1 for an empty table).
            await connection.ExecuteAsync(new CommandDefinition(
                $"SELECT setval(pg_get_serial_sequence('{table}', '{column.Name}'), coalesce(max({column.Name}), 0) + 1, false) FROM {table};",
                transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    private sealed record Column(string Name, string Type, bool IsIdentity);
}
