namespace Bot.Discord.Models;

/// <summary>A Discord user; <see cref="GlobalName"/> is the display name when the user set one.</summary>
public sealed record DiscordUser(string Id, string Username, string? GlobalName = null, bool? Bot = null)
{
    /// <summary>The name to show a person: the display name, else the username.</summary>
    public string DisplayName => string.IsNullOrEmpty(GlobalName) ? Username : GlobalName;
}
