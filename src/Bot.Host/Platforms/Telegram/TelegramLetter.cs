using System.Text;
using Bot.Core.Application.Messages;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// A letter as Telegram HTML: names in bold, each answer's words in a quote (folded when long), the question in
/// bold, every piece escaped, so no one's words can become markup. Pages split before escaping (see
/// <see cref="LetterPages"/>), so a page never ends inside a tag or an escape sequence.
/// </summary>
internal static class TelegramLetter
{
    /// <summary>Telegram's limit for a message's text; the rendered markup is kept within it, tags included.</summary>
    public const int MaxLength = 4096;

    /// <summary>The longest one quote may be, escaped: it fits a page with its question and name.</summary>
    public const int MaxQuote = 3000;

    /// <summary>Words longer than this (escaped) show as an expandable quote.</summary>
    private const int FoldedQuote = 700;

    public static LetterLimits Limits { get; } = new(letter => Html(letter).Length <= MaxLength, MaxQuote, s => Escape(s).Length);

    public static string Html(Letter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var html = new StringBuilder();
        if (letter.Opening.Length > 0)
        {
            html.Append(Escape(letter.Opening));
        }

        foreach (var section in letter.Sections)
        {
            if (html.Length > 0)
            {
                html.Append("\n\n");
            }

            if (section.Heading is { } heading)
            {
                html.Append("<b>").Append(Escape(heading)).Append("</b>");
                if (section.Continued)
                {
                    html.Append(" <i>(continued)</i>");
                }

                html.Append('\n');
            }

            var first = true;
            foreach (var part in section.Parts)
            {
                if (!first)
                {
                    html.Append('\n');
                }

                first = false;
                AppendPart(html, part);
            }
        }

        if (letter.Closing.Length > 0)
        {
            html.Append(html.Length > 0 ? "\n\n" : "").Append("<i>").Append(Escape(letter.Closing)).Append("</i>");
        }

        return html.ToString();
    }

    /// <summary>Text safe inside Telegram HTML: the three characters it reads, and quotes for attribute safety.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static void AppendPart(StringBuilder html, LetterPart part)
    {
        switch (part)
        {
            case LetterAnswer { Words: { } words } answer:
                var quote = Escape(words);
                html.Append("<b>").Append(Escape(answer.Author)).Append("</b>")
                    .Append(answer.Continued ? " <i>(continued)</i>" : "").Append('\n')
                    .Append(quote.Length > FoldedQuote ? "<blockquote expandable>" : "<blockquote>")
                    .Append(quote).Append("</blockquote>");
                break;
            case LetterAnswer answer:
                html.Append("<b>").Append(Escape(answer.Author)).Append("</b> <i>").Append(Escape(answer.Note ?? ""))
                    .Append("</i>");
                break;
            default:
                html.Append(Escape(part.PlainText));
                break;
        }
    }
}
