using System.Globalization;
using System.Text;
using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>Voice notes, photos and videos as answers and notes, and the photo journal (/memory, "on this day").</summary>
public static partial class Copy
{
    /// <summary>How kept media reads where words would stand (a reveal, /history, the export), with its caption.</summary>
    public static string MediaLine(MediaKind kind, string? caption)
    {
        var what = kind switch
        {
            MediaKind.Voice => "🎤 a voice note",
            MediaKind.Photo => "📷 a photo",
            MediaKind.VideoNote => "🎥 a video note",
            _ => "🎥 a video",
        };
        return string.IsNullOrWhiteSpace(caption) ? what : $"{what}: {caption.Trim()}";
    }

    private static string MediaNoun(MediaKind kind) => kind switch
    {
        MediaKind.Voice => "voice note",
        MediaKind.Photo => "photo",
        MediaKind.VideoNote => "video note",
        _ => "video",
    };

    public static string MediaRevealCaption(string author, int position, int questionCount) =>
        questionCount > 1 ? $"From {author}, for question {position}" : $"From {author}";

    public static string MediaTooLarge(string name, MediaKind kind, long size, long limit, string? where) =>
        $"That {MediaNoun(kind)} is {Megabytes(size)}, {name}, and I can pass on files up to {Megabytes(limit)}"
        + (where is null ? "" : $" {where}")
        + ". Could you send a shorter one (or write it in words)? Nothing was saved.";

    public static string MediaOnDiscord(string partner) => $"to Discord, where {partner} reads";

    public static string MediaOnTelegram(string partner) => $"as a photo to Telegram, where {partner} reads";

    public static string MediaNotFetched(string name, MediaKind kind) =>
        $"Sorry {name}, I couldn't fetch that {MediaNoun(kind)} just now. Could you send it again in a moment? Nothing was saved.";

    public static string MediaNothingToAnswer(string name) =>
        $"Lovely, {name} 💛 There's no open question right now, so I didn't keep it. To add it to your photo journal, send it with /memory as its caption (or reply to it with /memory).";

    public static string MediaNotForCommand(string name, string command) =>
        $"{name}, /{command} doesn't take a file, so I left the attachment out.";

    // The photo journal

    public static string MemoryHelp(string name) =>
        $"{name}, to add a moment to your journal, send a photo (or a voice note or video) with /memory as its caption, or reply to it with /memory. Add a line after /memory if you like, or send /memory followed by a few words.";

    public static string JournalLineTooLong(string name, int length, int max) =>
        $"That line is {length} characters, {name}, and a memory takes up to {max}. Could you shorten it a little?";

    public static string MemoryAdded(string name, string partner) =>
        $"It's in your journal now, {name} 📸 I've let {partner} know. /history shows your memories; /export keeps them with the photos.";

    public static string MemoryShared(string name, string author, string? text, MediaKind? kind) =>
        $"📸 {name}, {author} added a moment to your journal"
        + (kind is { } k ? $" ({MediaNoun(k)})" : "")
        + (text is null ? "." : $":\n“{text}”");

    public static string OnThisDay(string name, string author, int years, string? text, MediaKind? kind)
    {
        var ago = years == 1 ? "a year ago today" : $"{years} years ago today";
        return $"📅 On this day, {name}: {ago}, {author} added this to your journal"
            + (kind is { } k ? $" ({MediaNoun(k)})" : "")
            + (text is null ? "." : $":\n“{text}”");
    }

    public static string MemoryHistoryHeading => "📸 Your latest memories:";

    public static string MemoryHistoryLine(DateTimeOffset at, string timeZone, string author, string? text, MediaKind? kind)
    {
        var line = new StringBuilder();
        line.Append("• ").Append(TimeZones.FormatLocalDate(at, timeZone)).Append(", ").Append(author).Append(": ");
        line.Append(kind is { } k ? MediaLine(k, text) : text ?? "");
        return line.ToString();
    }

    private static string Megabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024d):0.#} MB");
}
