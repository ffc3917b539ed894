using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>The process-wide <see cref="Random.Shared"/>: thread-safe, and none of its choices is a secret.</summary>
public sealed class SharedRandomSource : IRandomSource
{
    public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);
}
