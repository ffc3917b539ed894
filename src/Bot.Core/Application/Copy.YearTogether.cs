using System.Globalization;
using System.Text;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>Wording of the year in review on the anniversary of pairing.</summary>
public static partial class Copy
{
    public static string YearReview(string name, string partner, int year, string pairedOn, YearStats stats, bool withChart)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var years = year == 1 ? "A year" : $"{year.ToString(CultureInfo.InvariantCulture)} years";
        var text = new StringBuilder(
            $"🎂 {years} together here, {name} and {partner}! You paired up on {pairedOn}. What the last year held:\n");
        Line(text, stats.CheckInsShared, "check-in shared", "check-ins and questions shared");
        Line(text, stats.FirstTimesTried, "first time tried", "first times tried");
        Line(text, stats.WishesDone, "bucket-list wish come true", "bucket-list wishes come true");
        Line(text, stats.QuizzesPlayed, "quiz played", "quizzes played");
        Line(text, stats.MemoriesAdded, "memory added", "memories added");
        if (stats is { CheckInsShared: 0, FirstTimesTried: 0, WishesDone: 0, QuizzesPlayed: 0, MemoriesAdded: 0 })
        {
            text.Append("• a quiet year here, and that's fine: the best of it probably happened away from the screen\n");
        }

        text.Append(withChart
            ? "\nAnd here is how loved and heard you each felt, week by week. Thank you for keeping each other close 💛"
            : "\nThank you for keeping each other close 💛 Here's to the next one.");
        return text.ToString();
    }

    private static void Line(StringBuilder text, int count, string one, string many)
    {
        if (count > 0)
        {
            text.Append("• ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(count == 1 ? one : many).Append('\n');
        }
    }
}
