namespace Bot.Benchmarks;

/// <summary>A clock that stands still until the benchmark moves it, so every sweep sees one instant.</summary>
internal sealed class BenchClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
