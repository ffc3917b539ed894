using System.Globalization;
using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.Core.Ports;
using ScottPlot;

namespace Bot.Host.Charts;

/// <summary>Draws the pulse trend with ScottPlot: one colour per partner, a solid line for loved, dashed for heard.</summary>
internal sealed class ScottPlotPulseChart : IPulseChart
{
    public const int Width = 900;
    public const int Height = 520;

    private static readonly Color[] PartnerColors = [new(0xD9, 0x48, 0x6B), new(0x2E, 0x86, 0xAB)];

    public byte[] Render(PulseTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        using var plot = new Plot();
        var people = trend.Series.Select(s => s.PersonId).Distinct().ToList();
        foreach (var series in trend.Series)
        {
            // A week without a tap breaks the line, so a gap reads as a gap and not as a slope.
            var legend = $"{series.PersonName} · {Copy.PulseLegend(series.Scale)}";
            foreach (var run in Runs(series.Values))
            {
                var line = plot.Add.Scatter(
                    run.Select(p => (double)p.Week).ToArray(), run.Select(p => p.Value).ToArray());
                line.Color = PartnerColors[people.IndexOf(series.PersonId) % PartnerColors.Length];
                line.LineWidth = 3;
                line.MarkerSize = 9;
                line.MarkerShape = series.Scale == PulseScale.Loved ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
                line.LinePattern = series.Scale == PulseScale.Loved ? LinePattern.Solid : LinePattern.Dashed;
                line.LegendText = legend;
                legend = "";
            }
        }

        plot.Title(Copy.TrendChartTitle(trend.Weeks.Count));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, trend.Weeks.Count).Select(i => (double)i)],
            [.. trend.Weeks.Select(w => w.ToString("d MMM", CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(PulseEntry.Min, PulseEntry.Max).Select(v => (double)v)],
            [.. Enumerable.Range(PulseEntry.Min, PulseEntry.Max).Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimits(-0.5, trend.Weeks.Count - 0.5, PulseEntry.Min - 0.3, PulseEntry.Max + 0.3);
        plot.YLabel(Copy.TrendChartAxis);
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The stretches of consecutive weeks with a value.</summary>
    private static List<List<(int Week, double Value)>> Runs(IReadOnlyList<double?> values)
    {
        var runs = new List<List<(int Week, double Value)>>();
        List<(int Week, double Value)>? current = null;
        for (var week = 0; week < values.Count; week++)
        {
            if (values[week] is not { } value)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                runs.Add(current);
            }

            current.Add((week, value));
        }

        return runs;
    }
}
