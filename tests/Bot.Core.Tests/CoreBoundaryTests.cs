using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class CoreBoundaryTests
{
    [Fact]
    public void BotCore_ReferencesNoPlatformStorageSchedulerOrChartingAssembly()
    {
        string[] forbidden = ["Telegram", "Discord", "Dapper", "Sqlite", "Quartz", "ScottPlot", "Skia"];

        var references = typeof(BotEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(
            references, name => forbidden.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }
}
