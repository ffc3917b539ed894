using Bot.Host.Platforms.Web;
using Bot.Host.Storage;
using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>
/// Quartz with the one minute sweep. With SQLite (one machine) Quartz keeps its schedule in memory; with PostgreSQL
/// it keeps it in the database (its own <c>qrtz_</c> tables, created on first start) as a cluster, so the sweep runs
/// on exactly one node at a time and moves to another when that node stops checking in.
/// </summary>
internal static class SchedulingSetup
{
    public const string SchedulerName = "botsuite";

    /// <summary>
    /// The setting that overrides when the sweep runs (a Quartz cron expression, seconds first, in UTC); on the
    /// minute unless set. Tests that cannot wait for the next minute run it every few seconds.
    /// </summary>
    public const string SweepCronSetting = "Scheduling:SweepCron";

    private const string EveryMinute = "0 * * * * ?";

    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SweepRunner>();
        // Read now: the store is part of how Quartz is built, so the provider must be set before AddScheduling.
        // The playground alone keeps its own SQLite file (it switches the provider later, in AddPlayground).
        var shared = StorageProviders.From(builder.Configuration) == StorageProvider.Postgres
            && PlaygroundSetup.AllowsPlatforms(builder.Configuration);
        var connectionString = shared ? StorageSetup.CreateFactoryConnectionString(builder.Configuration) : null;
        var cron = builder.Configuration[SweepCronSetting] is { Length: > 0 } configured ? configured : EveryMinute;
        try
        {
            _ = new CronExpression(cron);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException(
                $"{SweepCronSetting} \"{cron}\" is not a Quartz cron expression (seconds first, e.g. \"{EveryMinute}\").", ex);
        }
        builder.Services.AddQuartz(quartz =>
        {
            if (connectionString is not null)
            {
                // Every node its own id; Quartz's own tables (its shipped create_postgres.sql) are created when
                // missing and never altered. A node that stops checking in for a while is taken as dead: the
                // others recover its firings, and whichever acquires the next trigger runs the sweep.
                quartz.ConfigureScheduler(scheduler =>
                {
                    scheduler.InstanceName = SchedulerName;
                    scheduler.GenerateInstanceId = true;
                });
                quartz.UsePersistentStore(store => store
                    .UsePostgres(connectionString)
                    .UseClustering()
                    .ProvisionSchema());
            }

            quartz.AddJob<SweepJob>(job => job.WithIdentity(SweepJob.Key));

            // On the minute, not every minute from whenever the bot started: a check-in set for 19:00 opens at
            // 19:00:00, not up to a minute later. A run missed while the bot was busy happens once, at once.
            quartz.AddTrigger(trigger => trigger
                .ForJob(SweepJob.Key)
                .WithIdentity("checkin-sweep-every-minute")
                .WithCronSchedule(cron, schedule => schedule
                    .InTimeZone(TimeZoneInfo.Utc)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
