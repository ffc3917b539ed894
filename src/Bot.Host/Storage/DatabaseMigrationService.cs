using Bot.Host.Security;
using Dapper;

namespace Bot.Host.Storage;

/// <summary>
/// Gets storage ready before anything else starts (registered first): brings the schema up to date, reads (or
/// creates) the encryption key and checks it against the words already stored, so a wrong key stops the start
/// instead of failing every update later.
/// </summary>
internal sealed class DatabaseMigrationService(
    Migrator migrator,
    DbConnectionFactory factory,
    FieldCipher cipher,
    StorageReadiness readiness,
    IConfiguration configuration) : IHostedService
{
    // One encrypted value with where it is stored; the filter reads the format prefix, never the words.
    private const string SampleEncryptedSql = """
        SELECT 'outbox' AS Source, id AS RowId, text AS Value FROM outbox
        UNION ALL
        SELECT 'love_notes', id, text FROM love_notes
        UNION ALL
        SELECT 'bucket_items', id, text FROM bucket_items
        LIMIT 1;
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await CheckKeyAsync(cancellationToken).ConfigureAwait(false);
        readiness.MarkMigrated();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CheckKeyAsync(CancellationToken ct)
    {
        var connection = await factory.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var sample = await connection.QueryFirstOrDefaultAsync<Sample>(
                new CommandDefinition(SampleEncryptedSql, cancellationToken: ct)).ConfigureAwait(false);
            try
            {
                if (sample is not null)
                {
                    cipher.Decrypt(sample.Value, SealedColumns.All.First(c => c.Table == sample.Source).At(sample.RowId));
                }
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException(
                    $"The encryption key does not match the words already stored in the database. Restore the key "
                    + $"they were written with ({EncryptionKey.SettingName}, or the key file "
                    + $"{EncryptionKey.FilePath(configuration, factory.DatabaseFile)}); a new key cannot read them.",
                    ex);
            }
        }
    }

    private sealed record Sample(string Source, long RowId, string Value);
}
