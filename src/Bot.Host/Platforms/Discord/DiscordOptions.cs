namespace Bot.Host.Platforms.Discord;

/// <summary>Settings of the Discord adapter (section <c>Discord</c>); the adapter runs when a token is set.</summary>
internal sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token from the Developer Portal (Bot → Reset Token).</summary>
    public string? Token { get; set; }

    /// <summary>REST base including the version, e.g. https://discord.com/api/v10/ (a proxy, or a fake in tests).</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Gateway URL to connect to as given; by default the one Discord names in GET /gateway/bot.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Register commands to this guild only (instant, for trying the bot) instead of globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>How many shards the bot runs in all; by default what Discord recommends.</summary>
    public int? Shards { get; set; }

    /// <summary>The shard ids this process runs (the rest run elsewhere); by default all of them.</summary>
    public int[]? ShardIds { get; set; }

    /// <summary>A shard disconnected this long is rebuilt from scratch instead of waiting for the library.</summary>
    public TimeSpan ReconnectWatchdog { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The application's public key (Developer Portal, General Information): with it, interactions also arrive over
    /// HTTP at <see cref="InteractionsPath"/>, signed by Discord and checked here.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>Where the bot's web server takes interactions; the Interactions Endpoint URL ends with it.</summary>
    public string InteractionsPath { get; set; } = "/discord/interactions";
}
