namespace Bot.Discord.Models;

/// <summary>A message as Discord returns it from REST or sends it in MESSAGE_CREATE.</summary>
public sealed record DiscordMessage(string Id, string ChannelId, DiscordUser Author, string Content)
{
    /// <summary>Set only on gateway events for guild messages.</summary>
    public string? GuildId { get; init; }

    /// <summary>Partial member, only on gateway events in guilds.</summary>
    public GuildMember? Member { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>When the author last edited it; null for a message never edited (e.g. an embed-only update).</summary>
    public DateTimeOffset? EditedTimestamp { get; init; }

    public int? Type { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    public IReadOnlyList<DiscordAttachment>? Attachments { get; init; }

    public string? WebhookId { get; init; }

    public string? ApplicationId { get; init; }

    /// <summary>Added on gateway MESSAGE_CREATE: 0 guild text, 1 DM.</summary>
    public ChannelType? ChannelType { get; init; }
}
