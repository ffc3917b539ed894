using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bot.Host.Tests;

public sealed class ConsoleLogFormatTests
{
    [Theory]
    [InlineData(null, ConsoleFormatterNames.Simple)]
    [InlineData("json", ConsoleFormatterNames.Json)]
    [InlineData("systemd", ConsoleFormatterNames.Systemd)]
    public void FormatterName_FromTheSettings_PicksTheConsoleFormat(string? setting, string expected)
    {
        string[] args = setting is null ? [] : [$"--Logging:Console:FormatterName={setting}"];
        using var host = BotHost.CreateBuilder(args).Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(expected, options.FormatterName);
    }
}
