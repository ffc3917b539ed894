using System.Globalization;
using System.Text;
using Bot.Core.Application.Messages;

namespace Bot.Core.Application.Buttons;

/// <summary>
/// One kind of button payload, declared once: its name on the wire, how its fields are written and read back
/// (within <see cref="Choice.MaxPayloadBytes"/>), and the <see cref="IButtonHandler"/> that acts on a press.
/// </summary>
/// <param name="Kind">The payload's first word, e.g. "skip" in "skip:12:1".</param>
public sealed record ButtonKind(string Kind, Type Handler)
{
    private const char Separator = ':';

    /// <summary>Whether only a paired person may press it (others hear how to pair).</summary>
    public bool NeedsCouple { get; init; } = true;

    /// <summary>
    /// Pressing it continues a choice about an answer ("change", "hold"), so the text the person types next is
    /// still claimed by it; any other press lets go of such a choice.
    /// </summary>
    public bool ContinuesAnswerChoice { get; init; }

    /// <summary>
    /// For a confirmation of something that cannot be undone: how long it may be tapped. Its payload then ends with
    /// the person it was shown to and when (<see cref="EncodeConfirmation"/>), and the engine lets only that person
    /// through, only in time; any other tap reaches <see cref="IConfirmationHandler.ExpiredAsync"/>.
    /// </summary>
    public TimeSpan? ExpiresAfter { get; init; }

    /// <summary>The payload for these fields, e.g. "skip:12:1"; invariant text, at most 64 bytes.</summary>
    public string Encode(params object[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var payload = fields.Length == 0
            ? Kind
            : Kind + Separator + string.Join(Separator, fields.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture)));
        return Encoding.UTF8.GetByteCount(payload) <= Choice.MaxPayloadBytes
            ? payload
            : throw new ArgumentException($"Payload '{payload}' exceeds {Choice.MaxPayloadBytes} bytes.", nameof(fields));
    }

    /// <summary>The payload of a confirmation shown to this person now, e.g. "forget:17:1767225600".</summary>
    public string EncodeConfirmation(long personId, DateTimeOffset shownAt, params object[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Encode([.. fields, personId, shownAt.ToUnixTimeSeconds()]);
    }

    /// <summary>
    /// Whether a confirmation's fields were shown to this person within <see cref="ExpiresAfter"/> of
    /// <paramref name="now"/>; if so, <paramref name="inner"/> holds the fields before the person and the time.
    /// </summary>
    public bool IsFreshFor(IReadOnlyList<string> fields, long personId, DateTimeOffset now, out IReadOnlyList<string> inner)
    {
        ArgumentNullException.ThrowIfNull(fields);
        inner = [];
        if (ExpiresAfter is not { } lifetime || fields.Count < 2
            || !TryNumber(fields, fields.Count - 2, out var shownTo) || shownTo != personId
            || !TryNumber(fields, fields.Count - 1, out var seconds)
            || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        // A minute of grace the other way: the clock of another node may run a little behind.
        if (age > lifetime || age < -TimeSpan.FromMinutes(1))
        {
            return false;
        }

        inner = [.. fields.Take(fields.Count - 2)];
        return true;
    }

    /// <summary>The fields of a payload of this kind, or null when it is of another kind.</summary>
    public IReadOnlyList<string>? Decode(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload == Kind ? []
            : payload.StartsWith(Kind + Separator, StringComparison.Ordinal) ? payload[(Kind.Length + 1)..].Split(Separator)
            : null;
    }

    /// <summary>Reads a field as a whole number; false when it is missing or is none.</summary>
    public static bool TryNumber(IReadOnlyList<string> fields, int index, out long number)
    {
        ArgumentNullException.ThrowIfNull(fields);
        number = 0;
        return index < fields.Count
            && long.TryParse(fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }
}

/// <summary>Acts on a press of one kind of button; the payload's fields are its own to read.</summary>
public interface IButtonHandler
{
    Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct);
}

/// <summary>Acts on a confirmation (<see cref="ButtonKind.ExpiresAfter"/>), and on a tap that came too late.</summary>
public interface IConfirmationHandler : IButtonHandler
{
    /// <summary>A tap after the confirmation expired, by someone it was not shown to, or from an older version.</summary>
    Task ExpiredAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct);
}

/// <summary>A button only a paired person may press: the engine has checked there is a couple.</summary>
public abstract class CoupleButton : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var couple = c.Couple ?? throw new InvalidOperationException("The engine sends only paired people here.");
        return HandleAsync(c, couple, fields, ct);
    }

    protected abstract Task HandleAsync(Conversation c, Domain.Couple couple, IReadOnlyList<string> fields, CancellationToken ct);
}

/// <summary>Every kind of button the bot offers. A payload of no kind here (or from an older version) is stale.</summary>
public static class ButtonCatalog
{
    public static ButtonKind Cancel { get; } = new("cancel", typeof(CancelButton)) { NeedsCouple = false };

    /// <summary>How long a confirmation of something that cannot be undone may be tapped.</summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A confirmation: no fields of its own.</summary>
    public static ButtonKind Forget { get; } =
        new("forget", typeof(ForgetButton)) { NeedsCouple = false, ExpiresAfter = ConfirmationLifetime };

    /// <summary>A confirmation. Fields: the couple, then how ("keep", "mine", "ours").</summary>
    public static ButtonKind Unpair { get; } =
        new("unpair", typeof(UnpairButton)) { NeedsCouple = false, ExpiresAfter = ConfirmationLifetime };

    /// <summary>A confirmation. Fields: the couple, then "yes" or "keep" for the partner's answer.</summary>
    public static ButtonKind Erase { get; } =
        new("erase", typeof(EraseButton)) { NeedsCouple = false, ExpiresAfter = ConfirmationLifetime };

    /// <summary>Fields: the round and the question's position.</summary>
    public static ButtonKind Skip { get; } = new("skip", typeof(SkipButton));

    /// <summary>Fields: the round, the scale and the value tapped (0 passes).</summary>
    public static ButtonKind Pulse { get; } = new("pulse", typeof(PulseButton));

    /// <summary>Fields: what to do (share, private, hold, rewrite, list, cancel), the round and the position.</summary>
    public static ButtonKind Answer { get; } = new("ans", typeof(AnswerChoiceButton)) { ContinuesAnswerChoice = true };

    /// <summary>Fields: the couple and who proposed the group as home.</summary>
    public static ButtonKind Home { get; } = new("home", typeof(HomeButton));

    /// <summary>Fields: the deck's id.</summary>
    public static ButtonKind Deck { get; } = new("deck", typeof(DeckButton));

    /// <summary>Fields: the first time's id and the choice.</summary>
    public static ButtonKind FirstTime { get; } = new("ft", typeof(FirstTimeButton));

    /// <summary>Fields: "s" and the quiz's id; or "a" (own answer) or "g" (guess), the play, the item and the option.</summary>
    public static ButtonKind Quiz { get; } = new("quiz", typeof(QuizButton));

    /// <summary>The warm start: a zone id or "type". Bound to whoever it was shown to, for two weeks.</summary>
    public static ButtonKind WelcomeZone { get; } =
        new("wz", typeof(WelcomeZoneButton)) { NeedsCouple = false, ExpiresAfter = WelcomeService.ButtonLifetime };

    /// <summary>The warm start: "keep", "off" or a span such as "2300-0700".</summary>
    public static ButtonKind WelcomeQuiet { get; } =
        new("wq", typeof(WelcomeQuietButton)) { NeedsCouple = false, ExpiresAfter = WelcomeService.ButtonLifetime };

    /// <summary>The warm start's weekly slot. Fields: what (propose, type, accept, other), the couple, then the slot.</summary>
    public static ButtonKind WelcomeSlot { get; } =
        new("ws", typeof(WelcomeSlotButton)) { NeedsCouple = false, ExpiresAfter = WelcomeService.ButtonLifetime };

    public static IReadOnlyList<ButtonKind> All { get; } =
    [
        Cancel, Forget, Unpair, Erase, Skip, Pulse, Answer, Home, Deck, FirstTime, Quiz, WelcomeZone, WelcomeQuiet,
        WelcomeSlot,
    ];

    /// <summary>The kind a payload belongs to, with its fields; null for a payload no kind claims.</summary>
    public static (ButtonKind Kind, IReadOnlyList<string> Fields)? Find(string payload) =>
        All.Select(kind => (Kind: kind, Fields: kind.Decode(payload))).FirstOrDefault(found => found.Fields is not null)
            is { Fields: { } fields } match
            ? (match.Kind, fields)
            : null;
}
