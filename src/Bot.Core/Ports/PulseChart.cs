using Bot.Core.Application;

namespace Bot.Core.Ports;

/// <summary>Draws a couple's pulse over the weeks as an image.</summary>
public interface IPulseChart
{
    /// <summary>A PNG of the trend; only called with <see cref="PulseTrend.HasEnoughData"/>.</summary>
    byte[] Render(PulseTrend trend);
}
