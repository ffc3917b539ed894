using System.Security.Cryptography;
using Bot.Host.Security;
using Bot.Host.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Tests.Security;

public sealed class EncryptionKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "botsuite-tests", Guid.NewGuid().ToString("N"));
    private readonly RecordingLogger _log = new();

    private string DatabaseFile => Path.Combine(_folder, "data", "botsuite.db");

    private string KeyFile => Path.Combine(_folder, "data", "botsuite.key");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Load_WithoutASetting_GeneratesAKeyFileBesideTheDatabaseAndWarns()
    {
        var key = EncryptionKey.Load(Settings(), DatabaseFile, _log);

        Assert.Equal(FieldCipher.KeySize, key.Length);
        Assert.Equal(key, Convert.FromBase64String(File.ReadAllText(KeyFile).Trim()));
        Assert.Equal([KeyFile], Directory.GetFiles(Path.GetDirectoryName(KeyFile)!, "*"));
        var warning = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(KeyFile, warning.Message, StringComparison.Ordinal);
        Assert.Contains(EncryptionKey.SettingName, warning.Message, StringComparison.Ordinal);
        Assert.Contains("Back it up", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GeneratedKeyFile_IsReadableOnlyByItsOwner()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        EncryptionKey.Load(Settings(), DatabaseFile, _log);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Fact]
    public void Load_OnTheNextStart_ReusesTheKeyFileWithoutWarning()
    {
        var first = EncryptionKey.Load(Settings(), DatabaseFile, new RecordingLogger());
        var written = File.GetLastWriteTimeUtc(KeyFile);

        var second = EncryptionKey.Load(Settings(), DatabaseFile, _log);

        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(KeyFile));
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(_log.Entries, e => e.Message.Contains(KeyFile, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WithASetting_UsesItOverAnExistingKeyFileAndWritesNothing()
    {
        var fileKey = EncryptionKey.Load(Settings(), DatabaseFile, new RecordingLogger());
        var configured = RandomNumberGenerator.GetBytes(FieldCipher.KeySize);

        var key = EncryptionKey.Load(Settings(Convert.ToBase64String(configured)), DatabaseFile, _log);

        Assert.Equal(configured, key);
        Assert.NotEqual(fileKey, key);
        Assert.Equal(fileKey, Convert.FromBase64String(File.ReadAllText(KeyFile).Trim()));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public void Load_WithASetting_CreatesNoKeyFile()
    {
        var configured = Convert.ToBase64String(RandomNumberGenerator.GetBytes(FieldCipher.KeySize));

        EncryptionKey.Load(Settings($"  {configured}\n"), DatabaseFile, _log);

        Assert.False(File.Exists(KeyFile));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    public void Load_MalformedSetting_FailsNamingTheSetting(string setting)
    {
        var load = () => EncryptionKey.Load(Settings(setting), DatabaseFile, _log);

        var error = Assert.Throws<InvalidOperationException>(load);
        Assert.Contains("Security:EncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Security__EncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(setting, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void Load_DamagedKeyFile_FailsNamingTheFileAndLeavesItAlone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "half a key");

        var load = () => EncryptionKey.Load(Settings(), DatabaseFile, _log);

        var error = Assert.Throws<InvalidOperationException>(load);
        Assert.Contains(KeyFile, error.Message, StringComparison.Ordinal);
        Assert.Equal("half a key", File.ReadAllText(KeyFile));
    }

    [Fact]
    public void Load_EmptySetting_CountsAsNotSet()
    {
        var key = EncryptionKey.Load(Settings(""), DatabaseFile, _log);

        Assert.Equal(key, Convert.FromBase64String(File.ReadAllText(KeyFile).Trim()));
    }

    [Theory]
    [InlineData("/srv/bot/botsuite.db", "/srv/bot/botsuite.key")]
    [InlineData("/srv/bot/couples.sqlite", "/srv/bot/couples.key")]
    [InlineData("/srv/bot/data", "/srv/bot/data.key")]
    public void FilePathFor_ADatabaseFile_IsBesideIt(string database, string expected)
    {
        var file = EncryptionKey.FilePathFor(database);

        Assert.Equal(expected, file);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FilePathFor_NoDatabaseFile_IsInTheCurrentFolder(string? database)
    {
        var file = EncryptionKey.FilePathFor(database);

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "botsuite.key"), file);
    }

    [Fact]
    public void Load_WithAKeyFileSetting_KeepsTheKeyThereInsteadOfBesideTheDatabase()
    {
        var elsewhere = Path.Combine(_folder, "keys", "shared.key");
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [EncryptionKey.FileSettingName] = elsewhere })
            .Build();

        var key = EncryptionKey.Load(settings, null, _log);
        var again = EncryptionKey.Load(settings, DatabaseFile, new RecordingLogger());

        Assert.Equal(key, Convert.FromBase64String(File.ReadAllText(elsewhere).Trim()));
        Assert.Equal(key, again);
        Assert.False(File.Exists(KeyFile));
    }

    private static IConfiguration Settings(string? key = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Security:EncryptionKey"] = key })
            .Build();
}
