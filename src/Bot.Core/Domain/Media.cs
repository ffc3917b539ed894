namespace Bot.Core.Domain;

/// <summary>What kind of media someone sent in place of typed words.</summary>
public enum MediaKind
{
    /// <summary>A recorded voice message.</summary>
    Voice = 1,

    Photo = 2,

    /// <summary>A short round video (Telegram's video note).</summary>
    VideoNote = 3,

    /// <summary>A short video clip.</summary>
    Video = 4,
}

/// <summary>
/// Where a platform keeps a file: Telegram's file_id (durable, resent without uploading again), or a Discord
/// attachment's id and its CDN address (which expires, so the bytes are fetched when it arrives).
/// </summary>
public sealed record MediaSource(Platform Platform, string FileId, string? Url = null);

/// <summary>A photo, voice note or video that came with a message, as the platform described it.</summary>
/// <param name="Size">Size in bytes when the platform said; checked against the limits before anything is fetched.</param>
/// <param name="ContentType">MIME type when the platform said, e.g. <c>audio/ogg</c>.</param>
public sealed record InboundMedia(MediaKind Kind, MediaSource Source, long? Size, string? ContentType)
{
    /// <summary>The file's bytes, fetched by the host before the core sees the message; null when they could not be.</summary>
    public ReadOnlyMemory<byte>? Content { get; init; }

    /// <summary>Why the bytes are missing: the file was larger than the platform lets a bot fetch.</summary>
    public bool TooLargeToFetch { get; init; }
}

/// <summary>
/// Media a partner gave (an answer, a note, a memory), kept encrypted with its bytes so it can be shown on the other
/// platform and exported; deleted with the person's words.
/// </summary>
/// <param name="Id">Zero until stored.</param>
public sealed record MediaItem(
    long Id,
    long CoupleId,
    long PersonId,
    MediaKind Kind,
    MediaSource Source,
    string ContentType,
    DateTimeOffset CreatedAt,
    ReadOnlyMemory<byte> Content)
{
    /// <summary>A file name for uploads and the export, e.g. <c>media-12.ogg</c>.</summary>
    public string FileName => $"media-{Id}{Extension}";

    private string Extension => ContentType switch
    {
        "audio/ogg" or "audio/opus" => ".ogg",
        "audio/mpeg" => ".mp3",
        "audio/mp4" or "audio/m4a" or "audio/x-m4a" => ".m4a",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "video/webm" => ".webm",
        "video/quicktime" => ".mov",
        _ => Kind switch
        {
            MediaKind.Voice => ".ogg",
            MediaKind.Photo => ".jpg",
            _ => ".mp4",
        },
    };
}

/// <summary>A moment in the couple's photo journal: a photo (or voice note, or video) and an optional line of text.</summary>
/// <param name="Id">Zero until stored.</param>
/// <param name="Text">The line that goes with it; null when there is none.</param>
/// <param name="MediaId">The kept media; null for a memory of words only.</param>
/// <param name="NextRecallAfter">Not before this instant is the memory looked at for its next "on this day".</param>
public sealed record Memory(
    long Id,
    long CoupleId,
    long AuthorId,
    string? Text,
    long? MediaId,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextRecallAfter)
{
    /// <summary>What the kept media is, so lists can say it without reading the file.</summary>
    public MediaKind? MediaKind { get; init; }
}
