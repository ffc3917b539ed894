using Bot.Core.Application;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Remembers the trends it was asked to draw and returns a few recognisable bytes.</summary>
public sealed class FakePulseChart : IPulseChart
{
    public static readonly byte[] Image = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private readonly List<PulseTrend> _drawn = [];

    public IReadOnlyList<PulseTrend> Drawn => _drawn;

    public byte[] Render(PulseTrend trend)
    {
        _drawn.Add(trend);
        return Image;
    }
}
