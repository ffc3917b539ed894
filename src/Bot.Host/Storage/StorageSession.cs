using System.Data.Common;
using Bot.Host.Security;
using Dapper;

namespace Bot.Host.Storage;

/// <summary>
/// The DI scope's one connection (opened on first use) and its current transaction; every repository command
/// goes through here so it joins whatever transaction is running. Not thread-safe, like the scope it serves.
/// </summary>
internal sealed class StorageSession(DbConnectionFactory factory, ILogger<StorageSession> logger)
    : IDisposable, IAsyncDisposable
{
    private DbConnection? _connection;
    private bool _disposed;
    private bool _hasErased;

    public DbTransaction? Transaction { get; private set; }

    public SqlDialect Dialect => factory.Dialect;

    /// <summary>Whether <see cref="LockCoupleAsync"/> does anything here: in a transaction, on PostgreSQL.</summary>
    public bool LocksCouples => Transaction is not null && factory.Dialect.Provider == StorageProvider.Postgres;

    public async ValueTask<DbConnection> GetConnectionAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _connection ??= await factory.OpenAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the work in the running transaction, or in a new write transaction it commits, or rolls back and
    /// rethrows on failure. A nested call joins the outer one, so only the outermost commits.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Transaction is not null)
        {
            return await work(ct).ConfigureAwait(false);
        }

        var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
        var transaction = await factory.Dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        Transaction = transaction;
        T result;
        try
        {
            result = await work(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            _hasErased = false;
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            Transaction = null;
            await transaction.DisposeAsync().ConfigureAwait(false);
        }

        await CheckpointIfErasedAsync(ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Inserts a row whose encrypted text is bound to the id the insert gives it: the insert writes a placeholder and
    /// returns the id, then the text is sealed to that row, in one transaction.
    /// </summary>
    public Task<long> InsertSealedAsync(
        string insertSql, object parameters, SealedColumn column, string text, FieldCipher cipher, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(cipher);
        return InTransactionAsync(
            async token =>
            {
                var id = await ExecuteScalarAsync<long>(insertSql, parameters, token).ConfigureAwait(false);
                await ExecuteAsync(
                    column.SetByIdSql, new { Id = id, Value = cipher.Encrypt(text, column.At(id)) }, token)
                    .ConfigureAwait(false);
                return id;
            },
            ct);
    }

    /// <summary>As <see cref="InTransactionAsync{T}"/>, for work with no result.</summary>
    public Task InTransactionAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync(
            async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            },
            ct);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<T>(Command(sql, parameters, ct)).ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, ct)).ConfigureAwait(false);
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<T>(Command(sql, parameters, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Serialises the rest of the running transaction with any other that locks the same couple (see
    /// <see cref="SqlDialect.LockCoupleAsync"/>); outside a transaction there is nothing to serialise.
    /// </summary>
    public async Task LockCoupleAsync(long coupleId, CancellationToken ct)
    {
        if (Transaction is { } transaction)
        {
            await factory.Dialect.LockCoupleAsync(transaction.Connection!, transaction, coupleId, ct)
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes or overwrites someone's words: as <see cref="ExecuteAsync"/>, and once the change is committed no copy
    /// stays in the database's files: SQLite's WAL is checkpointed and truncated (secure_delete zeroes the freed
    /// pages); on PostgreSQL the delete is real at once and VACUUM reclaims the space.
    /// </summary>
    public async Task<int> EraseAsync(string sql, object? parameters, CancellationToken ct)
    {
        var changed = await ExecuteAsync(sql, parameters, ct).ConfigureAwait(false);
        _hasErased = true;
        if (Transaction is null)
        {
            await CheckpointIfErasedAsync(ct).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>Runs the statement once, or once per element if <paramref name="parameters"/> is a sequence.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct)
    {
        var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(Command(sql, parameters, ct)).ConfigureAwait(false);
    }

    private async Task CheckpointIfErasedAsync(CancellationToken ct)
    {
        if (!_hasErased)
        {
            return;
        }

        _hasErased = false;
        var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
        if (!await factory.Dialect.AfterEraseAsync(connection, ct).ConfigureAwait(false))
        {
            logger.LogWarning(
                "After an erase the WAL could not be emptied at once (a reader was busy); the next checkpoint does it");
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Transaction?.Dispose();
        _connection?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(factory.Dialect.Prepare(sql), parameters, Transaction, cancellationToken: ct);
}
