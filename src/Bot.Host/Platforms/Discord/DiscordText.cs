using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Host.Platforms.Discord;

/// <summary>Text as Discord shows it, and text as our logs may keep it.</summary>
internal static partial class DiscordText
{
    public const int MaxContentLength = 2000;

    // Characters that Discord's markdown reads as formatting, links or mentions wherever they stand; '#' and '-'
    // only matter at the start of a line (headings, subtext).
    private const string Formatting = "\\*_~`|[]<>";

    /// <summary>
    /// The text exactly as written: a backslash before every character Discord would read as formatting, so a
    /// partner's words can never become a masked link, a heading, a mention or a spoiler. When escaping would not
    /// fit one message, only what could mislead is neutralised, by look-alike characters that take no room.
    /// </summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in text)
        {
            if (Formatting.Contains(c, StringComparison.Ordinal) || (lineStart && c is '#' or '-'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return escaped.Length <= MaxContentLength || text.Length > MaxContentLength
            ? escaped.ToString()
            : Neutralised(text);
    }

    /// <summary>A log line with any interaction or webhook token in a URL replaced.</summary>
    public static string Redact(string? line) =>
        line is null ? "" : TokenInPath().Replace(line, "$1/…");

    private static string Neutralised(string text) => LineStart().Replace(text, "$1\u200B")
        .Replace('[', '［').Replace(']', '］').Replace('<', '‹').Replace('>', '›');

    // interactions/{id}/{token}/callback and webhooks/{app}/{token}: the token is the path segment after the id.
    [GeneratedRegex(@"((?:interactions|webhooks)/\d+)/[^/\s?]+")]
    private static partial Regex TokenInPath();

    // A heading, a subtext line or a quote starts a line; a zero-width space in front keeps it plain text.
    [GeneratedRegex(@"(^|\n)(?=#|-#|>)")]
    private static partial Regex LineStart();
}
