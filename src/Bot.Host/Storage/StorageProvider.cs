namespace Bot.Host.Storage;

/// <summary>Which database holds the bot's state: <c>Storage:Provider</c>, SQLite unless set.</summary>
internal enum StorageProvider
{
    /// <summary>One file beside the bot; one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by any number of nodes.</summary>
    Postgres,
}

/// <summary>Reads the provider setting.</summary>
internal static class StorageProviders
{
    public const string SettingName = "Storage:Provider";

    public static StorageProvider From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[SettingName]?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => StorageProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => StorageProvider.Postgres,
            var other => throw new InvalidOperationException(
                $"{SettingName} (environment variable Storage__Provider) is '{other}'; use 'sqlite' or 'postgres'."),
        };
    }
}
