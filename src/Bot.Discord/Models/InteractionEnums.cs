using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Models;

/// <summary>What kind of interaction Discord sent (the <c>type</c> of an INTERACTION_CREATE).</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>How we answer an interaction (the <c>type</c> of an interaction callback).</summary>
public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>Where an interaction was triggered from (the interaction's <c>context</c>).</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

/// <summary>How an application command is installed (the command's <c>integration_types</c>).</summary>
public enum ApplicationIntegrationType
{
    GuildInstall = 0,
    UserInstall = 1,
}

/// <summary>Kinds of application command.</summary>
public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}

/// <summary>Value types of an application command option.</summary>
[SuppressMessage("Naming", "CA1720", Justification = "The names are Discord's option types.")]
public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}
