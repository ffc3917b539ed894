namespace Bot.Core.Application;

// /export: the captions of the two files and the wording inside the Markdown journal.
public static partial class Copy
{
    public static string ExportMarkdownCaption(string name, string partner, bool isEmpty) => isEmpty
        ? $"Your journal with {partner} is still empty, {name}, but here it is anyway 🌱 It fills up as you answer check-ins together, send notes and add to your bucket list."
        : $"Here's your journal with {partner}, {name} 📖 Only what you've both already seen is in it.";

    public static string ExportJsonCaption => "The same journal as JSON, for other apps or safekeeping.";

    public static string ExportZipCaption(string name, string partner, int mediaCount) =>
        $"Here's your journal with {partner}, {name} 📖 The zip holds it as Markdown to read and JSON to keep, with {(mediaCount == 1 ? "your photo, voice note or video" : $"your {mediaCount} photos, voice notes and videos")} beside them in the media folder. Only what you've both already seen is in it.";

    public static string ExportMediaTooLarge(string name, long size, long limit) =>
        $"{name}, with its photos and voice notes your journal comes to {Megabytes(size)}, more than the {Megabytes(limit)} I can send here, so here are the words on their own. The media stays safe with me.";

    public static string JournalTitle(IReadOnlyList<string> partners) => $"Our journal: {string.Join(" & ", partners)}";

    public static string JournalIntro(string date, string timeZone) =>
        $"Exported on {date} ({timeZone}). Only what you both could already see: revealed check-ins, delivered notes and capsules, and your bucket list.";

    public static string JournalEmpty =>
        "Nothing here yet, and that's okay. Your journal fills up as you answer check-ins together, send notes and add to your bucket list.";

    public static string JournalCheckInsHeading => "Check-ins";

    public static string JournalNoCheckIns => "No revealed check-ins yet.";

    public static string JournalWeeklyCheckIn => "Weekly check-in";

    /// <summary>The heading of a journal entry that is not from a named deck.</summary>
    public static string JournalRoundTitle(string kind) => kind switch
    {
        ExportedCheckIn.BowlKind => "From your bowl",
        ExportedCheckIn.CooldownKind => "After a cool-down",
        ExportedCheckIn.MemoryKind => "A first time",
        _ => JournalWeeklyCheckIn,
    };

    public static string JournalSkipped => "skipped";

    public static string JournalKeptPrivate => "kept to themselves";

    public static string JournalHeldUntil(string day) => $"held until {day}";

    public static string JournalWordsRemoved => "words removed";

    public static string JournalNotesHeading => "Love notes and capsules";

    public static string JournalNoNotes => "No notes or capsules delivered yet.";

    public static string JournalNoteHeading(string from, string to) => $"A note from {from} to {to}";

    public static string JournalCapsuleHeading(string from, string to, string written) =>
        $"A time capsule from {from} to {to}, sealed on {written}";

    public static string JournalBucketHeading => "Bucket list";

    public static string JournalQuizzesHeading => "Quizzes";

    public static string JournalMemoriesHeading => "Memories";

    public static string JournalMediaLabel(string kind) => kind switch
    {
        "voice" => "🎤 voice note",
        "photo" => "📷 photo",
        "video-note" => "🎥 video note",
        _ => "🎥 video",
    };

    public static string JournalNoWishes => "No wishes on the list yet.";

    public static string JournalWishOpen(string addedBy) => $"added by {addedBy}";

    public static string JournalWishDone(string addedBy, string done) => $"added by {addedBy}, done on {done}";
}
