namespace Bot.Discord.Models;

/// <summary>The bot's own application (<c>GET /applications/@me</c>); its id is needed to register commands.</summary>
public sealed record DiscordApplication(string Id, string? Name = null)
{
    public DiscordUser? Bot { get; init; }
}
