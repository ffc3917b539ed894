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

    public static ButtonKind Forget { get; } = new("forget", typeof(ForgetButton)) { NeedsCouple = false };

    /// <summary>Fields: the couple, then how ("keep", "mine", "ours") once chosen.</summary>
    public static ButtonKind Unpair { get; } = new("unpair", typeof(UnpairButton)) { NeedsCouple = false };

    /// <summary>Fields: the couple, then "yes" for the partner's agreement.</summary>
    public static ButtonKind Erase { get; } = new("erase", typeof(EraseButton)) { NeedsCouple = false };

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

    public static IReadOnlyList<ButtonKind> All { get; } =
        [Cancel, Forget, Unpair, Erase, Skip, Pulse, Answer, Home, Deck, FirstTime];

    /// <summary>The kind a payload belongs to, with its fields; null for a payload no kind claims.</summary>
    public static (ButtonKind Kind, IReadOnlyList<string> Fields)? Find(string payload) =>
        All.Select(kind => (Kind: kind, Fields: kind.Decode(payload))).FirstOrDefault(found => found.Fields is not null)
            is { Fields: { } fields } match
            ? (match.Kind, fields)
            : null;
}
