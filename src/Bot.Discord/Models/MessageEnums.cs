using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Models;

/// <summary>Message flags we set or read; Discord sends them as one integer bitset.</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
    IsComponentsV2 = 1 << 15,
}

/// <summary>Channel kinds we meet.</summary>
public enum ChannelType
{
    GuildText = 0,
    Dm = 1,
    GuildVoice = 2,
    GroupDm = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    PublicThread = 11,
    PrivateThread = 12,
}

/// <summary>Component kinds we build or read.</summary>
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    TextDisplay = 10,
    Label = 18,
}

/// <summary>Button looks; every style but <see cref="Link"/> needs a custom_id.</summary>
public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

/// <summary>Single-line or multi-line text input in a modal.</summary>
[SuppressMessage("Naming", "CA1720", Justification = "The names are Discord's text input styles.")]
public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}
