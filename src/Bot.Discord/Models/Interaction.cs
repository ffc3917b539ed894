using System.Text.Json.Serialization;

namespace Bot.Discord.Models;

/// <summary>
/// An INTERACTION_CREATE payload. In a guild it carries <see cref="Member"/> and no <see cref="User"/>; in a DM the
/// reverse, so read the person from <see cref="Invoker"/>.
/// </summary>
public sealed record Interaction(string Id, string ApplicationId, InteractionType Type, string Token)
{
    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    public DiscordChannel? Channel { get; init; }

    public GuildMember? Member { get; init; }

    public DiscordUser? User { get; init; }

    /// <summary>For component clicks and modals opened from one: the message the component sat on.</summary>
    public DiscordMessage? Message { get; init; }

    public InteractionContextType? Context { get; init; }

    public string? Locale { get; init; }

    public int? Version { get; init; }

    /// <summary>The person who triggered the interaction, in a guild or in a DM.</summary>
    [JsonIgnore]
    public DiscordUser? Invoker => Member?.User ?? User;
}
