using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>Quartz with the one minute sweep.</summary>
internal static class SchedulingSetup
{
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJob<SweepJob>(job => job.WithIdentity(SweepJob.Key));
            quartz.AddTrigger(trigger => trigger
                .ForJob(SweepJob.Key)
                .WithIdentity("checkin-sweep-every-minute")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
