using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime.Text;

namespace Bot.Core.Application.Commands;

/// <summary>The kinds of value a command argument can hold; platforms build their typed options from it.</summary>
public enum ParameterKind
{
    Text = 1,
    Number = 2,
    Boolean = 3,
    TimeOfDay = 4,
    Date = 5,
    Duration = 6,
    Choice = 7,
    TimeZone = 8,
}

/// <summary>Where in typed text a parameter is looked for: at the start, at the end, or the text left over.</summary>
public enum ParameterSlot
{
    Leading = 1,
    Trailing = 2,
    Rest = 3,
}

/// <summary>What reading one parameter from a person's text gave: a value, nothing of this kind, or a value that is wrong.</summary>
public abstract record ParameterRead
{
    private ParameterRead()
    {
    }

    public static ParameterRead NoMatch { get; } = new Missing();

    /// <summary>A value was read. <paramref name="Length"/> is how many characters of the text it took.</summary>
    public sealed record Value(object Read, int Length) : ParameterRead;

    /// <summary>
    /// This is meant as the parameter but cannot be read; <paramref name="Reply"/> tells the person why, or is null
    /// when the command's own help says it best.
    /// </summary>
    public sealed record Invalid(Func<string, string>? Reply) : ParameterRead;

    /// <summary>The text does not start (or end) with this parameter.</summary>
    public sealed record Missing : ParameterRead;
}

/// <summary>One typed argument of a command: its name and description, and how it is read from what people type.</summary>
public abstract partial class Parameter(string name, string description)
{
    private static readonly char[] Separators = [' ', '\n', '\t', '\r'];

    public string Name { get; } = name;

    public string Description { get; } = description;

    public abstract ParameterKind Kind { get; }

    /// <summary>Platforms that check arguments themselves (Discord) insist on it; typed text may leave it out.</summary>
    public bool Required { get; init; }

    public ParameterSlot Slot { get; init; } = ParameterSlot.Leading;

    /// <summary>Words that may stand before the value and are not part of it, e.g. "at" before a time.</summary>
    public IReadOnlyList<string> LeadWords { get; init; } = [];

    /// <summary>At the end of text, read only after one of <see cref="LeadWords"/> ("call me at 7pm", not "… 7pm").</summary>
    public bool NeedsLeadWord { get; init; }

    /// <summary>Looked for only when this holds of what was read before it, e.g. a number only after "done".</summary>
    public Func<CommandArguments, bool>? OnlyWhen { get; init; }

    /// <summary>A value that cannot be read is left out, for the handler to answer (it knows what would fit).</summary>
    public bool LeavesOutUnreadable { get; init; }

    /// <summary>The reply when the value cannot be read; the default names the parameter's kind.</summary>
    public Func<string, string, string>? WhenInvalid { get; init; }

    /// <summary>How many words one value may span, e.g. "7:30 pm" is two.</summary>
    protected virtual int MaxWords => 1;

    /// <summary>Reads one whole value; never throws.</summary>
    public ParameterRead Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return ParameterRead.NoMatch;
        }

        var typed = Normalize(trimmed);
        return Parse(typed) is { } value ? new ParameterRead.Value(value, text.Length) : Invalid(Shorten(trimmed));
    }

    /// <summary>Reads a value at the start of the text, after an optional lead word.</summary>
    public ParameterRead TakeLeading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = SkipSpaces(text, 0);
        var afterLead = SkipLeadWord(text, start);
        foreach (var from in afterLead == start ? [start] : new[] { afterLead, start })
        {
            var ends = WordEnds(text, from).Take(MaxWords).Reverse().ToList();
            foreach (var end in ends)
            {
                if (Parse(Normalize(text[from..end])) is { } value)
                {
                    return new ParameterRead.Value(value, end);
                }
            }
        }

        // A lead word or a first word that clearly means this parameter but does not read is worth a clear reply.
        var firstEnd = WordEnds(text, afterLead).FirstOrDefault(afterLead);
        return firstEnd > afterLead && (afterLead > start || LooksLike(Normalize(text[afterLead..firstEnd])))
            ? Invalid(Shorten(text[afterLead..firstEnd]))
            : ParameterRead.NoMatch;
    }

    /// <summary>Reads a value at the end of the text, with an optional lead word before it; Length is then where it began.</summary>
    public ParameterRead TakeTrailing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.TrimEnd().Length;
        var starts = WordStarts(text, end).Take(MaxWords).Reverse().ToList();
        foreach (var start in starts)
        {
            if (Parse(Normalize(text[start..end])) is not { } value)
            {
                continue;
            }

            var before = text[..start].TrimEnd();
            if (LeadEnding(before) is { } lead)
            {
                return new ParameterRead.Value(value, before.Length - lead.Length);
            }

            if (!NeedsLeadWord)
            {
                return new ParameterRead.Value(value, start);
            }
        }

        // "… at tonight": the lead word says a time was meant, so say it cannot be read rather than take it as text.
        var last = starts.Count > 0 ? text[starts[^1]..end] : "";
        return last.Length > 0 && LooksLike(Normalize(last)) && LeadEnding(text[..starts[^1]].TrimEnd()) is not null
            ? Invalid(Shorten(last))
            : ParameterRead.NoMatch;
    }

    /// <summary>The value, or null when the text is not one.</summary>
    protected abstract object? Parse(string text);

    /// <summary>Whether text that does not read was still meant as this parameter (a wrong time rather than a word).</summary>
    protected virtual bool LooksLike(string text) => false;

    /// <summary>What to say about a value of this kind that does not read; null leaves it to the command's help.</summary>
    protected virtual Func<string, string>? DefaultInvalid(string typed) => null;

    private ParameterRead Invalid(string typed) => LeavesOutUnreadable
        ? ParameterRead.NoMatch
        : new ParameterRead.Invalid(WhenInvalid is { } reply ? person => reply(person, typed) : DefaultInvalid(typed));

    /// <summary>Digits of any script ("۳۰") as ASCII digits; other text as typed.</summary>
    protected static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => c > 127 && char.IsDigit(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c > 127 && char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c);
        }

        return builder.ToString();
    }

    protected static bool StartsWithDigit(string text) => text.Length > 0 && char.IsAsciiDigit(text[0]);

    internal static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 40 ? trimmed[..40] + "…" : trimmed;
    }

    /// <summary>The lead word the text ends with, as a word of its own, or null.</summary>
    private string? LeadEnding(string text) => LeadWords.FirstOrDefault(lead =>
        text.EndsWith(lead, StringComparison.OrdinalIgnoreCase)
        && (text.Length == lead.Length || char.IsWhiteSpace(text[^(lead.Length + 1)])));

    private int SkipLeadWord(string text, int start)
    {
        foreach (var lead in LeadWords)
        {
            if (string.Compare(text, start, lead, 0, lead.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var next = start + lead.Length;
            // A word ("at") needs a space after it; a sign ("-") does not.
            if (!char.IsLetter(lead[^1]) || next == text.Length || char.IsWhiteSpace(text[next]))
            {
                return SkipSpaces(text, next);
            }
        }

        return start;
    }

    private static int SkipSpaces(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    /// <summary>Where the words starting at <paramref name="from"/> end; a dash also ends a word, so "22:00-08:00" reads.</summary>
    private static IEnumerable<int> WordEnds(string text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            var next = text.IndexOfAny(Separators, i);
            var dash = text.IndexOfAny(['-', '–', '—'], i);
            if (dash > i && (next < 0 || dash < next) && !LooksLikeDate(text, i))
            {
                yield return dash;
            }

            var end = next < 0 ? text.Length : next;
            yield return end;
            i = SkipSpaces(text, end);
        }
    }

    private static bool LooksLikeDate(string text, int from) => DateShape().IsMatch(text[from..]);

    private static IEnumerable<int> WordStarts(string text, int end)
    {
        var i = end;
        while (i > 0)
        {
            var previous = text.LastIndexOfAny(Separators, i - 1);
            var start = previous + 1;
            yield return start;
            i = previous;
            while (i > 0 && char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            if (i <= 0)
            {
                yield break;
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d")]
    private static partial Regex DateShape();
}

/// <summary>Free text, e.g. a note or a question for the bowl.</summary>
public sealed class TextParameter(string name, string description, int maxLength) : Parameter(name, description)
{
    public int MaxLength { get; } = maxLength;

    public override ParameterKind Kind => ParameterKind.Text;

    protected override object? Parse(string text) => text.Trim();
}

/// <summary>A whole number within bounds.</summary>
public sealed class IntegerParameter(string name, string description, int min, int max) : Parameter(name, description)
{
    public int Min { get; } = min;

    public int Max { get; } = max;

    public override ParameterKind Kind => ParameterKind.Number;

    protected override object? Parse(string text) =>
        int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= Min && n <= Max
            ? n
            : null;

    protected override bool LooksLike(string text) => StartsWithDigit(text.TrimStart('#'));

    protected override Func<string, string> DefaultInvalid(string typed) => person => Copy.BadNumber(person, typed, Min, Max);
}

/// <summary>A switch; in typed text, one of its keywords (e.g. "off") turns it on.</summary>
public sealed class BooleanParameter(string name, string description, params string[] keywords) : Parameter(name, description)
{
    public IReadOnlyList<string> Keywords { get; } = keywords;

    public override ParameterKind Kind => ParameterKind.Boolean;

    protected override object? Parse(string text) =>
        Keywords.Any(k => k.Equals(text.Trim().TrimEnd('.', '!'), StringComparison.OrdinalIgnoreCase)) ? true : null;
}

/// <summary>A time of day as people type it: 19:00, 19.30, 7pm, 7:30 pm.</summary>
public sealed class TimeOfDayParameter(string name, string description) : Parameter(name, description)
{
    /// <summary>Whether a bare hour ("22") reads as a whole hour; elsewhere a bare number could be a day or a count.</summary>
    public bool AllowsBareHour { get; init; }

    public override ParameterKind Kind => ParameterKind.TimeOfDay;

    protected override int MaxWords => 2;

    protected override object? Parse(string text)
    {
        if (ScheduleParser.TryParseTime(text, out var time))
        {
            return time;
        }

        return AllowsBareHour && text.Length is >= 1 and <= 2
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour <= 23
            ? new TimeOnly(hour, 0)
            : null;
    }

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "tonight", "tomorrow", "today", "noon", "midnight", "morning", "afternoon", "evening", "night", "later", "soon",
    };

    protected override bool LooksLike(string text) =>
        StartsWithDigit(text) || TimeWords.Contains(text.TrimEnd('.', '!', '?', ','));

    protected override Func<string, string> DefaultInvalid(string typed) => person => Copy.BadTime(person, typed);
}

/// <summary>A calendar day written as YYYY-MM-DD.</summary>
public sealed class DateParameter(string name, string description) : Parameter(name, description)
{
    private static readonly LocalDatePattern Pattern = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");

    public override ParameterKind Kind => ParameterKind.Date;

    protected override object? Parse(string text) => Pattern.Parse(text.Trim()) is { Success: true } parsed ? parsed.Value : null;

    // Wherever a date is expected first, whatever stands there was meant as one.
    protected override bool LooksLike(string text) => text.Length > 0;

    protected override Func<string, string> DefaultInvalid(string typed) => person => Copy.BadDate(person, typed);
}

/// <summary>A length of time in the units a command accepts: "30m", "2h", "1h30m", "90 min", "2w", "10 days".</summary>
public sealed partial class DurationParameter(string name, string description, bool inDays) : Parameter(name, description)
{
    /// <summary>Days and weeks (a pause) rather than hours and minutes (a cool-down).</summary>
    public bool InDays { get; } = inDays;

    public override ParameterKind Kind => ParameterKind.Duration;

    protected override int MaxWords => 4;

    protected override object? Parse(string text)
    {
        var match = (InDays ? DaysSyntax() : ClockSyntax()).Match(text.Trim());
        if (!match.Success || (!match.Groups["a"].Success && !match.Groups["b"].Success))
        {
            return null;
        }

        long Number(string group) =>
            match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        return InDays
            ? TimeSpan.FromDays(match.Groups["unit"].Value.StartsWith('w') ? Number("a") * 7 : Number("a"))
            : TimeSpan.FromHours(Number("a")) + TimeSpan.FromMinutes(Number("b"));
    }

    protected override bool LooksLike(string text) => StartsWithDigit(text);

    protected override Func<string, string> DefaultInvalid(string typed) => person => Copy.BadDuration(person, typed);

    [GeneratedRegex(@"^(?<a>\d{1,3})\s*(?<unit>d|days?|w|wks?|weeks?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DaysSyntax();

    [GeneratedRegex(@"^(?:(?<a>\d{1,3})\s*(?:h|hr|hrs|hours?))?\s*(?:(?<b>\d{1,4})\s*(?:m|min|mins|minutes?))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockSyntax();
}

/// <summary>One value of a choice: its label (shown on Discord), its value, and other words that mean it.</summary>
public sealed record ParameterChoice(string Label, string Value, params string[] Aliases)
{
    public bool Matches(string text) =>
        Value.Equals(text, StringComparison.OrdinalIgnoreCase)
        || Label.Equals(text, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One of a fixed set of values, e.g. a weekday or an action such as "add".</summary>
public sealed class ChoiceParameter(string name, string description, IReadOnlyList<ParameterChoice> choices)
    : Parameter(name, description)
{
    public IReadOnlyList<ParameterChoice> Choices { get; } = choices;

    /// <summary>Other text is taken as typed too, for the handler to make sense of (a deck's name, half typed).</summary>
    public bool IsOpen { get; init; }

    public override ParameterKind Kind => ParameterKind.Choice;

    protected override int MaxWords => Choices.SelectMany(c => c.Aliases.Append(c.Label).Append(c.Value))
        .Max(word => word.Split(' ').Length);

    protected override object? Parse(string text)
    {
        var cleaned = string.Join(' ', text.Trim().TrimEnd('.', ',', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Choices.FirstOrDefault(c => c.Matches(cleaned))?.Value ?? (IsOpen ? cleaned : null);
    }

    protected override Func<string, string> DefaultInvalid(string typed) =>
        person => Copy.BadChoice(person, typed, Choices.Select(c => c.Value));
}

/// <summary>An IANA time zone, or a city that names one; suggestions as people type on platforms that offer them.</summary>
public sealed class TimeZoneParameter(string name, string description) : Parameter(name, description)
{
    public override ParameterKind Kind => ParameterKind.TimeZone;

    protected override int MaxWords => 3;

    protected override object? Parse(string text) => TimeZones.Resolve(text, out _);

    protected override Func<string, string> DefaultInvalid(string typed)
    {
        TimeZones.Resolve(typed, out var suggestions);
        return person => Copy.TimeZoneUnknown(person, typed, suggestions);
    }

    /// <summary>Up to <paramref name="limit"/> zones for what someone has typed so far.</summary>
    public static IReadOnlyList<string> Suggest(string typed, int limit) =>
        TimeZones.Search(typed.Trim().Replace(' ', '_'), limit);
}
