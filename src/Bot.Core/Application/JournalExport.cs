using System.Diagnostics;
using System.Text.Json.Serialization;
using Bot.Core.Domain;
using NodaTime;

namespace Bot.Core.Application;

/// <summary>
/// The couple's journal as /export hands it out, built only from what both partners could already see: revealed
/// rounds, delivered notes and capsules, the shared bucket list. <see cref="JournalMarkdown"/> and
/// <see cref="JournalJson"/> render it; a new section is a new list here plus a few lines in each renderer.
/// </summary>
/// <param name="Date">The export's day on the couple's clock (it names the files).</param>
/// <param name="CheckIns">Revealed rounds, oldest first.</param>
/// <param name="Notes">Delivered love notes and capsules, oldest first.</param>
/// <param name="BucketList">Open wishes first in the order added, then done ones.</param>
public sealed record JournalExport(
    int Version,
    DateTimeOffset ExportedAt,
    DateOnly Date,
    string TimeZone,
    IReadOnlyList<string> Partners,
    IReadOnlyList<ExportedCheckIn> CheckIns,
    IReadOnlyList<ExportedNote> Notes,
    IReadOnlyList<ExportedWish> BucketList)
{
    /// <summary>Bumped whenever a field changes meaning or goes away (adding one does not).</summary>
    public const int CurrentVersion = 1;

    /// <summary>Revealed quizzes, oldest first, each with how it came out.</summary>
    public IReadOnlyList<ExportedQuiz> Quizzes { get; init; } = [];

    /// <summary>The photo journal (/memory), oldest first.</summary>
    public IReadOnlyList<ExportedMemory> Memories { get; init; } = [];

    [JsonIgnore]
    public bool IsEmpty =>
        CheckIns.Count == 0 && Notes.Count == 0 && BucketList.Count == 0 && Quizzes.Count == 0 && Memories.Count == 0;

    /// <summary>The folder of the export's zip that holds the media files the journal names.</summary>
    public const string MediaFolder = "media/";

    /// <summary>Where a kept file lies in the export's zip.</summary>
    public static string MediaPath(MediaItem media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return MediaFolder + media.FileName;
    }

    /// <summary>
    /// Keeps only what the couple shared: rounds not revealed are left out whole, notes not yet delivered too.
    /// </summary>
    /// <param name="a">The couple's first partner (answers are listed in partner order).</param>
    /// <param name="deckName">The shown name of a deck id, or null when it is unknown.</param>
    public static JournalExport Build(
        Couple couple,
        Person a,
        Person b,
        IEnumerable<Round> rounds,
        IEnumerable<LoveNote> notes,
        IEnumerable<BucketItem> bucketList,
        Func<string, string?> deckName,
        DateTimeOffset now,
        IReadOnlyDictionary<long, IReadOnlyList<PulseEntry>>? pulses = null,
        IEnumerable<Memory>? memories = null,
        IReadOnlyDictionary<long, MediaItem>? media = null)
    {
        ArgumentNullException.ThrowIfNull(couple);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(deckName);
        var partners = new[] { a, b };
        string NameOf(long personId) => partners.FirstOrDefault(p => p.Id == personId)?.DisplayName ?? "someone";

        var checkIns = rounds
            .Where(r => r.CoupleId == couple.Id && r.State == RoundState.Revealed)
            .OrderBy(r => r.ClosedAt ?? r.OpenedAt)
            .ThenBy(r => r.Id)
            .Select(r => new ExportedCheckIn(
                LocalDate(r.ClosedAt ?? r.OpenedAt, couple.TimeZone),
                r.ClosedAt ?? r.OpenedAt,
                ExportedCheckIn.KindOf(r.Kind),
                r.Kind == RoundKind.Deck && r.DeckId is { } deck ? deckName(deck) ?? deck : null,
                [
                    .. r.Questions.OrderBy(q => q.Position).Select(q => new ExportedQuestion(
                        q.Text,
                        [
                            .. partners.Select(p => ExportedAnswer.Of(p.DisplayName, r.AnswerOf(p.Id, q.Position), now,
                                couple.TimeZone, MediaOf(r.AnswerOf(p.Id, q.Position)?.MediaId))),
                        ])),
                ])
            {
                Pulse = pulses?.GetValueOrDefault(r.Id) is { Count: > 0 } taps
                    ?
                    [
                        .. PulseEntry.Scales.SelectMany(scale => partners.Select(p => new ExportedPulse(
                            p.DisplayName,
                            ExportedPulse.NameOf(scale),
                            taps.FirstOrDefault(t => t.PersonId == p.Id && t.Scale == scale)?.Value))),
                    ]
                    : [],
            })
            .ToList();
        var exportedNotes = notes
            .Where(n => n.CoupleId == couple.Id && n.DeliveredAt is not null
                && couple.Includes(n.FromId) && couple.Includes(n.ToId))
            .OrderBy(n => n.DeliveredAt)
            .ThenBy(n => n.Id)
            .Select(n => new ExportedNote(
                n.IsCapsule ? ExportedNote.CapsuleKind : ExportedNote.NoteKind,
                NameOf(n.FromId),
                NameOf(n.ToId),
                n.CreatedAt,
                n.DeliveredAt!.Value,
                n.Text)
            {
                Media = MediaOf(n.MediaId),
            })
            .ToList();
        var moments = (memories ?? [])
            .Where(m => m.CoupleId == couple.Id)
            .OrderBy(m => m.CreatedAt)
            .ThenBy(m => m.Id)
            .Select(m => new ExportedMemory(LocalDate(m.CreatedAt, couple.TimeZone), m.CreatedAt, NameOf(m.AuthorId), m.Text)
            {
                Media = MediaOf(m.MediaId),
            })
            .ToList();
        var wishes = bucketList
            .Where(i => i.CoupleId == couple.Id)
            .Select(i => new ExportedWish(i.Text, NameOf(i.AddedById), i.AddedAt, i.DoneAt))
            .ToList();
        return new JournalExport(
            CurrentVersion,
            now,
            LocalDate(now, couple.TimeZone),
            couple.TimeZone,
            [a.DisplayName, b.DisplayName],
            checkIns,
            exportedNotes,
            wishes)
        {
            Memories = moments,
        };

        ExportedMedia? MediaOf(long? id) =>
            id is { } key && media?.GetValueOrDefault(key) is { } item
                ? new ExportedMedia(ExportedMedia.KindOf(item.Kind), MediaPath(item), item.ContentType)
                : null;
    }

    internal static DateOnly LocalDate(DateTimeOffset instant, string timeZone) =>
        Instant.FromDateTimeOffset(instant).InZone(TimeZones.Get(timeZone)).Date.ToDateOnly();
}

/// <summary>One revealed round: when it was revealed and what each partner said.</summary>
/// <param name="Date">The day it was revealed, on the couple's clock.</param>
/// <param name="Kind">"weekly", "deck", "bowl", "cooldown" or "memory" (see <see cref="KindOf"/>).</param>
/// <param name="Deck">The deck's name for a deck question; null for the weekly check-in.</param>
public sealed record ExportedCheckIn(
    DateOnly Date,
    DateTimeOffset RevealedAt,
    string Kind,
    string? Deck,
    IReadOnlyList<ExportedQuestion> Questions)
{
    /// <summary>The weekly pulse both partners tapped, scale by scale; empty for other rounds.</summary>
    public IReadOnlyList<ExportedPulse> Pulse { get; init; } = [];

    public const string WeeklyKind = "weekly";
    public const string DeckKind = "deck";
    public const string BowlKind = "bowl";
    public const string CooldownKind = "cooldown";
    public const string MemoryKind = "memory";

    public static string KindOf(RoundKind kind) => kind switch
    {
        RoundKind.Deck => DeckKind,
        RoundKind.Bowl => BowlKind,
        RoundKind.Cooldown => CooldownKind,
        RoundKind.Memory => MemoryKind,
        _ => WeeklyKind,
    };
}

public sealed record ExportedQuestion(string Text, IReadOnlyList<ExportedAnswer> Answers);

/// <summary>One partner's tap on one pulse scale of a weekly check-in.</summary>
/// <param name="Scale">"loved" or "heard".</param>
/// <param name="Value">1–5; null when they skipped it.</param>
public sealed record ExportedPulse(string By, string Scale, int? Value)
{
    public static string NameOf(PulseScale scale) => scale == PulseScale.Loved ? "loved" : "heard";

    public static PulseScale ScaleOf(string name) => name == "loved" ? PulseScale.Loved : PulseScale.Heard;
}

/// <summary>A partner's answer as it was revealed.</summary>
/// <param name="Text">What they wrote; null when they passed, their words were removed (/forget), or kept back.</param>
public sealed record ExportedAnswer(string By, string? Text, bool IsSkipped)
{
    public const string KeptPrivate = "private";
    public const string KeptHeld = "held";

    /// <summary>Why the words are not here although they exist: <see cref="KeptPrivate"/> or <see cref="KeptHeld"/>.</summary>
    public string? KeptBack { get; init; }

    /// <summary>The day a held answer opens, on the couple's clock.</summary>
    public DateOnly? HeldUntil { get; init; }

    /// <summary>The voice note, photo or video the answer was, when it was one.</summary>
    public ExportedMedia? Media { get; init; }

    /// <summary>The answer as both partners can see it at <paramref name="now"/>: private and not-yet-open words stay out.</summary>
    /// <param name="media">The answer's kept media, named only when its words are shared.</param>
    public static ExportedAnswer Of(string by, Answer? answer, DateTimeOffset now, string timeZone, ExportedMedia? media = null) =>
        AnswerView.Of(answer, viewerId: null, now) switch
        {
            AnswerView.Shared shared => new(by, shared.Text, false) { Media = media },
            AnswerView.Passed => new(by, null, true),
            AnswerView.Held held =>
                new(by, null, false) { KeptBack = KeptHeld, HeldUntil = JournalExport.LocalDate(held.Until, timeZone) },
            AnswerView.Private => new(by, null, false) { KeptBack = KeptPrivate },
            AnswerView.Forgotten => new(by, null, false),
            var view => throw new UnreachableException($"Unhandled answer view {view.GetType().Name}."),
        };
}

/// <summary>A delivered love note or opened time capsule.</summary>
/// <param name="Kind"><see cref="NoteKind"/> or <see cref="CapsuleKind"/>.</param>
public sealed record ExportedNote(
    string Kind,
    string From,
    string To,
    DateTimeOffset WrittenAt,
    DateTimeOffset DeliveredAt,
    string Text)
{
    public const string NoteKind = "note";
    public const string CapsuleKind = "capsule";

    /// <summary>The voice note, photo or video that came with it.</summary>
    public ExportedMedia? Media { get; init; }
}

/// <summary>A moment of the photo journal.</summary>
/// <param name="Date">The day it was added, on the couple's clock.</param>
/// <param name="Text">The line that goes with it; null when there is none.</param>
public sealed record ExportedMemory(DateOnly Date, DateTimeOffset AddedAt, string By, string? Text)
{
    public ExportedMedia? Media { get; init; }
}

/// <summary>A media file of the export: what it is and where it lies in the zip.</summary>
/// <param name="Kind">"voice", "photo", "video-note" or "video".</param>
/// <param name="Path">The file's path inside the zip, e.g. <c>media/media-12.jpg</c>.</param>
public sealed record ExportedMedia(string Kind, string Path, string ContentType)
{
    public static string KindOf(MediaKind kind) => kind switch
    {
        MediaKind.Voice => "voice",
        MediaKind.Photo => "photo",
        MediaKind.VideoNote => "video-note",
        _ => "video",
    };
}

/// <summary>A bucket-list wish; done once <see cref="DoneAt"/> is set.</summary>
public sealed record ExportedWish(string Text, string AddedBy, DateTimeOffset AddedAt, DateTimeOffset? DoneAt)
{
    public bool IsDone => DoneAt is not null;
}

/// <summary>A revealed quiz: what it was, when, and how it came out (a warm score or each partner's love languages).</summary>
/// <param name="Kind">"knowMe" or "loveLanguage".</param>
public sealed record ExportedQuiz(string Title, string Kind, DateTimeOffset PlayedAt, string Outcome)
{
    public static ExportedQuiz Of(Quiz quiz, QuizPlay play, Person a, Person b)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(play);
        return new ExportedQuiz(
            quiz.Title,
            quiz.Kind == QuizKind.KnowMe ? "knowMe" : "loveLanguage",
            play.ClosedAt ?? play.StartedAt,
            Copy.QuizOutcome(quiz, play, a, b));
    }
}
