using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Bot.EndToEnd.Tests.Fakes;

/// <summary>
/// Reads text sent with parse_mode HTML the way Telegram does: only its supported tags, properly nested and closed,
/// and every '&amp;' starting an entity (&amp;lt; &amp;gt; &amp;amp; &amp;quot; or a numeric one); anything else is
/// refused with Telegram's "can't parse entities" error. What remains is the text people see.
/// </summary>
public static class FakeTelegramHtml
{
    // core.telegram.org/bots/api#html-style
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code",
        "pre", "blockquote",
    };

    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["lt"] = "<",
        ["gt"] = ">",
        ["amp"] = "&",
        ["quot"] = "\"",
    };

    /// <summary>The visible text, or false with the error Telegram would give (without "Bad Request: ").</summary>
    public static bool TryParse(string html, [NotNullWhen(true)] out string? visible, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html.Length);
        var open = new Stack<string>();
        visible = null;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    error = $"can't parse entities: Unclosed start tag at byte offset {Offset(html, i)}";
                    return false;
                }

                var inside = html[(i + 1)..end];
                if (inside.StartsWith('/'))
                {
                    var name = inside[1..].Trim().ToLowerInvariant();
                    if (open.Count == 0 || open.Peek() != name)
                    {
                        error = open.Count == 0
                            ? $"can't parse entities: Unexpected end tag at byte offset {Offset(html, i)}"
                            : $"can't parse entities: Unmatched end tag at byte offset {Offset(html, i)}, expected \"</{open.Peek()}>\", found \"</{name}>\"";
                        return false;
                    }

                    open.Pop();
                }
                else
                {
                    var space = inside.IndexOfAny([' ', '\n', '\t']);
                    var name = (space < 0 ? inside : inside[..space]).ToLowerInvariant();
                    var attributes = space < 0 ? "" : inside[(space + 1)..].Trim();
                    if (!Supported.Contains(name) || !AttributesAllowed(name, attributes))
                    {
                        error = $"can't parse entities: Unsupported start tag \"{name}\" at byte offset {Offset(html, i)}";
                        return false;
                    }

                    if (name == "blockquote" && open.Contains("blockquote"))
                    {
                        error = $"can't parse entities: Blockquote entities can't be nested at byte offset {Offset(html, i)}";
                        return false;
                    }

                    open.Push(name);
                }

                i = end + 1;
                continue;
            }

            if (c == '&')
            {
                var semicolon = html.IndexOf(';', i);
                var entity = semicolon < 0 || semicolon - i > 10 ? null : html[(i + 1)..semicolon];
                if (entity is null || Decode(entity) is not { } decoded)
                {
                    error = $"can't parse entities: Unsupported HTML entity at byte offset {Offset(html, i)}";
                    return false;
                }

                text.Append(decoded);
                i = semicolon + 1;
                continue;
            }

            text.Append(c);
            i++;
        }

        if (open.Count > 0)
        {
            error = $"can't parse entities: Can't find end tag corresponding to start tag \"{open.Peek()}\"";
            return false;
        }

        visible = text.ToString();
        error = null;
        return true;
    }

    private static bool AttributesAllowed(string name, string attributes) => name switch
    {
        "blockquote" => attributes is "" or "expandable",
        "a" => attributes.StartsWith("href=", StringComparison.Ordinal),
        "span" => attributes == "class=\"tg-spoiler\"",
        "tg-emoji" => attributes.StartsWith("emoji-id=", StringComparison.Ordinal),
        "code" => attributes is "" || attributes.StartsWith("class=\"language-", StringComparison.Ordinal),
        _ => attributes.Length == 0,
    };

    private static string? Decode(string entity)
    {
        if (Named.TryGetValue(entity, out var named))
        {
            return named;
        }

        var number = entity.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) ? hex : -1
            : entity.StartsWith('#') && int.TryParse(entity[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) ? dec : -1;
        return number is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(number) : null;
    }

    private static int Offset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));
}
