using Bot.Core.Domain;
using NodaTime;

namespace Bot.Core.Application;

/// <summary>One partner's weekly average on one scale; a null value is a week without a tap.</summary>
public sealed record PulseSeries(long PersonId, string PersonName, PulseScale Scale, IReadOnlyList<double?> Values);

/// <summary>Both partners' pulse, week by week (weeks start on Monday on the couple's clock), oldest first.</summary>
public sealed record PulseTrend(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<PulseSeries> Series)
{
    /// <summary>Fewer weeks than this make no trend worth a chart.</summary>
    public const int MinWeeks = 2;

    /// <summary>Weeks in which at least one partner tapped at least one scale.</summary>
    public int WeeksWithData => Enumerable.Range(0, Weeks.Count).Count(i => Series.Any(s => s.Values[i] is not null));

    public bool HasEnoughData => WeeksWithData >= MinWeeks;

    /// <summary>
    /// The last <paramref name="weeks"/> weeks up to and including the current one: per partner and scale, the
    /// average of the values given in rounds opened that week (skipped scales do not count).
    /// </summary>
    public static PulseTrend Build(
        IEnumerable<PulseReading> readings, Person a, Person b, string timeZone, DateTimeOffset now, int weeks)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var zone = TimeZones.Get(timeZone);
        var thisWeek = WeekOf(Instant.FromDateTimeOffset(now).InZone(zone).Date);
        var starts = Enumerable.Range(0, weeks).Select(i => thisWeek.PlusWeeks(i - weeks + 1)).ToList();
        var index = starts.Select((start, i) => (start, i)).ToDictionary(x => x.start, x => x.i);
        var values = readings
            .Where(r => r.Value is not null)
            .Select(r => (Week: WeekOf(Instant.FromDateTimeOffset(r.RoundOpenedAt).InZone(zone).Date), Reading: r))
            .Where(x => index.ContainsKey(x.Week))
            .ToLookup(x => (x.Reading.PersonId, x.Reading.Scale, index[x.Week]), x => (double)x.Reading.Value!.Value);

        var series = new List<PulseSeries>();
        foreach (var person in new[] { a, b })
        {
            foreach (var scale in PulseEntry.Scales)
            {
                series.Add(new PulseSeries(person.Id, person.DisplayName, scale,
                [
                    .. starts.Select((_, i) => values[(person.Id, scale, i)] is var given && given.Any()
                        ? given.Average()
                        : (double?)null),
                ]));
            }
        }

        return new PulseTrend([.. starts.Select(s => new DateOnly(s.Year, s.Month, s.Day))], series);
    }

    private static LocalDate WeekOf(LocalDate date) => date.PlusDays(-((int)date.DayOfWeek - 1));
}
