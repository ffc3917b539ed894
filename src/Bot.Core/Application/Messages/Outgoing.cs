using System.Text;
using Bot.Core.Domain;

namespace Bot.Core.Application.Messages;

/// <summary>A message for the outbox: plain text, optional rows of buttons.</summary>
/// <param name="WordsOf">People whose own words the text quotes; /forget removes such messages before delivery.</param>
public sealed record OutgoingMessage(
    ChatAddress To,
    string Text,
    IReadOnlyList<IReadOnlyList<Choice>> Choices,
    IReadOnlyList<long> WordsOf)
{
    /// <summary>True for a question: platforms without free-text replies offer a way to answer (Discord's modal).</summary>
    public bool InvitesAnswer { get; init; }

    /// <summary>
    /// The round question this message asks, when it asks one: a platform's answer form carries it back
    /// (<see cref="TextReceived.ForQuestion"/>), so a form opened under an older question is not taken as an
    /// answer to the current one.
    /// </summary>
    public QuestionRef? Asks { get; init; }

    /// <summary>
    /// The message's shape when it has one (a reveal): platforms that can show it render it, each piece escaped;
    /// <see cref="Text"/> stays its plain form for every other.
    /// </summary>
    public Letter? Letter { get; init; }

    /// <summary>A file sent with the message; <see cref="Text"/> is then its caption.</summary>
    public Attachment? Attachment { get; init; }

    /// <summary>
    /// Delivered without a sound or push (Telegram's disable_notification, Discord's SUPPRESS_NOTIFICATIONS): it is
    /// news for someone in their quiet hours that should not wait for the morning, such as a reveal.
    /// </summary>
    public bool Silent { get; init; }

    /// <summary>Held until then (UTC): the recipient's quiet hours. Later messages of the chat are not held up by it.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>
    /// The round this is a step of (a question or a pulse scale). Held for quiet hours, it is dropped once the person
    /// acts on the round meanwhile; whatever ends the round withdraws it while it still waits. A stale step never
    /// arrives later.
    /// </summary>
    public long? StepOfRound { get; init; }

    public bool IsRoundStep => StepOfRound is not null;

    /// <summary>
    /// The couple whose home (shared chat) this is posted in. A post quoting anyone's words goes there only once the
    /// bot has checked, just before sending, that nobody but the two of them (and bots) can read it; otherwise, and
    /// whenever the home stops taking messages, it goes to each partner privately instead.
    /// </summary>
    public long? HomeOf { get; init; }

    public static OutgoingMessage Plain(ChatAddress to, string text) => new(to, text, [], []);
}

/// <summary>One question of one round: where an answer belongs.</summary>
public sealed record QuestionRef(long RoundId, int Position);

/// <summary>How a file is shown: an image in the chat, a document to open or save, or a partner's recorded media.</summary>
public enum AttachmentKind
{
    Photo = 1,
    Document = 2,
    Voice = 3,
    VideoNote = 4,
    Video = 5,
}

/// <summary>A file to send, held in memory (charts, exports and media within the platforms' limits).</summary>
/// <param name="FileName">Name shown to the person, e.g. <c>journal.md</c>.</param>
/// <param name="ContentType">MIME type, e.g. <c>image/png</c>.</param>
public sealed record Attachment(AttachmentKind Kind, string FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>
    /// Where the platform the file came from keeps it: a gateway of that platform that can resend by reference
    /// (Telegram's file_id) does so instead of uploading <see cref="Content"/> again.
    /// </summary>
    public MediaSource? Source { get; init; }

    /// <summary>The attachment that shows a partner's kept media as what it is (a voice note plays as one).</summary>
    public static Attachment Of(MediaItem media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var kind = media.Kind switch
        {
            MediaKind.Voice => AttachmentKind.Voice,
            MediaKind.Photo => AttachmentKind.Photo,
            MediaKind.VideoNote => AttachmentKind.VideoNote,
            _ => AttachmentKind.Video,
        };
        return new Attachment(kind, media.FileName, media.ContentType, media.Content) { Source = media.Source };
    }
}

/// <summary>A button; its payload comes back in <see cref="ChoiceSelected"/> and must carry all it needs.</summary>
public sealed record Choice
{
    /// <summary>Telegram's callback_data limit; Discord's custom_id allows 100, so this is the common floor.</summary>
    public const int MaxPayloadBytes = 64;

    public Choice(string label, string payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(payload);
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            throw new ArgumentException($"Choice payload '{payload}' exceeds {MaxPayloadBytes} bytes.", nameof(payload));
        }

        Label = label;
        Payload = payload;
    }

    public string Label { get; }

    public string Payload { get; }
}
