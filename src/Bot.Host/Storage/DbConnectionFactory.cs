using System.Data.Common;

namespace Bot.Host.Storage;

/// <summary>Opens connections to the configured database, each ready for the storage's SQL.</summary>
internal abstract class DbConnectionFactory
{
    public abstract string ConnectionString { get; }

    /// <summary>How this database differs from the other in the few places the SQL cannot be shared.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>Full path of an SQLite database file; null for an in-memory database or a server.</summary>
    public virtual string? DatabaseFile => null;

    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);
}
