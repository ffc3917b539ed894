namespace Bot.Discord.Models;

/// <summary>A user's membership in a guild; <see cref="User"/> is absent in MESSAGE_CREATE's partial member.</summary>
public sealed record GuildMember(DiscordUser? User = null)
{
    public string? Nick { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The member's permissions in the channel, as a decimal string (only on interactions).</summary>
    public string? Permissions { get; init; }
}
