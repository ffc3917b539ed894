using Bot.Host.Security;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bot.Host.Storage;

/// <summary>
/// The DI scope's one connection (opened on first use) and its current transaction; every repository command
/// goes through here so it joins whatever transaction is running. Not thread-safe, like the scope it serves.
/// </summary>
internal sealed class SqliteSession(SqliteConnectionFactory factory, ILogger<SqliteSession> logger)
    : IDisposable, IAsyncDisposable
{
    // Folds the WAL into the database and empties it; secure_delete has zeroed what the erase freed there.
    private const string CheckpointSql = "PRAGMA wal_checkpoint(TRUNCATE);";

    private SqliteConnection? _connection;
    private bool _disposed;
    private bool _hasErased;

    public SqliteTransaction? Transaction { get; private set; }

    public async ValueTask<SqliteConnection> GetConnectionAsync(CancellationToken ct)
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
        // BEGIN IMMEDIATE takes the write lock now, so a second writer waits on busy_timeout here; a deferred
        // BEGIN would fail with SQLITE_BUSY later, when it upgrades its read lock past another node's commit.
        var transaction = connection.BeginTransaction(deferred: false);
        Transaction = transaction;
        T result;
        try
        {
            result = await work(ct).ConfigureAwait(false);
            transaction.Commit();
        }
        catch
        {
            _hasErased = false;
            transaction.Rollback();
            throw;
        }
        finally
        {
            Transaction = null;
            transaction.Dispose();
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
    /// Deletes or overwrites someone's words: as <see cref="ExecuteAsync"/>, and once the change is committed the WAL
    /// is checkpointed and truncated, so the old words are in no file (secure_delete zeroes the freed pages).
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
        // Waits (busy_timeout) for readers of older snapshots; if one is still reading, the WAL is emptied at the
        // next checkpoint instead.
        var (busy, _, _) = await connection.QuerySingleAsync<(long, long, long)>(Command(CheckpointSql, null, ct))
            .ConfigureAwait(false);
        if (busy != 0)
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
        new(sql, parameters, Transaction, cancellationToken: ct);
}
