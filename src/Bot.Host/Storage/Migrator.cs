using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Bot.Host.Security;
using Dapper;

namespace Bot.Host.Storage;

/// <summary>
/// Applies the embedded migrations of the database's provider in order. A step SQL cannot do (re-encrypting values)
/// runs as code right after the file of the same name, in its transaction.
/// </summary>
/// <remarks>
/// Two folders, one numbering: <c>Storage/Migrations/NNNN_*.sql</c> for SQLite (version in
/// <c>PRAGMA user_version</c>) and <c>Storage/Migrations/Postgres/NNNN_*.sql</c> for PostgreSQL (version in the
/// <c>schema_version</c> table). PostgreSQL starts at <c>0021_initial.sql</c>, the whole schema as SQLite has it
/// after 0021, so a fresh PostgreSQL database jumps to 21. Every later SQLite migration needs its PostgreSQL twin
/// with the same number and name (bigint for INTEGER, bytea for BLOB), or a PostgreSQL database stops short of it.
/// </remarks>
internal sealed class Migrator(DbConnectionFactory factory, FieldCipher cipher, ILogger<Migrator> logger)
{
    private const string EnableWalSql = "PRAGMA journal_mode = WAL;";

    // Keyed by the file's description (after NNNN_), so renumbering the file renumbers its code too.
    private static readonly Dictionary<string, Func<DbConnection, DbTransaction, FieldCipher, CancellationToken, Task>>
        CodeSteps = new(StringComparer.Ordinal)
        {
            [SealFieldsMigration.Name] = SealFieldsMigration.RunAsync,
        };

    /// <summary>The schema version this build migrates SQLite to.</summary>
    public static int LatestVersion => LoadMigrations(SqlDialect.Sqlite)[^1].Version;

    /// <summary>The schema version this build migrates a database of the dialect to.</summary>
    public static int LatestVersionOf(SqlDialect dialect) => LoadMigrations(dialect)[^1].Version;

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (factory.DatabaseFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var dialect = factory.Dialect;
        var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (dialect.Provider == StorageProvider.Sqlite)
            {
                var mode = await connection.ExecuteScalarAsync<string>(
                    new CommandDefinition(EnableWalSql, cancellationToken: ct)).ConfigureAwait(false);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && factory.DatabaseFile is not null)
                {
                    logger.LogWarning("SQLite refused WAL mode; journal mode is {JournalMode}", mode);
                }
            }

            await dialect.PrepareVersioningAsync(connection, ct).ConfigureAwait(false);
            var migrations = LoadMigrations(dialect);
            var version = await dialect.GetVersionAsync(connection, null, ct).ConfigureAwait(false);
            if (version > migrations[^1].Version)
            {
                throw new InvalidOperationException(
                    $"The database is at schema version {version}; this build knows {migrations[^1].Version}.");
            }

            foreach (var migration in migrations.Where(m => m.Version > version))
            {
                await ApplyAsync(connection, migration, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        // The version is read inside the write transaction, under the migration lock, so two nodes starting
        // together cannot both apply it.
        var dialect = factory.Dialect;
        await using var transaction = await dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await dialect.LockMigrationsAsync(connection, transaction, ct).ConfigureAwait(false);
        var version = await dialect.GetVersionAsync(connection, transaction, ct).ConfigureAwait(false);
        if (version >= migration.Version)
        {
            return;
        }

        await connection.ExecuteAsync(
            new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        if (CodeSteps.TryGetValue(migration.Description, out var code))
        {
            await code(connection, transaction, cipher, ct).ConfigureAwait(false);
        }

        await dialect.SetVersionAsync(connection, transaction, migration.Version, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        logger.LogInformation("Applied migration {Migration}", migration.Name);
    }

    private static List<Migration> LoadMigrations(SqlDialect dialect)
    {
        var prefix = dialect.MigrationPrefix;
        var assembly = typeof(Migrator).Assembly;
        // "Migrations.0001_x.sql" for SQLite; "Migrations.Postgres.0021_x.sql" for PostgreSQL (a dot after the prefix
        // means a subfolder, which SQLite's list leaves out).
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal)
                && name.EndsWith(".sql", StringComparison.Ordinal)
                && name.AsSpan(prefix.Length).Count('.') == 1)
            .Select(name => new Migration(ParseVersion(name[prefix.Length..]), name[prefix.Length..], Read(assembly, name)))
            .OrderBy(m => m.Version)
            .ToList();
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException("No embedded migrations were found.");
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}.");
        }

        return migrations;
    }

    private static int ParseVersion(string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0
            || !int.TryParse(
                fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || version <= 0)
        {
            throw new InvalidOperationException($"Migration '{fileName}' is not named NNNN_description.sql.");
        }

        return version;
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration resource '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Migration(int Version, string Name, string Sql)
    {
        /// <summary>"0017_seal_fields.sql" → "seal_fields".</summary>
        public string Description => Path.GetFileNameWithoutExtension(Name[(Name.IndexOf('_', StringComparison.Ordinal) + 1)..]);
    }
}
