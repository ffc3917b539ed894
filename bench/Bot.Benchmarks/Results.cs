namespace Bot.Benchmarks;

/// <summary>Everything one benchmark run measured, ready for the report.</summary>
internal sealed record BenchResults(
    BenchOptions Options,
    DateTimeOffset StartedAt,
    string Environment,
    DateTimeOffset PeakInstant,
    int PeakCouples,
    SeedResult Seed,
    IReadOnlyList<TimeSpan> IdleSweeps,
    IReadOnlyList<RunResult> Runs,
    ReplyMeasure Replies,
    IReadOnlyList<MemoryPoint> Memory,
    IReadOnlyList<QueryPlan> Plans,
    IReadOnlyList<string> Problems,
    TimeSpan Total);

internal sealed record SeedResult(long Rows, TimeSpan Migrate, TimeSpan Insert, TimeSpan Checkpoint, long DatabaseBytes);

/// <summary>One repetition on a fresh copy of the seeded database.</summary>
internal sealed record RunResult(SweepMeasure Busy, OutboxMeasure Outbox, SweepMeasure Reminders, SweepMeasure Expiries);

/// <summary>One timed <c>Sweep.RunAsync</c> (the minute's whole work) and what it did.</summary>
internal sealed record SweepMeasure(
    DateTimeOffset Clock,
    TimeSpan Elapsed,
    int Opened,
    int Missed,
    int Reminded,
    int Expired,
    int OutboxAdded)
{
    public int Items => Opened + Missed + Reminded + Expired;
}

/// <summary>Draining the outbox by claim and complete, as the sender does minus the sending.</summary>
internal sealed record OutboxMeasure(int Messages, int Batches, TimeSpan Elapsed, TimeSpan Claiming, TimeSpan Completing);

/// <summary>Live objects after a full collection, memory the GC holds from the OS, the process's working set.</summary>
internal sealed record MemoryPoint(
    string Label, long GcHeapBytes, long GcCommittedBytes, long WorkingSetBytes, long DatabaseBytes);

internal sealed record QueryPlan(string Title, IReadOnlyList<string> Lines);

/// <summary>
/// Replies sent while the peak's fan-out waits: how long each took from the person's update to the platform
/// (sorted), and how the fan-out went meanwhile.
/// </summary>
internal sealed record ReplyMeasure(
    int Backlog, int Replies, IReadOnlyList<TimeSpan> Latencies, int FanOutSent, double SendsPerSecond, int Refused);
