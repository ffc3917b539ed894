using System.Globalization;
using System.Text;

namespace Bot.Core.Application;

/// <summary>
/// How alike two questions read, from 0 (nothing in common) to 1 (the same words), so a question dropped in the bowl
/// that is nearly one already there (or already asked) can be flagged.
/// </summary>
/// <remarks>
/// Both texts are normalised: lower case, accents folded ("schön" reads as "schon", "твоё" as "твое"), anything that
/// is not a letter or digit becomes a space, one-letter words and common English little words ("what", "your",
/// "the", "us", …) are dropped, and a final "s" comes off longer words ("songs"/"song", "reminds"/"remind"). What is left is compared as sets of character trigrams of each word (padded at
/// both ends), with the Jaccard index: shared trigrams over all trigrams. Trigrams forgive spelling variants and
/// word endings ("favourite"/"favorite", "memory"/"memories") and work for any script; word order does not matter.
/// A question made only of little words is compared on all its words instead.
/// <see cref="NearDuplicateThreshold"/> (0.6) is where rewordings of one question land above and questions that
/// merely share a topic ("favourite memory" vs "favourite food") land below; see the tests for both kinds.
/// </remarks>
public static class QuestionSimilarity
{
    public const double NearDuplicateThreshold = 0.6;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "about", "from",
        "by", "as", "into", "than", "that", "this", "these", "those", "there", "it", "its",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had",
        "will", "would", "could", "should", "can", "may", "might", "shall", "ll", "re", "ve", "don", "didn",
        "i", "me", "my", "mine", "you", "your", "yours", "we", "us", "our", "ours", "he", "she", "they", "them",
        "their", "each", "other", "both", "two", "together",
        "what", "whats", "which", "who", "whom", "how", "why", "when", "where",
        "any", "some", "ever", "one", "most", "more", "very", "so", "just", "really", "tell", "like",
    };

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> read as the same question.</summary>
    public static bool IsNearDuplicate(string a, string b) => Score(a, b) >= NearDuplicateThreshold;

    /// <summary>The Jaccard index of the two questions' word trigrams after normalising (see the remarks).</summary>
    public static double Score(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (wordsA, wordsB) = (Split(a), Split(b));
        var (contentA, contentB) = (Content(wordsA), Content(wordsB));
        if (contentA.Count == 0 || contentB.Count == 0)
        {
            (contentA, contentB) = (wordsA, wordsB);
        }

        var (gramsA, gramsB) = (Trigrams(contentA), Trigrams(contentB));
        if (gramsA.Count == 0 || gramsB.Count == 0)
        {
            return gramsA.Count == gramsB.Count ? 1 : 0;
        }

        var shared = gramsA.Count(gramsB.Contains);
        return (double)shared / (gramsA.Count + gramsB.Count - shared);
    }

    /// <summary>Lower-cased, accent-folded words of letters and digits, one-letter words dropped.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text);
    }

    private static List<string> Split(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                // Accents fold into their base letter; invisible joiners vanish.
                continue;
            }

            folded.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }

        return [.. folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1)];
    }

    private static List<string> Content(List<string> words) =>
        [.. words.Where(w => !StopWords.Contains(w)).Select(w => w.Length > 3 && w[^1] == 's' && w[^2] != 's' ? w[..^1] : w)];

    private static HashSet<string> Trigrams(List<string> words)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var padded = $" {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                grams.Add(padded.Substring(i, 3));
            }
        }

        return grams;
    }
}
