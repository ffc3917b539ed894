namespace Bot.Discord.Models;

/// <summary>A rich embed; Discord caps the total text of a message's embeds at 6000 characters.</summary>
public sealed record DiscordEmbed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>RGB as an integer, e.g. 0xE91E63.</summary>
    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }
}

/// <summary>A name/value pair in an embed (name ≤ 256, value ≤ 1024 characters).</summary>
public sealed record EmbedField(string Name, string Value, bool? Inline = null);

/// <summary>Small text under an embed (≤ 2048 characters).</summary>
public sealed record EmbedFooter(string Text);
