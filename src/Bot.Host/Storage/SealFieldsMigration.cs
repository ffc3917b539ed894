using System.Data.Common;
using System.Globalization;
using System.Text;
using Bot.Host.Security;
using Dapper;

namespace Bot.Host.Storage;

/// <summary>
/// The code half of <c>0017_seal_fields.sql</c>: re-encrypts every value of <see cref="SealedColumns"/> bound to
/// its table, column and row, reading what was written before (<c>v1:</c>, or plain text).
/// </summary>
internal static class SealFieldsMigration
{
    public const string Name = "seal_fields";

    public static async Task RunAsync(
        DbConnection connection, DbTransaction transaction, FieldCipher cipher, CancellationToken ct)
    {
        // A fixed list: a column added by a later migration is written sealed from the start, and its table does
        // not exist yet when this runs.
        foreach (var column in SealedColumns.SealedByMigration)
        {
            // Names come from our own SealedColumns, never from input.
            var keys = string.Join(", ", column.RowKey);
            var match = string.Join(" AND ", column.RowKey.Select((k, i) => $"{k} = @K{i}"));
            var select = $"SELECT {keys}, {column.Column} AS sealed_value FROM {column.Table} WHERE {column.Column} IS NOT NULL;";
            var update = $"UPDATE {column.Table} SET {column.Column} = @Value WHERE {match};";
            var rows = await connection.QueryAsync(
                new CommandDefinition(select, transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
            foreach (IDictionary<string, object> row in rows)
            {
                var key = column.RowKey.Select(k => row[k]).ToArray();
                var at = column.At(key);
                var parameters = new DynamicParameters();
                for (var i = 0; i < key.Length; i++)
                {
                    parameters.Add(string.Create(CultureInfo.InvariantCulture, $"K{i}"), key[i]);
                }

                parameters.Add("Value", column.IsBinary
                    ? cipher.EncryptBytes(cipher.ReadLegacyBytes((byte[])row["sealed_value"]), at)
                    : cipher.Encrypt(cipher.ReadLegacy(AsText(row["sealed_value"])), at));
                await connection.ExecuteAsync(
                    new CommandDefinition(update, parameters, transaction, cancellationToken: ct)).ConfigureAwait(false);
            }
        }
    }

    private static string AsText(object value) => value as string ?? Encoding.UTF8.GetString((byte[])value);
}
