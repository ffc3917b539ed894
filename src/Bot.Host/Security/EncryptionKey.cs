using System.Security.Cryptography;

namespace Bot.Host.Security;

/// <summary>
/// Finds the key that encrypts what partners wrote: the <c>Security:EncryptionKey</c> setting, else a key file
/// (<c>Security:KeyFile</c>, or beside the database), created with owner-only permissions on first start.
/// </summary>
internal static class EncryptionKey
{
    public const string SettingName = "Security:EncryptionKey";
    public const string EnvironmentVariable = "Security__EncryptionKey";

    /// <summary>Where the key file lives when it is not beside the database (a server database has no file).</summary>
    public const string FileSettingName = "Security:KeyFile";

    private const string DefaultFileName = "botsuite.key";
    private const string Extension = ".key";

    /// <param name="mayCreate">
    /// False where several nodes share the database (PostgreSQL): each would make its own key, so the key must be
    /// given (the setting, or a key file placed there).
    /// </param>
    public static byte[] Load(IConfiguration configuration, string? databaseFile, ILogger logger, bool mayCreate = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(logger);
        if (configuration[SettingName] is { } setting && !string.IsNullOrWhiteSpace(setting))
        {
            return Parse(setting) ?? throw new InvalidOperationException(
                $"The setting {SettingName} (environment variable {EnvironmentVariable}) must be the base64 of "
                + $"{FieldCipher.KeySize} random bytes, for example from "
                + $"'openssl rand -base64 {FieldCipher.KeySize}'.");
        }

        var file = FilePath(configuration, databaseFile);
        if (File.Exists(file))
        {
            logger.LogInformation("Using the encryption key file {KeyFile}", file);
            return ReadFile(file);
        }

        if (!mayCreate)
        {
            throw new InvalidOperationException(
                $"With PostgreSQL every node must use the same encryption key: set {SettingName} (environment "
                + $"variable {EnvironmentVariable}) to the base64 of {FieldCipher.KeySize} random bytes, for example "
                + $"from 'openssl rand -base64 {FieldCipher.KeySize}', on every node, and back it up with the database.");
        }

        var key = RandomNumberGenerator.GetBytes(FieldCipher.KeySize);
        if (!TryCreateFile(file, key))
        {
            // Another node starting at the same moment wrote it first; its key is the one.
            return ReadFile(file);
        }

        logger.LogWarning(
            "{Setting} is not set, so a new encryption key was generated and saved to {KeyFile}. Back it up together "
            + "with the database: without this file the encrypted answers, notes and messages cannot be read",
            SettingName,
            file);
        return key;
    }

    /// <summary>The key file in use: <c>Security:KeyFile</c> when set, else <see cref="FilePathFor"/>.</summary>
    public static string FilePath(IConfiguration configuration, string? databaseFile)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[FileSettingName] is { } path && !string.IsNullOrWhiteSpace(path)
            ? Path.GetFullPath(path)
            : FilePathFor(databaseFile);
    }

    /// <summary>Beside the database (<c>bot.db</c> → <c>bot.key</c>); in the current folder without a file.</summary>
    public static string FilePathFor(string? databaseFile)
    {
        if (string.IsNullOrEmpty(databaseFile) || Path.GetDirectoryName(databaseFile) is not { Length: > 0 } folder)
        {
            return Path.GetFullPath(DefaultFileName);
        }

        var name = Path.GetFileNameWithoutExtension(databaseFile);
        return Path.Combine(folder, name.Length > 0 ? name + Extension : DefaultFileName);
    }

    private static byte[] ReadFile(string file)
    {
        var key = Parse(File.ReadAllText(file));
        return key ?? throw new InvalidOperationException(
            $"The encryption key file {file} is damaged: it must hold the base64 of {FieldCipher.KeySize} bytes. "
            + $"Restore it from a backup, or set {SettingName} to the key the data was written with.");
    }

    private static byte[]? Parse(string text)
    {
        var key = new byte[FieldCipher.KeySize];
        return Convert.TryFromBase64String(text.Trim(), key, out var written) && written == FieldCipher.KeySize
            ? key
            : null;
    }

    // Written to a private temporary file first and then linked into place without overwriting, so no one ever
    // reads a half-written key and two nodes starting together agree on one key.
    private static bool TryCreateFile(string file, byte[] key)
    {
        var folder = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine(Convert.ToBase64String(key));
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, file, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(file))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
