using System.Diagnostics;
using System.Runtime.InteropServices;
using Bot.Core.Application;
using Bot.Host.Storage;
using Bot.Host.Storage.Repositories;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks;

/// <summary>
/// Seeds N couples, then times the minute sweep idle, at a peak, at the peak's reminders and expiries, and the
/// outbox drain behind it, each repetition on a fresh copy of the seeded database.
/// </summary>
internal static class SweepBenchmark
{
    private const int IdleWarmUps = 3;
    private const int IdleRepetitions = 25;

    /// <summary>As the outbox sender claims: a two-minute lease, a batch of up to 100.</summary>
    private const int ClaimBatch = 100;

    private const string DueCheckInsSql = """
        SELECT count(*) FROM couples
        WHERE ended_at IS NULL AND next_checkin_at IS NOT NULL AND next_checkin_at <= @Now;
        """;

    private const string DueRemindersSql = """
        SELECT count(*) FROM rounds WHERE state = 1 AND reminded_at IS NULL AND remind_at <= @Now;
        """;

    private const string DueExpiriesSql = """
        SELECT count(*) FROM rounds WHERE state = 1 AND expires_at <= @Now;
        """;

    private const string OutboxCountSql = "SELECT count(*) FROM outbox;";

    private const string SqliteVersionSql = "SELECT sqlite_version();";

    /// <summary>Replies typed during the fan-out: one every quarter second for 15 seconds.</summary>
    private const int ReplyCount = 60;

    private static readonly TimeSpan ReplyEvery = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public static async Task<BenchResults> RunAsync(BenchOptions options, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var total = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var target = new BenchTarget(options.Provider, options.Connection);
        var problems = new List<string>();
        var memory = new List<MemoryPoint>();
        try
        {
            var peak = Seeder.PeakInstant;
            var seedFile = target.Location("seed");
            await target.CreateAsync(seedFile).ConfigureAwait(false);
            var prepared = await PrepareAsync(target, seedFile, options.Couples, peak, memory, problems, progress, ct)
                .ConfigureAwait(false);

            var runs = new List<RunResult>();
            for (var run = 1; run <= options.Runs; run++)
            {
                await progress.WriteLineAsync($"Run {run} of {options.Runs}").ConfigureAwait(false);
                // The same path every run: one connection string, as in the host (pools and Dapper caches key on it).
                var runFile = target.Location("run");
                await target.CopyAsync(seedFile, runFile).ConfigureAwait(false);
                var measureAfterBusy = run == 1 || run == options.Runs ? memory : null;
                runs.Add(await RunOnceAsync(target, runFile, peak, run, measureAfterBusy, problems, progress, ct)
                    .ConfigureAwait(false));
                await target.DeleteAsync(runFile).ConfigureAwait(false);
            }

            var repliesFile = target.Location("replies");
            var replies = await MeasureRepliesAsync(target, repliesFile, seedFile, peak, problems, progress, ct)
                .ConfigureAwait(false);
            await target.DeleteAsync(repliesFile).ConfigureAwait(false);
            await target.DeleteAsync(seedFile).ConfigureAwait(false);
            memory.Add(Measure($"after {options.Runs} run(s), databases closed", null));
            return new BenchResults(
                options, startedAt, prepared.Environment, peak, prepared.PeakCouples, prepared.Seed, prepared.IdleSweeps,
                runs, replies, memory, prepared.Plans, problems, total.Elapsed);
        }
        finally
        {
            try
            {
                target.Clean();
            }
            catch (IOException ex)
            {
                await progress.WriteLineAsync($"Could not delete the benchmark's files: {ex.Message}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Migrates and seeds the file with the clock one minute before the peak, then reads the query plans and times
    /// the idle sweeps on it; the file is closed afterwards, ready to be copied for each run.
    /// </summary>
    private static async Task<Prepared> PrepareAsync(
        BenchTarget target, string file, int couples, DateTimeOffset peak, List<MemoryPoint> memory, List<string> problems,
        TextWriter progress, CancellationToken ct)
    {
        var seedNow = peak.AddMinutes(-1);
        var database = BenchDatabase.Open(file, target, new BenchClock(seedNow));
        await using (database.ConfigureAwait(false))
        {
            var stopwatch = Stopwatch.StartNew();
            await database.MigrateAsync(ct).ConfigureAwait(false);
            var migrate = stopwatch.Elapsed;
            memory.Add(Measure("before seeding (services built, empty database)", database));

            await progress.WriteLineAsync($"Seeding {couples:N0} couples into {file}").ConfigureAwait(false);
            stopwatch.Restart();
            var rows = await Seeder.SeedAsync(database, couples, seedNow, ct).ConfigureAwait(false);
            var insert = stopwatch.Elapsed;
            stopwatch.Restart();
            await database.CheckpointAsync(ct).ConfigureAwait(false);
            var seed = new SeedResult(rows, migrate, insert, stopwatch.Elapsed, database.SizeBytes);
            await progress.WriteLineAsync($"  {rows:N0} rows in {Report.Duration(insert)}").ConfigureAwait(false);
            memory.Add(Measure($"after seeding {couples:N0} couples", database));

            var environment = await DescribeEnvironmentAsync(database, ct).ConfigureAwait(false);
            var peakCouples = (int)await database.ScalarAsync(
                DueCheckInsSql, new { Now = peak.ToUnixTimeMilliseconds() }, ct).ConfigureAwait(false);
            var plans = await ExplainAsync(database, peak, ct).ConfigureAwait(false);

            await progress.WriteLineAsync($"Idle sweeps at {seedNow:u}").ConfigureAwait(false);
            var idle = new List<TimeSpan>();
            var busyIdleSweeps = 0;
            for (var i = 0; i < IdleWarmUps + IdleRepetitions; i++)
            {
                var sweep = await SweepAsync(database, problems, "idle", ct).ConfigureAwait(false);
                busyIdleSweeps += sweep.Items == 0 ? 0 : 1;
                if (i >= IdleWarmUps)
                {
                    idle.Add(sweep.Elapsed);
                }
            }

            if (busyIdleSweeps > 0)
            {
                problems.Add($"{busyIdleSweeps} idle sweeps found something due; they should find nothing.");
            }

            return new Prepared(seed, environment, peakCouples, plans, idle);
        }
    }

    private static async Task<RunResult> RunOnceAsync(
        BenchTarget target, string file, DateTimeOffset peak, int run, List<MemoryPoint>? memory, List<string> problems,
        TextWriter progress, CancellationToken ct)
    {
        var database = BenchDatabase.Open(file, target, new BenchClock(peak));
        await using (database.ConfigureAwait(false))
        {
            var options = database.Services.GetRequiredService<CheckInOptions>();

            var busy = await SweepAsync(database, problems, "busy", ct).ConfigureAwait(false);
            await progress.WriteLineAsync(
                $"  busy sweep: {busy.Opened:N0} check-ins opened in {Report.Duration(busy.Elapsed)}").ConfigureAwait(false);
            memory?.Add(Measure($"after the busy sweep of run {run}", database));

            var outbox = await DrainOutboxAsync(database, ct).ConfigureAwait(false);

            // Check-ins due at this minute in zones where it is night for a partner wait for their morning.
            var held = await database.ScalarAsync(
                "SELECT count(*) FROM outbox WHERE not_before > @Now;",
                new { Now = database.Clock.Now.ToUnixTimeMilliseconds() }, ct).ConfigureAwait(false);
            if (outbox.Messages + held != busy.OutboxAdded)
            {
                problems.Add(
                    $"The outbox drain handled {outbox.Messages} messages and {held} wait for quiet hours to end; the busy sweep queued {busy.OutboxAdded}.");
            }

            await progress.WriteLineAsync(
                $"  outbox: {outbox.Messages:N0} messages claimed and completed in {Report.Duration(outbox.Elapsed)}")
                .ConfigureAwait(false);

            database.Clock.Now = peak + options.RemindAfter;
            await CatchUp.RunAsync(database, database.Clock.Now, ct).ConfigureAwait(false);
            var reminders = await SweepAsync(database, problems, "reminder", ct).ConfigureAwait(false);
            await progress.WriteLineAsync(
                $"  reminder sweep: {reminders.Reminded:N0} reminded in {Report.Duration(reminders.Elapsed)}")
                .ConfigureAwait(false);
            await DrainOutboxAsync(database, ct).ConfigureAwait(false);

            database.Clock.Now = peak + options.ExpireAfter;
            await CatchUp.RunAsync(database, database.Clock.Now, ct).ConfigureAwait(false);
            var expiries = await SweepAsync(database, problems, "expiry", ct).ConfigureAwait(false);
            await progress.WriteLineAsync(
                $"  expiry sweep: {expiries.Expired:N0} expired in {Report.Duration(expiries.Elapsed)}")
                .ConfigureAwait(false);

            return new RunResult(busy, outbox, reminders, expiries);
        }
    }

    /// <summary>On a fresh copy: the peak sweep, then replies sent by the real sender while its fan-out waits.</summary>
    private static async Task<ReplyMeasure> MeasureRepliesAsync(
        BenchTarget target, string file, string seedFile, DateTimeOffset peak, List<string> problems, TextWriter progress,
        CancellationToken ct)
    {
        await target.CopyAsync(seedFile, file).ConfigureAwait(false);
        var database = BenchDatabase.Open(file, target, new BenchClock(peak));
        await using (database.ConfigureAwait(false))
        {
            await SweepAsync(database, problems, "busy", ct).ConfigureAwait(false);
            var replies = await ReplyLatency.RunAsync(database, ReplyCount, ReplyEvery, progress, ct).ConfigureAwait(false);
            if (replies.Latencies.Count != replies.Replies)
            {
                problems.Add($"{replies.Replies - replies.Latencies.Count} of {replies.Replies} replies did not arrive.");
            }

            await progress.WriteLineAsync(
                $"  replies: p50 {Report.Duration(Report.Percentile(replies.Latencies, 0.5))}, "
                + $"p95 {Report.Duration(Report.Percentile(replies.Latencies, 0.95))}; "
                + $"fan-out {replies.SendsPerSecond:F1}/s, {replies.Refused} answered 429").ConfigureAwait(false);
            return replies;
        }
    }

    /// <summary>Core's whole minute sweep as the job runs it: a fresh DI scope (so a fresh session) per run.</summary>
    private static async Task<SweepMeasure> SweepAsync(
        BenchDatabase database, List<string> problems, string what, CancellationToken ct)
    {
        var now = new { Now = database.Clock.Now.ToUnixTimeMilliseconds() };
        var dueCheckIns = await database.ScalarAsync(DueCheckInsSql, now, ct).ConfigureAwait(false);
        var dueReminders = await database.ScalarAsync(DueRemindersSql, now, ct).ConfigureAwait(false);
        var dueExpiries = await database.ScalarAsync(DueExpiriesSql, now, ct).ConfigureAwait(false);
        var outboxBefore = await database.ScalarAsync(OutboxCountSql, null, ct).ConfigureAwait(false);

        SweepReport result;
        TimeSpan elapsed;
        var scope = database.Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var sweep = scope.ServiceProvider.GetRequiredService<Sweep>();
            var stopwatch = Stopwatch.StartNew();
            result = await sweep.RunAsync(ct).ConfigureAwait(false);
            elapsed = stopwatch.Elapsed;
        }

        var outboxAfter = await database.ScalarAsync(OutboxCountSql, null, ct).ConfigureAwait(false);
        foreach (var (item, error) in result.Failures.Take(3))
        {
            problems.Add($"The {what} sweep failed on the {item}: {error.GetType().Name}: {error.Message}");
        }

        if (result.Failures.Count > 3)
        {
            problems.Add($"The {what} sweep failed on {result.Failures.Count - 3} more items.");
        }

        if (result.CheckInsOpened + result.CheckInsMissed != dueCheckIns || result.Reminded != dueReminders
            || result.Expired != dueExpiries)
        {
            problems.Add(
                $"The {what} sweep did {result.CheckInsOpened + result.CheckInsMissed}/{result.Reminded}/{result.Expired} "
                + $"check-ins/reminders/expiries; {dueCheckIns}/{dueReminders}/{dueExpiries} were due.");
        }

        return new SweepMeasure(
            database.Clock.Now, elapsed, result.CheckInsOpened, result.CheckInsMissed, result.Reminded, result.Expired,
            (int)(outboxAfter - outboxBefore));
    }

    /// <summary>
    /// Claims due messages in batches and completes each in its own scope, as the sender does after a successful
    /// send; one after another, since SQLite takes one writer at a time anyway.
    /// </summary>
    private static async Task<OutboxMeasure> DrainOutboxAsync(BenchDatabase database, CancellationToken ct)
    {
        var messages = 0;
        var batches = 0;
        var claiming = TimeSpan.Zero;
        var completing = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        while (true)
        {
            var stopwatch = Stopwatch.StartNew();
            IReadOnlyList<OutboxItem> batch;
            var claimScope = database.Services.CreateAsyncScope();
            await using (claimScope.ConfigureAwait(false))
            {
                batch = await claimScope.ServiceProvider.GetRequiredService<OutboxStore>()
                    .ClaimDueAsync(database.Clock.Now, Lease, ClaimBatch, ct).ConfigureAwait(false);
            }

            claiming += stopwatch.Elapsed;
            if (batch.Count == 0)
            {
                return new OutboxMeasure(messages, batches, total.Elapsed, claiming, completing);
            }

            stopwatch.Restart();
            foreach (var item in batch)
            {
                var scope = database.Services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await scope.ServiceProvider.GetRequiredService<OutboxStore>().CompleteAsync(item.Id, ct)
                        .ConfigureAwait(false);
                }
            }

            completing += stopwatch.Elapsed;
            messages += batch.Count;
            batches++;
        }
    }

    private static async Task<IReadOnlyList<QueryPlan>> ExplainAsync(
        BenchDatabase database, DateTimeOffset now, CancellationToken ct)
    {
        var queries = new (string Title, string Sql)[]
        {
            ("Due check-ins (CoupleRepository.FindDueCheckInsSql)", CoupleRepository.FindDueCheckInsSql),
            ("Due reminders (RoundRepository.FindDueRemindersSql)", RoundRepository.FindDueRemindersSql),
            ("Due expiries (RoundRepository.FindDueExpiriesSql)", RoundRepository.FindDueExpiriesSql),
            ("Outbox claim (OutboxStore.FindClaimableSql)", OutboxStore.FindClaimableSql),
        };
        var plans = new List<QueryPlan>();
        var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (database.Provider == StorageProvider.Postgres)
            {
                foreach (var (title, sql) in queries)
                {
                    var lines = await connection.QueryAsync<string>(new CommandDefinition(
                        "EXPLAIN " + SqlDialect.Postgres.Prepare(sql),
                        new { Now = now.ToUnixTimeMilliseconds(), Limit = (long)CheckInSweeper.BatchSize },
                        cancellationToken: ct)).ConfigureAwait(false);
                    plans.Add(new QueryPlan(title, [.. lines]));
                }

                return plans;
            }

            foreach (var (title, sql) in queries)
            {
                var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
                    new CommandDefinition(
                        "EXPLAIN QUERY PLAN " + sql,
                        new { Now = now.ToUnixTimeMilliseconds(), Limit = (long)CheckInSweeper.BatchSize },
                        cancellationToken: ct)).ConfigureAwait(false);
                var depth = new Dictionary<long, int> { [0] = 0 };
                var lines = new List<string>();
                foreach (var row in rows)
                {
                    depth[row.Id] = depth.GetValueOrDefault(row.Parent) + 1;
                    lines.Add(new string(' ', 2 * (depth[row.Id] - 1)) + row.Detail);
                }

                plans.Add(new QueryPlan(title, lines));
            }
        }

        return plans;
    }

    private static async Task<string> DescribeEnvironmentAsync(BenchDatabase database, CancellationToken ct)
    {
        var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var engine = database.Provider == StorageProvider.Postgres
                ? "PostgreSQL " + await connection.ExecuteScalarAsync<string>(
                    new CommandDefinition("SHOW server_version;", cancellationToken: ct)).ConfigureAwait(false)
                : "SQLite " + await connection.ExecuteScalarAsync<string>(
                    new CommandDefinition(SqliteVersionSql, cancellationToken: ct)).ConfigureAwait(false);
            return $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
                + $"{RuntimeInformation.FrameworkDescription}, {engine}";
        }
    }

    private static MemoryPoint Measure(string label, BenchDatabase? database)
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return new MemoryPoint(
            label, heap, GC.GetGCMemoryInfo().TotalCommittedBytes, Environment.WorkingSet, database?.SizeBytes ?? 0);
    }

    private sealed record Prepared(
        SeedResult Seed, string Environment, int PeakCouples, IReadOnlyList<QueryPlan> Plans, List<TimeSpan> IdleSweeps);
}
