using System.Globalization;
using System.Text;
using Bot.Core.Domain;

namespace Bot.Core.Application;

public static partial class Copy
{
    public static string PulseQuestion(PulseScale scale) => scale switch
    {
        PulseScale.Loved => "How loved did you feel this week? (1 = hardly, 5 = very)",
        PulseScale.Heard => "How heard did you feel this week? (1 = hardly, 5 = very)",
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    /// <summary>The scale as the reveal and the chart name it.</summary>
    public static string PulseLegend(PulseScale scale) => scale switch
    {
        PulseScale.Loved => "felt loved",
        PulseScale.Heard => "felt heard",
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    public static string PulseIntro(string name) =>
        $"First, two quick taps, {name}. Like your answers, they stay sealed until you've both finished.";

    public static string PulseNoted(string name) => $"Thanks, {name}.";

    public static string PulseDone(string name) => $"Thanks, {name}. Now the questions.";

    public static string PulseFirst(string name) =>
        $"{name}, one tap before the questions, please (or Skip). Then your words are welcome.";

    public static string PulseSkipLabel => "Skip";

    /// <summary>The reveal's pulse lines, e.g. "Felt loved — Alex 4/5 · Sam 5/5".</summary>
    public static string PulseLines(IReadOnlyList<PulseEntry> entries, Person a, Person b)
    {
        var text = new StringBuilder();
        foreach (var scale in PulseEntry.Scales)
        {
            string Of(Person person) =>
                entries.FirstOrDefault(e => e.PersonId == person.Id && e.Scale == scale) is { Value: { } value }
                    ? string.Create(CultureInfo.InvariantCulture, $"{person.DisplayName} {value}/{PulseEntry.Max}")
                    : $"{person.DisplayName} skipped";
            var legend = PulseLegend(scale);
            text.Append(char.ToUpperInvariant(legend[0])).Append(legend[1..]).Append(" — ")
                .Append(Of(a)).Append(" · ").Append(Of(b)).Append('\n');
        }

        return text.ToString();
    }

    public static string TrendHelp(string name) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name}, try /trend for the last {PulseTrendService.DefaultWeeks} weeks, or /trend 26 ({PulseTrendService.MinWeeks} to {PulseTrendService.MaxWeeks} weeks).");

    public static string TrendTooLittle(string name, int weeks) =>
        $"Not much to draw yet, {name}: your pulse chart needs at least {PulseTrend.MinWeeks} weeks of revealed check-ins (I have {weeks}). It grows with every weekly check-in 🌱";

    public static string TrendCaption(string a, string b, int weeks) =>
        $"{a} and {b}, here's how loved and how heard you each felt over the last {weeks} weeks (1–5, solid line loved, dashed line heard). Weeks without a check-in are simply gaps. It's a picture of your weeks, not a score 💛";

    public static string TrendChartTitle(int weeks) =>
        string.Create(CultureInfo.InvariantCulture, $"Your pulse, the last {weeks} weeks");

    public static string TrendChartAxis => "1 = hardly · 5 = very";
}
