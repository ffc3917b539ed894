using System.Buffers.Binary;
using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.Host.Charts;
using SkiaSharp;

namespace Bot.Host.Tests.Charts;

public sealed class ScottPlotPulseChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static PulseTrend Trend(int weeks)
    {
        var alex = new Person(1, new ChatUser(Platform.Telegram, "1"), "Alex", null, true, JoinThrottle.None, default);
        var sam = new Person(2, new ChatUser(Platform.Discord, "2"), "Sam", null, true, JoinThrottle.None, default);
        var start = new DateTimeOffset(2026, 1, 5, 18, 0, 0, TimeSpan.Zero);
        var readings = Enumerable.Range(0, weeks)
            .Where(week => week % 4 != 2)
            .SelectMany(week => new[]
            {
                new PulseReading(start.AddDays(7 * week), alex.Id, PulseScale.Loved, 1 + (week % 5)),
                new PulseReading(start.AddDays(7 * week), alex.Id, PulseScale.Heard, week % 3 == 0 ? null : 3),
                new PulseReading(start.AddDays(7 * week), sam.Id, PulseScale.Loved, 5 - (week % 5)),
                new PulseReading(start.AddDays(7 * week), sam.Id, PulseScale.Heard, 4),
            });
        return PulseTrend.Build(readings, alex, sam, "Europe/Berlin", start.AddDays(7 * (weeks - 1)), weeks);
    }

    [Fact]
    public void Render_ReturnsAPngOfTheChartsSize_ThatDecodes()
    {
        var png = new ScottPlotPulseChart().Render(Trend(12));

        Assert.Equal(PngSignature, png[..8]);
        // The first chunk is IHDR: length (4 bytes), type, then width and height, big-endian.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(ScottPlotPulseChart.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(ScottPlotPulseChart.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((ScottPlotPulseChart.Width, ScottPlotPulseChart.Height), (bitmap.Width, bitmap.Height));
        Assert.True(CountColours(bitmap) > 10, "The chart should be more than a blank canvas.");
    }

    [Fact]
    public void Render_DrawsBothPartnersInTheirOwnColours()
    {
        var png = new ScottPlotPulseChart().Render(Trend(6));

        using var bitmap = SKBitmap.Decode(png);
        Assert.True(HasPixelNear(bitmap, new SKColor(0xD9, 0x48, 0x6B)), "Partner A's colour is missing.");
        Assert.True(HasPixelNear(bitmap, new SKColor(0x2E, 0x86, 0xAB)), "Partner B's colour is missing.");
    }

    [Fact]
    public void Render_WithGapsAndAPartnerWithoutAnyTap_StillDraws()
    {
        var trend = Trend(8);
        var sparse = trend with
        {
            Series = [.. trend.Series.Select(s => s.PersonName == "Sam" ? s with { Values = [.. s.Values.Select(_ => (double?)null)] } : s)],
        };

        var png = new ScottPlotPulseChart().Render(sparse);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.False(HasPixelNear(bitmap, new SKColor(0x2E, 0x86, 0xAB)), "Sam has no taps, so no line of theirs.");
    }

    private static int CountColours(SKBitmap bitmap) =>
        bitmap.Pixels.Select(p => (uint)p).Distinct().Take(100).Count();

    private static bool HasPixelNear(SKBitmap bitmap, SKColor colour) =>
        bitmap.Pixels.Any(p => Math.Abs(p.Red - colour.Red) < 8 && Math.Abs(p.Green - colour.Green) < 8
            && Math.Abs(p.Blue - colour.Blue) < 8);
}
