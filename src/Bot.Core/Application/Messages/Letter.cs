using System.Text;
using System.Text.Json.Serialization;

namespace Bot.Core.Application.Messages;

/// <summary>
/// A message with a shape, such as a reveal: an opening line, sections (a question and each partner's answer), a
/// closing line. Platforms that can show structure render it (Telegram HTML with quotes, Discord embeds, the
/// playground's HTML), escaping every piece; anything else reads <see cref="OutgoingMessage.Text"/>, its plain form.
/// Everything in it is plain text: no piece carries markup, so no one's words can be read as markup.
/// </summary>
/// <param name="Opening">The first line; empty on a page that continues an earlier one.</param>
/// <param name="Closing">The last line; empty on a page that an later one continues.</param>
public sealed record Letter(string Opening, IReadOnlyList<LetterSection> Sections, string Closing)
{
    /// <summary>The letter as plain text, the way a platform without formatting shows it.</summary>
    public string PlainText()
    {
        var text = new StringBuilder(Opening);
        foreach (var section in Sections)
        {
            text.Append(text.Length == 0 ? "" : "\n\n");
            if (section.Heading is { } heading)
            {
                text.Append(heading).Append(section.Continued ? " (continued)" : "").Append('\n');
            }

            text.AppendJoin('\n', section.Parts.Select(p => p.PlainText));
        }

        if (Closing.Length > 0)
        {
            text.Append(text.Length == 0 ? "" : "\n\n").Append(Closing);
        }

        return text.ToString();
    }
}

/// <summary>One section of a <see cref="Letter"/>: a heading (a question) and its parts, e.g. both partners' answers.</summary>
/// <param name="Heading">The question or title; null for a section without one (the weekly pulse).</param>
public sealed record LetterSection(string? Heading, IReadOnlyList<LetterPart> Parts)
{
    /// <summary>This section goes on from the previous page (its heading is repeated as a continuation).</summary>
    public bool Continued { get; init; }
}

/// <summary>
/// A piece of a <see cref="LetterSection"/>. A renderer that does not know a kind shows its <see cref="PlainText"/>,
/// so new kinds (media, for instance) can be added without every platform knowing them at once.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LetterLine), "line")]
[JsonDerivedType(typeof(LetterAnswer), "answer")]
public abstract record LetterPart
{
    [JsonIgnore]
    public abstract string PlainText { get; }
}

/// <summary>A line of the bot's own (a pulse reading); it may hold names, so it is escaped like any text.</summary>
public sealed record LetterLine(string Text) : LetterPart
{
    public override string PlainText => Text;
}

/// <summary>
/// One person's answer: their name and either their words (shown as a quote) or a short note on why there are none
/// ("passed", "kept this one to themselves").
/// </summary>
public sealed record LetterAnswer(string Author, string? Words, string? Note) : LetterPart
{
    /// <summary>These words go on from the same answer on the previous page (a long answer split).</summary>
    public bool Continued { get; init; }

    public override string PlainText => Words is not null
        ? $"{Author}{(Continued ? " (continued)" : "")}: {Words}"
        : $"{Author} {Note}";
}
