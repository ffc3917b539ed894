using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// The platforms' size limits for media, as the bot meets them: what it may fetch, and what each platform takes
/// as an upload from a bot.
/// </summary>
public static class MediaLimits
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>Telegram lets a bot download files up to 20 MB (getFile); the bot keeps nothing larger.</summary>
    public const long MaxKeptBytes = 20 * Megabyte;

    /// <summary>Discord's default limit per uploaded file (servers with boosts allow more; DMs do not).</summary>
    public const long DiscordUploadBytes = 10 * Megabyte;

    /// <summary>Telegram takes photos up to 10 MB from a bot; other files up to 50 MB.</summary>
    public const long TelegramPhotoBytes = 10 * Megabyte;

    /// <summary>The largest file of this kind that may go to a chat on <paramref name="platform"/>.</summary>
    public static long UploadLimit(Platform platform, MediaKind kind) => platform switch
    {
        Platform.Discord => DiscordUploadBytes,
        Platform.Telegram when kind == MediaKind.Photo => TelegramPhotoBytes,
        _ => MaxKeptBytes,
    };
}

/// <summary>
/// Takes media someone sent in place of words: checks it fits every platform it must reach, keeps it (encrypted,
/// with its bytes) and turns kept media into an attachment again when it is shown.
/// </summary>
public sealed class MediaService(IMediaRepository media, Messenger messenger, TimeProvider time)
{
    /// <summary>
    /// Keeps the media that came with the message for this couple, or tells the person kindly why not (too large for
    /// a platform the couple reads on, or it could not be fetched) and returns null.
    /// </summary>
    public async Task<MediaItem?> KeepAsync(Conversation c, Couple couple, InboundMedia inbound, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(couple);
        ArgumentNullException.ThrowIfNull(inbound);
        var name = c.Me.DisplayName;
        var size = inbound.Content?.Length ?? inbound.Size ?? 0;
        if (TooLarge(c, couple, inbound, size) is { } problem)
        {
            await messenger.ReplyAsync(c, Copy.MediaTooLarge(name, inbound.Kind, size, problem.Limit, problem.Where), ct)
                .ConfigureAwait(false);
            return null;
        }

        if (inbound.Content is not { } content)
        {
            await messenger.ReplyAsync(c, inbound.TooLargeToFetch
                ? Copy.MediaTooLarge(name, inbound.Kind, Math.Max(size, MediaLimits.MaxKeptBytes + 1), MediaLimits.MaxKeptBytes, null)
                : Copy.MediaNotFetched(name, inbound.Kind), ct).ConfigureAwait(false);
            return null;
        }

        var item = new MediaItem(0, couple.Id, c.Me.Id, inbound.Kind, inbound.Source,
            inbound.ContentType ?? DefaultContentType(inbound.Kind), time.GetUtcNow(), content);
        var id = await media.AddAsync(item, ct).ConfigureAwait(false);
        return item with { Id = id };
    }

    /// <summary>The kept media as an attachment, or null when it is gone (its author used /forget).</summary>
    public async Task<Attachment?> AttachmentAsync(long? mediaId, CancellationToken ct) =>
        mediaId is { } id && await media.GetAsync(id, ct).ConfigureAwait(false) is { } item ? Attachment.Of(item) : null;

    public Task<MediaItem?> GetAsync(long? mediaId, CancellationToken ct) =>
        mediaId is { } id ? media.GetAsync(id, ct) : Task.FromResult<MediaItem?>(null);

    /// <summary>The first limit the file breaks among the platforms it must reach: the sender's, the partner's, the home's.</summary>
    private static (long Limit, string? Where)? TooLarge(Conversation c, Couple couple, InboundMedia media, long size)
    {
        var kind = media.Kind;
        if (size > MediaLimits.MaxKeptBytes)
        {
            return (MediaLimits.MaxKeptBytes, null);
        }

        var partner = c.Partner;
        var places = new List<(Platform Platform, string? Where)>();
        if (c.Me.PrivateChat is { } mine)
        {
            places.Add((mine.Platform, null));
        }

        if (partner?.PrivateChat is { } theirs)
        {
            places.Add((theirs.Platform, theirs.Platform == Platform.Discord
                ? Copy.MediaOnDiscord(partner.DisplayName)
                : Copy.MediaOnTelegram(partner.DisplayName)));
        }

        if (couple.Home is { } home)
        {
            places.Add((home.Platform, null));
        }

        // The partner's platform first: that is the limit worth naming.
        places.Reverse();
        foreach (var (platform, where) in places)
        {
            if (platform == Platform.Telegram && media.Source.Platform == Platform.Telegram)
            {
                continue; // Resent by its file_id: no upload, so no upload limit.
            }

            var limit = MediaLimits.UploadLimit(platform, kind);
            if (size > limit)
            {
                return (limit, where);
            }
        }

        return null;
    }

    private static string DefaultContentType(MediaKind kind) => kind switch
    {
        MediaKind.Voice => "audio/ogg",
        MediaKind.Photo => "image/jpeg",
        _ => "video/mp4",
    };
}
