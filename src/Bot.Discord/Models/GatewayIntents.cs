namespace Bot.Discord.Models;

/// <summary>Gateway intents: which event groups the gateway sends us. Ask only for what the bot uses.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,

    /// <summary>Privileged: must be enabled in the Developer Portal.</summary>
    GuildMembers = 1 << 1,

    /// <summary>Privileged: must be enabled in the Developer Portal.</summary>
    GuildPresences = 1 << 8,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged; DMs with the bot carry content without it.</summary>
    MessageContent = 1 << 15,
}
