using Bot.Host.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Host.Tests.Scheduling;

public sealed class SchedulingSetupTests
{
    [Fact]
    public async Task SweepTrigger_FiresAtTheStartOfEveryMinute()
    {
        // Qualified: inside Bot.Host.Tests, Host alone means the Bot.Host namespace.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.AddScheduling();
        await using var services = builder.Services.BuildServiceProvider();
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var before = DateTimeOffset.UtcNow;

        var trigger = Assert.Single(await scheduler.GetTriggersOfJob(SweepJob.Key));

        var next = trigger.NextFireTimeUtc!.Value;
        var after = trigger.GetFireTimeAfter(next)!.Value;
        await scheduler.Shutdown();
        Assert.Equal((0, 0), (next.Second, next.Millisecond));
        Assert.InRange(next - before, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(1), after - next);
    }
}
