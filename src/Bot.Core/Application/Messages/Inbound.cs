using Bot.Core.Domain;

namespace Bot.Core.Application.Messages;

/// <summary>Something a person did in a chat, in platform-neutral form; the one input of <see cref="BotEngine"/>.</summary>
/// <param name="From">Who did it.</param>
/// <param name="FromName">Their display name as the platform shows it.</param>
/// <param name="Chat">Where they did it.</param>
/// <param name="IsPrivate">True for a one-to-one chat with the bot.</param>
public abstract record Inbound(ChatUser From, string FromName, ChatAddress Chat, bool IsPrivate)
{
    /// <summary>
    /// Where replies go when that is not <see cref="Chat"/> itself, e.g. a Discord interaction that waits for its
    /// answer. Replies there are seen by this person only (in a shared channel: ephemeral), so they may show what
    /// only the couple may read. The core always replies there at least once.
    /// </summary>
    public ChatAddress? ReplyTo { get; init; }

    /// <summary>How to reach this person privately when the platform knows it even outside their private chat.</summary>
    public ChatAddress? PrivateChat { get; init; }

    /// <summary>A voice note, photo or video that came with the message (its caption is the text).</summary>
    public InboundMedia? Media { get; init; }
}

/// <summary>A command such as <c>/join ABC</c>: the name without slash or bot suffix, lower case.</summary>
/// <param name="Arguments">What was typed after the command, for the catalog's parsers to read.</param>
public sealed record CommandReceived(
    ChatUser From, string FromName, ChatAddress Chat, bool IsPrivate, string Command, string Arguments)
    : Inbound(From, FromName, Chat, IsPrivate)
{
    /// <summary>
    /// Typed options from a platform that has them (Discord), by parameter name: integers and switches in invariant
    /// text, other values as given. When set, <see cref="Arguments"/> is not read.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }
}

/// <summary>Plain text (or an empty string for content the bot cannot read, such as a sticker).</summary>
public sealed record TextReceived(ChatUser From, string FromName, ChatAddress Chat, bool IsPrivate, string Text)
    : Inbound(From, FromName, Chat, IsPrivate)
{
    /// <summary>The platform's id of the message, so a later edit of it can find the answer it gave.</summary>
    public string? MessageId { get; init; }

    /// <summary>The question the person meant to answer, when the platform's answer form says (Discord's).</summary>
    public QuestionRef? ForQuestion { get; init; }
}

/// <summary>A button press carrying the payload of a <see cref="Choice"/> the bot offered.</summary>
public sealed record ChoiceSelected(ChatUser From, string FromName, ChatAddress Chat, bool IsPrivate, string Payload)
    : Inbound(From, FromName, Chat, IsPrivate);

/// <summary>
/// A person edited a message they had sent in their private chat: <see cref="Text"/> is what it says now. An edit
/// of an answer in a round still open changes that answer; any other edit changes nothing.
/// </summary>
public sealed record MessageEdited(ChatUser From, string FromName, ChatAddress Chat, bool IsPrivate, string MessageId, string Text)
    : Inbound(From, FromName, Chat, IsPrivate);

/// <summary>What changed about a shared chat itself.</summary>
public enum ChatChange
{
    /// <summary>A person (not a bot) joined: <see cref="ChatChanged.Member"/>.</summary>
    MemberJoined = 1,

    /// <summary>A person left or was removed: <see cref="ChatChanged.Member"/>.</summary>
    MemberLeft = 2,

    /// <summary>The bot was removed from the chat.</summary>
    BotRemoved = 3,

    /// <summary>The chat lives at a new address now (<see cref="ChatChanged.MovedTo"/>), e.g. a group upgraded to a supergroup.</summary>
    Moved = 4,
}

/// <summary>
/// A shared chat changed: who is in it, whether the bot still is, or where it lives. <see cref="Inbound.From"/> is
/// whoever caused the change; it is not treated as someone talking to the bot.
/// </summary>
public sealed record ChatChanged(ChatUser From, string FromName, ChatAddress Chat, ChatChange Change)
    : Inbound(From, FromName, Chat, IsPrivate: false)
{
    /// <summary>Who joined or left, for <see cref="ChatChange.MemberJoined"/> and <see cref="ChatChange.MemberLeft"/>.</summary>
    public ChatUser? Member { get; init; }

    /// <summary>The chat's new address, for <see cref="ChatChange.Moved"/>.</summary>
    public ChatAddress? MovedTo { get; init; }
}
