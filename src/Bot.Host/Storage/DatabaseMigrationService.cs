using Bot.Host.Security;
using Dapper;

namespace Bot.Host.Storage;

/// <summary>
/// Gets storage ready before anything else starts (registered first): brings the schema up to date, reads (or
/// creates) the encryption key and checks it against the words already stored, so a wrong key stops the start
/// instead of failing every update later.
/// </summary>
internal sealed class DatabaseMigrationService(Migrator migrator, SqliteConnectionFactory factory, FieldCipher cipher)
    : IHostedService
{
    // One encrypted value from wherever one is stored; the filter reads the format prefix, never the words.
    private const string SampleEncryptedSql = """
        SELECT value FROM (
            SELECT text AS value FROM answers WHERE substr(text, 1, 3) = 'v1:'
            UNION ALL
            SELECT text FROM outbox WHERE substr(text, 1, 3) = 'v1:'
            UNION ALL
            SELECT text FROM love_notes WHERE substr(text, 1, 3) = 'v1:'
            UNION ALL
            SELECT coalesce(text, arguments, payload) FROM inbox
            WHERE processed_at IS NULL AND substr(coalesce(text, arguments, payload), 1, 3) = 'v1:')
        LIMIT 1;
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await CheckKeyAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CheckKeyAsync(CancellationToken ct)
    {
        var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var sample = await connection.ExecuteScalarAsync<string?>(
                new CommandDefinition(SampleEncryptedSql, cancellationToken: ct)).ConfigureAwait(false);
            try
            {
                cipher.Decrypt(sample);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException(
                    $"The encryption key does not match the words already stored in the database. Restore the key "
                    + $"they were written with ({EncryptionKey.SettingName}, or the key file "
                    + $"{EncryptionKey.FilePathFor(factory.DatabaseFile)}); a new key cannot read them.",
                    ex);
            }
        }
    }
}
