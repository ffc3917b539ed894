namespace Bot.Discord.Models;

/// <summary>A channel as far as we need it: a DM or a guild text channel.</summary>
public sealed record DiscordChannel(string Id, ChannelType Type)
{
    public string? GuildId { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<DiscordUser>? Recipients { get; init; }
}
