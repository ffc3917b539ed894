using Bot.Core.Application.Messages;
using Discord;

namespace Bot.Host.Platforms.Discord;

/// <summary>One embed field: a name and its value.</summary>
internal sealed record DiscordField(string Name, string Value, bool Inline);

/// <summary>An embed as we build it: plain values, checked against Discord's limits before it becomes one.</summary>
internal sealed record DiscordEmbedPlan(string Description, IReadOnlyList<DiscordField> Fields, string? Footer)
{
    /// <summary>The characters Discord counts toward a message's embed total.</summary>
    public int Length => Description.Length + Fields.Sum(f => f.Name.Length + f.Value.Length) + (Footer?.Length ?? 0);
}

/// <summary>
/// A letter as Discord shows it: the opening as the message text, then an embed per section (the question as its
/// description, each partner's answer as an inline field, side by side), the closing as the last embed's footer.
/// Everything is escaped as Discord markdown (<see cref="DiscordText.Literal"/>). A page stays within Discord's
/// limits: field values of 1024, descriptions of 4096, 25 fields and 10 embeds, 6000 characters over all embeds.
/// </summary>
internal static class DiscordLetter
{
    public const int MaxEmbeds = 10;
    public const int MaxTotal = 6000;
    public const int MaxDescription = 4096;
    public const int MaxFields = 25;
    public const int MaxFieldName = 256;
    public const int MaxFieldValue = 1024;
    public const int MaxFooter = 2048;

    // A warm rose, the same on every embed of a letter.
    private static readonly Color Rose = new(0xE0, 0x7A, 0x8F);

    public static LetterLimits Limits { get; } = new(Fits, MaxFieldValue, s => DiscordText.Literal(s).Length);

    /// <summary>The message text (null when the page has none) and its embeds.</summary>
    public static (string? Content, IReadOnlyList<DiscordEmbedPlan> Embeds) Plan(Letter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var embeds = letter.Sections.Select(Section).ToList();
        string? content = letter.Opening.Length > 0 ? DiscordText.Literal(letter.Opening) : null;
        if (letter.Closing.Length > 0)
        {
            if (embeds.Count > 0)
            {
                embeds[^1] = embeds[^1] with { Footer = letter.Closing };
            }
            else
            {
                content = content is null ? DiscordText.Literal(letter.Closing) : $"{content}\n\n{DiscordText.Literal(letter.Closing)}";
            }
        }

        return (content, embeds);
    }

    public static bool Fits(Letter letter)
    {
        var (content, embeds) = Plan(letter);
        return (content?.Length ?? 0) <= DiscordText.MaxContentLength
            && embeds.Count <= MaxEmbeds
            && embeds.Sum(e => e.Length) <= MaxTotal
            && embeds.All(e => e.Description.Length <= MaxDescription && e.Fields.Count <= MaxFields
                && (e.Footer?.Length ?? 0) <= MaxFooter
                && e.Fields.All(f => f.Name.Length is > 0 and <= MaxFieldName && f.Value.Length is > 0 and <= MaxFieldValue));
    }

    /// <summary>The embeds as Discord.Net builds them.</summary>
    public static Embed[] Build(IReadOnlyList<DiscordEmbedPlan> embeds) =>
        [.. embeds.Select(plan =>
        {
            var builder = new EmbedBuilder().WithColor(Rose);
            if (plan.Description.Length > 0)
            {
                builder.WithDescription(plan.Description);
            }

            foreach (var field in plan.Fields)
            {
                builder.AddField(field.Name, field.Value, field.Inline);
            }

            if (plan.Footer is { } footer)
            {
                builder.WithFooter(footer);
            }

            return builder.Build();
        })];

    private static DiscordEmbedPlan Section(LetterSection section)
    {
        var lines = new List<string>();
        if (section.Heading is { } heading)
        {
            lines.Add($"**{DiscordText.Literal(heading)}**{(section.Continued ? " *(continued)*" : "")}");
        }

        var fields = new List<DiscordField>();
        foreach (var part in section.Parts)
        {
            switch (part)
            {
                case LetterAnswer answer:
                    var name = DiscordText.Literal(answer.Author) + (answer.Continued ? " (continued)" : "");
                    var value = answer.Words is { } words
                        ? DiscordText.Literal(words)
                        : $"*{DiscordText.Literal(answer.Note ?? "")}*";
                    fields.Add(new DiscordField(name, value.Length == 0 || value == "**" ? "\u200B" : value, Inline: true));
                    break;
                default:
                    lines.Add(DiscordText.Literal(part.PlainText));
                    break;
            }
        }

        return new DiscordEmbedPlan(string.Join('\n', lines), fields, null);
    }
}
