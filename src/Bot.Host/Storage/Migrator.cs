using System.Globalization;
using System.Reflection;
using Bot.Host.Security;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bot.Host.Storage;

/// <summary>
/// Applies the embedded <c>Migrations.NNNN_*.sql</c> in order, tracked by <c>PRAGMA user_version</c>. A step SQL
/// cannot do (re-encrypting values) runs as code right after the file of the same name, in its transaction.
/// </summary>
internal sealed class Migrator(SqliteConnectionFactory factory, FieldCipher cipher, ILogger<Migrator> logger)
{
    private const string ResourcePrefix = "Migrations.";

    private const string EnableWalSql = "PRAGMA journal_mode = WAL;";

    private const string GetVersionSql = "PRAGMA user_version;";

    // Keyed by the file's description (after NNNN_), so renumbering the file renumbers its code too.
    private static readonly Dictionary<string, Func<SqliteConnection, SqliteTransaction, FieldCipher, CancellationToken, Task>>
        CodeSteps = new(StringComparer.Ordinal)
        {
            [SealFieldsMigration.Name] = SealFieldsMigration.RunAsync,
        };

    /// <summary>The schema version this build migrates to.</summary>
    public static int LatestVersion => LoadMigrations()[^1].Version;

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (factory.DatabaseFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var mode = await connection.ExecuteScalarAsync<string>(
                new CommandDefinition(EnableWalSql, cancellationToken: ct)).ConfigureAwait(false);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && factory.DatabaseFile is not null)
            {
                logger.LogWarning("SQLite refused WAL mode; journal mode is {JournalMode}", mode);
            }

            var migrations = LoadMigrations();
            var version = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(GetVersionSql, cancellationToken: ct)).ConfigureAwait(false);
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

    private async Task ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken ct)
    {
        // The version is read inside the write transaction, so two nodes starting together cannot both apply it.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(GetVersionSql, transaction: transaction, cancellationToken: ct))
            .ConfigureAwait(false);
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

        // PRAGMA takes no parameters; the version is an integer parsed from our own resource name.
        var setVersion = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version};");
        await connection.ExecuteAsync(
            new CommandDefinition(setVersion, transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
        transaction.Commit();
        logger.LogInformation("Applied migration {Migration}", migration.Name);
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => new Migration(ParseVersion(name), name[ResourcePrefix.Length..], Read(assembly, name)))
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

    private static int ParseVersion(string resourceName)
    {
        var fileName = resourceName[ResourcePrefix.Length..];
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
