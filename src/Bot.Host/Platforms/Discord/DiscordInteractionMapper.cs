using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Host.Platforms.Discord;

internal enum DiscordInteractionKind
{
    Command,
    Button,
    ModalSubmit,
    Autocomplete,
}

/// <summary>What the adapter reads off a Discord interaction; plain values, so the mapping is testable alone.</summary>
internal sealed record DiscordInteractionFacts(
    DiscordInteractionKind Kind, ulong Id, ulong UserId, string UserName, bool FromBot, ulong? GuildId, ulong ChannelId)
{
    public string? CommandName { get; init; }

    /// <summary>Slash command options as the catalog reads them.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>The button's or the submitted form's custom id.</summary>
    public string? CustomId { get; init; }

    /// <summary>A submitted form's text fields by custom id.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>What the person has typed so far into the option being completed.</summary>
    public string Typed { get; init; } = "";

    /// <summary>The file given in a slash command's attachment option.</summary>
    public InboundMedia? Media { get; init; }

    public bool IsPrivate => GuildId is null;
}

/// <summary>A message in a channel the bot can read, as the adapter reads it.</summary>
internal sealed record DiscordMessageFacts(
    ulong Id, ulong AuthorId, string AuthorName, bool FromBot, ulong? GuildId, ulong ChannelId, string Content,
    DateTimeOffset? EditedAt)
{
    /// <summary>The first photo, voice message or video attached to it.</summary>
    public InboundMedia? Media { get; init; }
}

/// <summary>How the adapter acknowledges an interaction within Discord's three seconds.</summary>
internal abstract record DiscordAck
{
    private DiscordAck()
    {
    }

    /// <summary>"Thinking…", filled in later by the first reply; only the person sees it when ephemeral.</summary>
    public sealed record DeferReply(bool Ephemeral) : DiscordAck;

    /// <summary>Nothing visible; the reply arrives as a message of its own.</summary>
    public sealed record DeferUpdate : DiscordAck;

    /// <summary>Opens the answer form.</summary>
    public sealed record AnswerForm(string CustomId, int MaxLength) : DiscordAck;

    /// <summary>Autocomplete suggestions.</summary>
    public sealed record Suggestions(IReadOnlyList<string> Values) : DiscordAck;
}

/// <summary>What to answer Discord right away and what, if anything, goes to the core.</summary>
internal sealed record DiscordIntake(DiscordAck Ack, Inbound? Message);

/// <summary>
/// Turns interactions and DM messages into core messages. Slash commands and clicks in a guild are deferred
/// ephemerally and answered through the interaction (only the person sees it); clicks in DMs are acknowledged
/// silently and answered in the DM; the "Answer" button opens a form whose text answers the current question.
/// </summary>
internal static class DiscordInteractionMapper
{
    public const string AnswerButton = "answer";
    public const string AnswerModal = "answer-modal";
    public const string AnswerInput = "text";
    public const int MaxFormLength = 4000;

    public static DiscordIntake? Map(DiscordInteractionFacts interaction, int maxAnswerLength)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.FromBot)
        {
            return null;
        }

        var isPrivate = interaction.IsPrivate;
        var chat = isPrivate ? DiscordAddresses.Person(interaction.UserId) : DiscordAddresses.Channel(interaction.ChannelId);
        var from = new ChatUser(Platform.Discord, interaction.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var name = interaction.UserName;
        var privateChat = DiscordAddresses.Person(interaction.UserId);
        var awaitingReply = DiscordAddresses.Interaction(interaction.Id, interaction.UserId, !isPrivate);

        return interaction.Kind switch
        {
            DiscordInteractionKind.Command when interaction.CommandName is { } command => new DiscordIntake(
                new DiscordAck.DeferReply(Ephemeral: !isPrivate),
                new CommandReceived(from, name, chat, isPrivate, command, "")
                {
                    Options = interaction.Options,
                    ReplyTo = awaitingReply,
                    PrivateChat = privateChat,
                    Media = interaction.Media,
                }),
            DiscordInteractionKind.Button when TryReadAnswer(interaction.CustomId, AnswerButton, out var question) =>
                new DiscordIntake(new DiscordAck.AnswerForm(Encode(AnswerModal, question), Math.Min(maxAnswerLength, MaxFormLength)), null),
            DiscordInteractionKind.Button when interaction.CustomId is { Length: > 0 } payload => new DiscordIntake(
                isPrivate ? new DiscordAck.DeferUpdate() : new DiscordAck.DeferReply(Ephemeral: true),
                new ChoiceSelected(from, name, chat, isPrivate, payload)
                {
                    ReplyTo = isPrivate ? null : awaitingReply,
                    PrivateChat = privateChat,
                }),
            DiscordInteractionKind.Autocomplete => new DiscordIntake(
                new DiscordAck.Suggestions(DiscordCommands.SuggestZones(interaction.Typed)), null),
            DiscordInteractionKind.ModalSubmit when TryReadAnswer(interaction.CustomId, AnswerModal, out var question) =>
                new DiscordIntake(
                    new DiscordAck.DeferUpdate(),
                    new TextReceived(from, name, chat, isPrivate, interaction.Fields.GetValueOrDefault(AnswerInput, ""))
                    {
                        PrivateChat = privateChat,
                        ForQuestion = question,
                    }),
            _ => null,
        };
    }

    /// <summary>The Answer button's id: which question it was shown under ("answer:12:3"), when the message said.</summary>
    public static string AnswerButtonFor(QuestionRef? question) => Encode(AnswerButton, question);

    private static string Encode(string kind, QuestionRef? question) => question is null
        ? kind
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}:{question.RoundId}:{question.Position}");

    // "answer" (older buttons, or a prompt that is not a round question) or "answer:round:position".
    private static bool TryReadAnswer(string? customId, string kind, out QuestionRef? question)
    {
        question = null;
        if (customId == kind)
        {
            return true;
        }

        if (customId?.StartsWith(kind + ":", StringComparison.Ordinal) != true
            || customId[(kind.Length + 1)..].Split(':') is not [var round, var position]
            || !long.TryParse(round, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var roundId)
            || !int.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at))
        {
            return false;
        }

        question = new QuestionRef(roundId, at);
        return true;
    }

    /// <summary>A DM typed by hand: text answers the current question; "/pair" and friends work typed too.</summary>
    public static Inbound? Map(DiscordMessageFacts message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.FromBot || message.GuildId is not null)
        {
            // Guild chatter is not for us; only slash commands count there.
            return null;
        }

        var from = new ChatUser(Platform.Discord, Id(message.AuthorId));
        var chat = DiscordAddresses.Person(message.AuthorId);
        var text = message.Content;
        if (text.StartsWith('/') && text.Length > 1)
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var command = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
            var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
            return new CommandReceived(from, message.AuthorName, chat, true, command, arguments) { Media = message.Media };
        }

        return new TextReceived(from, message.AuthorName, chat, true, text)
        {
            MessageId = Id(message.Id),
            Media = message.Media,
        };
    }

    /// <summary>
    /// An attachment as media, by its content type: images are photos, audio a voice note, video a video; anything
    /// else (a PDF, say) is not media and null.
    /// </summary>
    public static InboundMedia? MediaOf(ulong id, string url, string? contentType, long size)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        MediaKind? kind = type switch
        {
            null => null,
            _ when type.StartsWith("image/", StringComparison.Ordinal) => MediaKind.Photo,
            _ when type.StartsWith("audio/", StringComparison.Ordinal) => MediaKind.Voice,
            _ when type.StartsWith("video/", StringComparison.Ordinal) => MediaKind.Video,
            _ => null,
        };
        return kind is { } k ? new InboundMedia(k, new MediaSource(Platform.Discord, Id(id), url), size, type) : null;
    }

    /// <summary>
    /// A DM the person edited (it may have given an answer). Updates without an edit time (Discord adding a link
    /// preview, say) are not edits by the person and are ignored.
    /// </summary>
    public static Inbound? MapEdit(DiscordMessageFacts message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return !message.FromBot && message.GuildId is null && message.EditedAt is not null
            ? new MessageEdited(new ChatUser(Platform.Discord, Id(message.AuthorId)), message.AuthorName,
                DiscordAddresses.Person(message.AuthorId), true, Id(message.Id), message.Content)
            : null;
    }

    private static string Id(ulong id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
