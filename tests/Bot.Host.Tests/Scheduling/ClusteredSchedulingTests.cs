using System.Collections.Concurrent;
using Bot.Host.Scheduling;
using Bot.Host.Storage;
using Bot.Testing.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Host.Tests.Scheduling;

/// <summary>Quartz per provider: in memory with SQLite; a cluster on PostgreSQL that fires each trigger once.</summary>
public sealed class ClusteredSchedulingTests
{
    [Fact]
    public async Task WithSqlite_TheScheduleIsKeptInMemory()
    {
        await using var services = Services(new Dictionary<string, string?>());
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var meta = await scheduler.GetMetadata();
        await scheduler.Shutdown();

        Assert.False(meta.JobStorePersistent);
        Assert.False(meta.JobStoreClustered);
    }

    [Fact]
    public async Task WithPostgres_TheScheduleIsAClusterInTheDatabase_WhoseTablesAreCreated()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            await using var services = Services(Postgres(connectionString));
            var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

            var meta = await scheduler.GetMetadata();
            var trigger = Assert.Single(await scheduler.GetTriggersOfJob(SweepJob.Key));
            await scheduler.Shutdown();

            Assert.True(meta.JobStorePersistent);
            Assert.True(meta.JobStoreClustered);
            Assert.Equal(SchedulingSetup.SchedulerName, meta.SchedulerName);
            Assert.NotNull(trigger.NextFireTimeUtc);
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task TwoNodesOnOneDatabase_RunEachFiringOnOneNodeOnly()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        var run = Guid.NewGuid().ToString("N");
        const int Firings = 6;
        try
        {
            await using var first = Services(Postgres(connectionString));
            await using var second = Services(Postgres(connectionString));
            var one = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var two = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.NotEqual(one.SchedulerInstanceId, two.SchedulerInstanceId);
            var all = CountingJob.Runs.GetOrAdd(run, _ => new());
            await one.Start();
            await two.Start();

            var job = JobBuilder.Create<CountingJob>().WithIdentity("count-" + run).UsingJobData("run", run).Build();
            var trigger = TriggerBuilder.Create()
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(500)).WithRepeatCount(Firings - 1))
                .Build();
            await one.ScheduleJob(job, trigger);
            await all.AllFired(Firings).WaitAsync(TimeSpan.FromSeconds(60));

            // A second node running a firing again would do so at once, while the trigger is being completed;
            // shutting down waits for running jobs, so anything doubled has been counted by then.
            await one.Shutdown(waitForJobsToComplete: true);
            await two.Shutdown(waitForJobsToComplete: true);
            Assert.Equal(Firings, all.Fired.Count);
            Assert.Equal(Firings, all.Fired.Select(f => f.ScheduledAt).Distinct().Count());
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    private static Dictionary<string, string?> Postgres(string connectionString) => new()
    {
        [StorageProviders.SettingName] = "postgres",
        ["ConnectionStrings:Bot"] = connectionString,
    };

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        // Qualified: inside Bot.Host.Tests, Host alone means the Bot.Host namespace.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddScheduling();
        return builder.Services.BuildServiceProvider();
    }

    internal sealed class Recorder
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _wanted = int.MaxValue;

        public ConcurrentBag<(string Node, DateTimeOffset? ScheduledAt)> Fired { get; } = [];

        public Task AllFired(int count)
        {
            Volatile.Write(ref _wanted, count);
            Check();
            return _done.Task;
        }

        public void Add(string node, DateTimeOffset? scheduledAt)
        {
            Fired.Add((node, scheduledAt));
            Check();
        }

        private void Check()
        {
            if (Fired.Count >= Volatile.Read(ref _wanted))
            {
                _done.TrySetResult();
            }
        }
    }

    internal sealed class CountingJob : IJob
    {
        public static ConcurrentDictionary<string, Recorder> Runs { get; } = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var run = context.MergedJobDataMap.GetString("run")!;
            Runs.GetOrAdd(run, _ => new()).Add(context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc);
            return ValueTask.CompletedTask;
        }
    }
}
