using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class CoreBoundaryTests
{
    [Fact]
    public void BotCore_ReferencesNoPlatformStorageOrSchedulerAssembly()
    {
        string[] forbidden = ["Telegram", "Discord", "Dapper", "Sqlite", "Quartz"];

        var references = typeof(BotEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(
            references, name => forbidden.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }
}
