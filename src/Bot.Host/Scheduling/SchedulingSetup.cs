using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>Quartz with the one minute sweep.</summary>
internal static class SchedulingSetup
{
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SweepRunner>();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJob<SweepJob>(job => job.WithIdentity(SweepJob.Key));

            // On the minute, not every minute from whenever the bot started: a check-in set for 19:00 opens at
            // 19:00:00, not up to a minute later. A run missed while the bot was busy happens once, at once.
            quartz.AddTrigger(trigger => trigger
                .ForJob(SweepJob.Key)
                .WithIdentity("checkin-sweep-every-minute")
                .WithCronSchedule("0 * * * * ?", cron => cron
                    .InTimeZone(TimeZoneInfo.Utc)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
