namespace Bot.Core.Ports;

/// <summary>Where the core's random choices come from (which question, which idea, when a surprise lands).</summary>
public interface IRandomSource
{
    /// <summary>A number from 0 up to, but not including, <paramref name="maxExclusive"/>.</summary>
    int Next(int maxExclusive);
}
