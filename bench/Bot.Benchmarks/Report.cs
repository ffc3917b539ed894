using System.Globalization;
using System.Text;

namespace Bot.Benchmarks;

/// <summary>Renders the results as Markdown whose tables are padded, so the same text reads well in a terminal.</summary>
internal static class Report
{
    /// <summary>The estimate of what one Quartz trigger costs in memory.</summary>
    private const double BytesPerQuartzTrigger = 8.5 * 1024;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string ToMarkdown(BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var couples = results.Options.Couples;
        var text = new StringBuilder();
        Line(text, "# BotSuite sweep benchmark");
        Line(text);
        Line(text, $"{couples:N0} couples, {results.Runs.Count} run(s), {results.StartedAt:yyyy-MM-dd HH:mm} UTC; "
            + $"{results.Environment}; total {Duration(results.Total)}.");
        Line(text, $"Peak: every couple whose slot is {Seeder.PeakSlot.Day} {Seeder.PeakSlot.Time:HH\\:mm} "
            + $"{Seeder.PeakTimeZone} ({results.PeakInstant:yyyy-MM-dd HH:mm} UTC): {results.PeakCouples:N0} couples "
            + $"({Percent(results.PeakCouples, couples)}).");
        Line(text);

        Line(text, "## Seeding");
        Line(text);
        var seed = results.Seed;
        Table(text, ["Step", "Rows", "Time", "Rows/s"], [false, true, true, true],
        [
            ["migrate (real Migrator, empty file)", "", Duration(seed.Migrate), ""],
            [$"insert {couples * 2L:N0} persons + {couples:N0} couples", Count(seed.Rows), Duration(seed.Insert),
                Rate(seed.Rows, seed.Insert)],
            ["WAL checkpoint", "", Duration(seed.Checkpoint), ""],
        ]);
        Line(text);

        Line(text, "## Sweeps");
        Line(text);
        Line(text, "Core's `Sweep.RunAsync` (cool-downs, check-ins, reminders, expiries, notes, first times, held "
            + "answers, in that order) in a fresh DI scope, as the minute job runs it. Idle: "
            + $"{results.IdleSweeps.Count} sweeps after warm-up; the others: one per run, each run on a fresh copy of the "
            + "seeded database. Items/s uses the median.");
        Line(text);
        var sweepRows = new List<string[]>
        {
            SweepRow("idle (nothing due)", results.IdleSweeps, null),
            SweepRow("busy (peak check-ins)", results.Runs.Select(r => r.Busy).ToList()),
            SweepRow("reminders, +24 h", results.Runs.Select(r => r.Reminders).ToList()),
            SweepRow("expiries, +6 days", results.Runs.Select(r => r.Expiries).ToList()),
        };
        Table(text, ["Sweep", "Clock (UTC)", "Opened", "Reminded", "Expired", "Outbox +", "Median", "Max", "Items/s"],
            [false, false, true, true, true, true, true, true, true], sweepRows);
        Line(text);

        Line(text, "## Outbox drain");
        Line(text);
        Line(text, "The busy sweep's messages: `OutboxStore.ClaimDueAsync` (batches of up to 100, 2-minute lease), then "
            + "`CompleteAsync` per message in its own scope, as the sender does after a send (nothing is sent).");
        Line(text);
        var drains = results.Runs.Select(r => r.Outbox).ToList();
        var drainTimes = drains.Select(d => d.Elapsed).ToList();
        var first = drains[0];
        Table(text, ["Messages", "Batches", "Median", "Max", "Messages/s", "Claim per batch", "Complete per message"],
            [true, true, true, true, true, true, true],
        [
            [
                Count(first.Messages), Count(first.Batches), Duration(Median(drainTimes)), Duration(drainTimes.Max()),
                Rate(first.Messages, Median(drainTimes)),
                // Every drain ends with one more claim, the one that finds nothing.
                Duration(Median(drains.Select(d => d.Claiming / (d.Batches + 1)).ToList())),
                Duration(Median(drains.Select(d => d.Completing / Math.Max(1, d.Messages)).ToList())),
            ],
        ]);
        Line(text);

        Line(text, "## Replies during the fan-out");
        Line(text);
        var replies = results.Replies;
        Line(text, $"On a fresh copy after the peak sweep ({Count(replies.Backlog)} messages waiting), the real "
            + "`OutboxSender` (its pacing, lanes and per-chat limits, on the real clock) sends to a gateway that allows "
            + $"30 sends in any one second and answers the rest 429. Meanwhile {replies.Replies} people whose own "
            + "messages wait at the back of the queue each type something, one every 250 ms; the time is from their "
            + "update's reply being written to the platform accepting it. The per-chat limit (one a second) means a "
            + "reply first lets that person's waiting message go, then follows it.");
        Line(text);
        Table(text, ["Replies", "p50", "p95", "Max", "Fan-out sent meanwhile", "Sends/s", "Answered 429"],
            [true, true, true, true, true, true, true],
        [
            [
                Count(replies.Replies), Duration(Percentile(replies.Latencies, 0.5)),
                Duration(Percentile(replies.Latencies, 0.95)),
                Duration(replies.Latencies.Count == 0 ? TimeSpan.Zero : replies.Latencies[^1]),
                Count(replies.FanOutSent), replies.SendsPerSecond.ToString("N1", Invariant), Count(replies.Refused),
            ],
        ]);
        Line(text);

        Line(text, "## Memory");
        Line(text);
        Line(text, "GC heap: live objects after a full collection. GC committed: what the GC holds from the OS. "
            + "Working set: the whole process, SQLite's page caches included.");
        Line(text);
        Table(text, ["When", "GC heap", "GC committed", "Working set", "Database (+ WAL)"], [false, true, true, true, true],
            results.Memory.Select(m => new[]
            {
                m.Label, Bytes(m.GcHeapBytes), Bytes(m.GcCommittedBytes), Bytes(m.WorkingSetBytes),
                m.DatabaseBytes == 0 ? "" : Bytes(m.DatabaseBytes),
            }).ToList());
        Line(text);
        Line(text, $"For comparison, one Quartz trigger per couple (~8.5 KB each, the issue's estimate) would hold "
            + $"~{Bytes((long)(couples * BytesPerQuartzTrigger))} in memory for {couples:N0} couples.");
        Line(text);

        Line(text, "## Query plans");
        foreach (var plan in results.Plans)
        {
            Line(text);
            Line(text, $"{plan.Title}:");
            Line(text);
            Line(text, "```");
            foreach (var line in plan.Lines)
            {
                Line(text, line);
            }

            Line(text, "```");
        }

        Line(text);
        Line(text, "## Notes");
        Line(text);
        Line(text, "- Seeding: 2 persons with private chats per couple; 5 % at the peak slot, the rest over 8 IANA zones, "
            + "any day, 06:00–23:45 in 15-minute steps; 2 % with the schedule off. The clock starts one minute "
            + "before the peak, so the idle sweeps find nothing due.");
        Line(text, "- Before the reminder and expiry sweeps, the database is put where the minute sweeps in between "
            + "would have left it (direct SQL: couples due earlier move to their next slot without opening a round; "
            + "earlier reminders and expiries count as done), so each measured sweep sees one minute's work. So the "
            + "rounds table holds only the peak's rounds, not a whole week's.");
        Line(text, "- Times are wall-clock on one connection, one item per transaction; SQLite runs in WAL mode with "
            + "synchronous=NORMAL as the host sets it.");
        if (results.Problems.Count > 0)
        {
            Line(text);
            Line(text, "## Problems");
            Line(text);
            foreach (var problem in results.Problems)
            {
                Line(text, $"- {problem}");
            }
        }

        return text.ToString();
    }

    public static string Duration(TimeSpan value) => value.TotalMilliseconds switch
    {
        < 1 => string.Create(Invariant, $"{value.TotalMicroseconds:N0} µs"),
        < 10 => string.Create(Invariant, $"{value.TotalMilliseconds:N2} ms"),
        < 1000 => string.Create(Invariant, $"{value.TotalMilliseconds:N0} ms"),
        _ => string.Create(Invariant, $"{value.TotalSeconds:N2} s"),
    };

    private static string[] SweepRow(string name, List<SweepMeasure> sweeps)
    {
        var times = sweeps.Select(s => s.Elapsed).ToList();
        return SweepRow(name, times, sweeps[0]);
    }

    private static string[] SweepRow(string name, IReadOnlyList<TimeSpan> times, SweepMeasure? sample)
    {
        var median = Median(times);
        return
        [
            name,
            sample is null ? "peak - 1 min" : sample.Clock.ToString("ddd yyyy-MM-dd HH:mm", Invariant),
            Count(sample?.Opened ?? 0) + (sample is { Missed: > 0 } ? $" (+{sample.Missed} missed)" : ""),
            Count(sample?.Reminded ?? 0),
            Count(sample?.Expired ?? 0),
            Count(sample?.OutboxAdded ?? 0),
            Duration(median),
            Duration(times.Max()),
            sample is null ? "" : Rate(sample.Items, median),
        ];
    }

    private static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The nearest-rank percentile (0.95 for p95); zero for no values.</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    private static string Count(long value) => value.ToString("N0", Invariant);

    private static string Rate(long items, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? "" : (items / elapsed.TotalSeconds).ToString("N0", Invariant);

    private static string Percent(long part, long whole) =>
        string.Create(Invariant, $"{100.0 * part / whole:N1} %");

    private static string Bytes(long value) => string.Create(Invariant, $"{value / 1024.0 / 1024.0:N1} MiB");

    private static void Table(
        StringBuilder text, string[] header, bool[] rightAligned, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(Math.Max(3, h.Length)).Max()).ToArray();
        string Cell(string value, int i) => rightAligned[i] ? value.PadLeft(widths[i]) : value.PadRight(widths[i]);
        Line(text, "| " + string.Join(" | ", header.Select(Cell)) + " |");
        Line(text, "| " + string.Join(" | ", widths.Select((w, i) =>
            rightAligned[i] ? new string('-', w - 1) + ":" : new string('-', w))) + " |");
        foreach (var row in rows)
        {
            Line(text, "| " + string.Join(" | ", row.Select(Cell)) + " |");
        }
    }

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
