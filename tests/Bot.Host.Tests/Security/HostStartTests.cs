namespace Bot.Host.Tests.Security;

public sealed class HostStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "botsuite-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("c2hvcnQ=")]
    public async Task Start_WithAMalformedKey_FailsNamingTheSettingBeforeAnythingRuns(string key)
    {
        using var host = BotHost.CreateBuilder(
        [
            $"--ConnectionStrings:Bot=Data Source={Path.Combine(_folder, "bot.db")}",
            $"--Security:EncryptionKey={key}",
            "--Telegram:Token=123456:not-a-real-token",
            "--Telegram:ApiBaseUrl=http://127.0.0.1:9",
        ]).Build();

        var start = () => host.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(start);
        Assert.Contains("Security:EncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Security__EncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "bot.db")));
        Assert.False(File.Exists(Path.Combine(_folder, "bot.key")));
    }
}
