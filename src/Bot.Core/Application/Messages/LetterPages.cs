namespace Bot.Core.Application.Messages;

/// <summary>
/// What one platform message can hold of a letter: whether a page fits as rendered, how long one quote may be (as
/// the platform measures it, after escaping), and that measure.
/// </summary>
/// <param name="Fits">Whether this page, rendered, fits one message.</param>
/// <param name="MaxQuote">The longest an answer's words may be in one piece, in <paramref name="Measure"/> units.</param>
/// <param name="Measure">The length of a piece of words once rendered (escaped), e.g. HTML-escaped characters.</param>
public sealed record LetterLimits(Func<Letter, bool> Fits, int MaxQuote, Func<string, int> Measure);

/// <summary>
/// Splits a letter into pages that each fit one message: between sections or answers where possible, and a long
/// answer into pieces at a paragraph, line or word (never inside a character, and before escaping, so never inside
/// an escape sequence); a piece that goes on from the page before is marked as continued. The same letter always
/// splits the same way, so a delivery resumed after a restart goes on where it stopped.
/// </summary>
public static class LetterPages
{
    public static IReadOnlyList<Letter> Split(Letter letter, LetterLimits limits)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(limits);
        var sections = letter.Sections.Select(s => s with { Parts = [.. s.Parts.SelectMany(p => Pieces(p, limits))] }).ToList();
        var whole = letter with { Sections = sections };
        if (limits.Fits(whole))
        {
            return [whole];
        }

        var pages = new List<Letter>();
        var opening = letter.Opening;
        var current = new List<LetterSection>();
        foreach (var section in sections)
        {
            var started = false;
            foreach (var part in section.Parts.DefaultIfEmpty())
            {
                var candidate = With(current, section, part, started);
                if (!limits.Fits(new Letter(opening, candidate, "")) && (current.Count > 0 || opening.Length > 0))
                {
                    pages.Add(new Letter(opening, current, ""));
                    opening = "";
                    candidate = With([], section with { Continued = section.Continued || started }, part, started: false);
                }

                current = candidate;
                started = true;
            }
        }

        var last = new Letter(opening, current, letter.Closing);
        if (limits.Fits(last) || (current.Count == 0 && opening.Length == 0))
        {
            pages.Add(last);
        }
        else
        {
            pages.Add(last with { Closing = "" });
            pages.Add(new Letter("", [], letter.Closing));
        }

        return pages;
    }

    /// <summary>Cuts text into pieces that each measure at most <paramref name="max"/>, at the gentlest boundary.</summary>
    public static IReadOnlyList<string> Cut(string text, int max, Func<string, int> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 16);
        var pieces = new List<string>();
        Cut(text, max, max, measure, pieces);
        return pieces;
    }

    private static void Cut(string text, int length, int max, Func<string, int> measure, List<string> pieces)
    {
        foreach (var piece in TextSplitter.Split(text, length))
        {
            var size = measure(piece);
            if (size <= max)
            {
                pieces.Add(piece);
                continue;
            }

            // Escaping made it longer: cut this piece shorter, in proportion (and always by at least one character).
            var shorter = Math.Max(2, Math.Min(piece.Length - 1, (int)((long)piece.Length * max / size)));
            Cut(piece, shorter, max, measure, pieces);
        }
    }

    private static IEnumerable<LetterPart> Pieces(LetterPart part, LetterLimits limits)
    {
        if (part is not LetterAnswer { Words: { } words } answer || limits.Measure(words) <= limits.MaxQuote)
        {
            return [part];
        }

        return Cut(words, limits.MaxQuote, limits.Measure)
            .Select((piece, i) => answer with { Words = piece, Continued = answer.Continued || i > 0 });
    }

    private static List<LetterSection> With(List<LetterSection> sections, LetterSection section, LetterPart? part, bool started)
    {
        var copy = new List<LetterSection>(sections);
        if (started)
        {
            var last = copy[^1];
            copy[^1] = last with { Parts = part is null ? last.Parts : [.. last.Parts, part] };
        }
        else
        {
            copy.Add(section with { Parts = part is null ? [] : [part] });
        }

        return copy;
    }
}
