using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bot.Host.Storage;

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL or handling; everything else is written once in
/// SQL both accept (<c>ON CONFLICT … DO NOTHING</c>, <c>RETURNING</c>, <c>LIMIT</c>, bigint-sized integers).
/// Statements may carry a PostgreSQL-only clause as a comment, <c>/*pg: FOR UPDATE SKIP LOCKED*/</c>, which SQLite
/// reads as the comment it is.
/// </summary>
internal abstract partial class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();

    public static readonly SqlDialect Postgres = new PostgresDialect();

    // Advisory lock keys of our own (the two-int form, apart from the one-bigint form couples are locked with).
    internal const int LockClass = 0x426f74; // "Bot"

    public abstract StorageProvider Provider { get; }

    /// <summary>Where the migrations of this database are embedded (see <see cref="Migrator"/>).</summary>
    public abstract string MigrationPrefix { get; }

    /// <summary>The statement as this database runs it.</summary>
    public abstract string Prepare(string sql);

    /// <summary>Begins a transaction that writes; see each dialect for how writers are kept apart.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Gets the database ready to be versioned (nothing to do for SQLite).</summary>
    public abstract Task PrepareVersioningAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Holds off other nodes migrating the same database until the transaction ends.</summary>
    public abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    public abstract Task<long> GetVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct);

    public abstract Task SetVersionAsync(
        DbConnection connection, DbTransaction transaction, int version, CancellationToken ct);

    /// <summary>
    /// Serialises the rest of the transaction with every other transaction that locks the same couple, so a read,
    /// decide, write over a couple's state (two partners answering at once, a sweep step) sees the other's commit.
    /// SQLite has one writer at a time, so there it is nothing.
    /// </summary>
    public abstract Task LockCoupleAsync(
        DbConnection connection, DbTransaction transaction, long coupleId, CancellationToken ct);

    /// <summary>
    /// After words were deleted or overwritten and committed: makes sure no copy lingers in the database's files.
    /// False when that has to wait (the caller logs it).
    /// </summary>
    public abstract Task<bool> AfterEraseAsync(DbConnection connection, CancellationToken ct);

    private sealed class SqliteDialect : SqlDialect
    {
        public override StorageProvider Provider => StorageProvider.Sqlite;

        public override string MigrationPrefix => "Migrations.";

        public override string Prepare(string sql) => sql;

        // BEGIN IMMEDIATE takes the write lock now, so a second writer waits on busy_timeout here; a deferred
        // BEGIN would fail with SQLITE_BUSY later, when it upgrades its read lock past another node's commit.
        // With one writer at a time, a transaction's reads and writes are never interleaved with another's.
        public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
            ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

        public override Task PrepareVersioningAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

        // BEGIN IMMEDIATE already made this the only writer.
        public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
            Task.CompletedTask;

        public override Task<long> GetVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
            connection.ExecuteScalarAsync<long>(
                new CommandDefinition("PRAGMA user_version;", transaction: transaction, cancellationToken: ct));

        // PRAGMA takes no parameters; the version is an integer parsed from our own resource name.
        public override Task SetVersionAsync(
            DbConnection connection, DbTransaction transaction, int version, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition(
                string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version};"),
                transaction: transaction,
                cancellationToken: ct));

        public override Task LockCoupleAsync(
            DbConnection connection, DbTransaction transaction, long coupleId, CancellationToken ct) =>
            Task.CompletedTask;

        // Folds the WAL into the database and empties it; secure_delete has zeroed what the erase freed there. Waits
        // (busy_timeout) for readers of older snapshots; if one is still reading, the next checkpoint does it.
        public override async Task<bool> AfterEraseAsync(DbConnection connection, CancellationToken ct)
        {
            var (busy, _, _) = await connection.QuerySingleAsync<(long, long, long)>(
                new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken: ct)).ConfigureAwait(false);
            return busy == 0;
        }
    }

    private sealed partial class PostgresDialect : SqlDialect
    {
        private const string LockMigrationsSql = "SELECT pg_advisory_xact_lock(@Class, 1);";

        private readonly ConcurrentDictionary<string, string> _prepared = new(StringComparer.Ordinal);

        public override StorageProvider Provider => StorageProvider.Postgres;

        public override string MigrationPrefix => "Migrations.Postgres.";

        // Dapper hands a list to Npgsql as one array parameter instead of expanding "IN @Ids", so the list test is
        // written the way PostgreSQL compares with an array; the PostgreSQL-only clauses are uncommented.
        public override string Prepare(string sql) =>
            _prepared.GetOrAdd(sql, static s => PgOnly().Replace(InList().Replace(s, "= ANY(@$1)"), "$1"));

        // READ COMMITTED: each statement sees what was committed before it started. Writers are kept apart where it
        // matters by row locks (claims: FOR UPDATE SKIP LOCKED), guarded updates (WHERE state = …) and the
        // couple's advisory lock (LockCoupleAsync), not by a database-wide write lock.
        public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
            await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);

        public override Task PrepareVersioningAsync(DbConnection connection, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_version (version bigint NOT NULL);
                INSERT INTO schema_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version);
                """,
                cancellationToken: ct));

        public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition(
                LockMigrationsSql, new { Class = LockClass }, transaction, cancellationToken: ct));

        public override Task<long> GetVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
            connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT coalesce(max(version), 0) FROM schema_version;", transaction: transaction, cancellationToken: ct));

        public override Task SetVersionAsync(
            DbConnection connection, DbTransaction transaction, int version, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition(
                "UPDATE schema_version SET version = @Version;", new { Version = (long)version }, transaction,
                cancellationToken: ct));

        public override Task LockCoupleAsync(
            DbConnection connection, DbTransaction transaction, long coupleId, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@Key);", new { Key = coupleId }, transaction, cancellationToken: ct));

        // A delete or update is real at once: the old row version is dead to every new transaction, and VACUUM
        // (autovacuum) reclaims its space. Nothing to run here; VACUUM FULL would lock whole tables for it.
        public override Task<bool> AfterEraseAsync(DbConnection connection, CancellationToken ct) =>
            Task.FromResult(true);

        [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.CultureInvariant)]
        private static partial Regex InList();

        [GeneratedRegex(@"/\*pg:(.*?)\*/", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
        private static partial Regex PgOnly();
    }
}
