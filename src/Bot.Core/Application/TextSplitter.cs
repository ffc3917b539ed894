namespace Bot.Core.Application;

/// <summary>Splits long texts into platform-sized parts at the gentlest boundary available.</summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var cut = BestCut(rest[..maxLength]);
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static int BestCut(ReadOnlySpan<char> window)
    {
        // Prefer a paragraph, then a line, then a word boundary, as long as the part is not tiny.
        var minimum = window.Length / 3;
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = window.LastIndexOf(separator.AsSpan());
            if (at > minimum)
            {
                return at + separator.Length;
            }
        }

        // Never cut a surrogate pair in half.
        return char.IsHighSurrogate(window[^1]) ? window.Length - 1 : window.Length;
    }
}
