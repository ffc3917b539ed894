namespace Bot.Host.Platforms.Discord;

/// <summary>Settings of the Discord adapter (section <c>Discord</c>); the adapter runs when a token is set.</summary>
internal sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token from the Developer Portal (Bot → Reset Token).</summary>
    public string? Token { get; set; }

    /// <summary>REST base including the version, e.g. https://discord.com/api/v10/ (tests point it at a fake).</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Gateway URL; by default asked from GET /gateway/bot.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Register commands to this guild only (instant, for trying the bot) instead of globally.</summary>
    public string? GuildId { get; set; }
}
