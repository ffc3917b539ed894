namespace Bot.Discord.Models;

/// <summary>
/// The body for creating or editing a message (channel message, follow-up or the original interaction response).
/// Discord refuses it when content, embeds and components are all empty (50006).
/// </summary>
public sealed record MessageCreate(string? Content = null)
{
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    public MessageFlags? Flags { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>Files sent with the request; the REST client fills this in from the uploads when left null.</summary>
    public IReadOnlyList<AttachmentInfo>? Attachments { get; init; }
}
