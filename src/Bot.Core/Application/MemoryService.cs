using Bot.Core.Domain;
using Bot.Core.Ports;
using NodaTime;

namespace Bot.Core.Application;

/// <summary>
/// The couple's photo journal: /memory adds a moment (a photo, voice note or video, and an optional line), and
/// on its day a year later it comes back to both.
/// </summary>
public sealed class MemoryService(
    IMemoryRepository memories, MediaService media, Messenger messenger, TimeProvider time)
{
    public const int MaxTextLength = 500;

    /// <summary>"On this day" arrives at this hour on each partner's own clock (or when their quiet hours end).</summary>
    public static readonly LocalTime RecallAt = new(10, 0);

    /// <summary>"/memory [TEXT]", with a photo, voice note or video as the message it came with, or words alone.</summary>
    public async Task AddAsync(Conversation c, Couple couple, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(couple);
        var name = c.Me.DisplayName;
        var line = text.Trim();
        if (line.Length == 0 && c.Message.Media is null)
        {
            await messenger.ReplyAsync(c, Copy.MemoryHelp(name), ct).ConfigureAwait(false);
            return;
        }

        if (line.Length > MaxTextLength)
        {
            await messenger.ReplyAsync(c, Copy.JournalLineTooLong(name, line.Length, MaxTextLength), ct).ConfigureAwait(false);
            return;
        }

        MediaItem? kept = null;
        if (c.Message.Media is { } file
            && (kept = await media.KeepAsync(c, couple, file, ct).ConfigureAwait(false)) is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        await memories.AddAsync(new Memory(0, couple.Id, c.Me.Id, line.Length == 0 ? null : line, kept?.Id, now,
            FirstLook(now))
        {
            MediaKind = kept?.Kind,
        }, ct).ConfigureAwait(false);
        var partner = c.Partner!;
        await messenger.ReplyAsync(c, Copy.MemoryAdded(name, partner.DisplayName), ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(partner, couple,
            Copy.MemoryShared(partner.DisplayName, name, line.Length == 0 ? null : line, kept?.Kind), ct,
            wordsOf: [c.Me.Id], attachment: kept is null ? null : Messages.Attachment.Of(kept)).ConfigureAwait(false);
    }

    /// <summary>The latest memories, newest first, for /history and /export.</summary>
    public Task<IReadOnlyList<Memory>> ListAsync(long coupleId, int limit, CancellationToken ct) =>
        memories.ListAsync(coupleId, limit, ct);

    /// <summary>
    /// When each partner hears of the memory on its day <paramref name="years"/> later: <see cref="RecallAt"/> on
    /// their own clock, its day being the day it was added on the couple's clock (29 February falls back to the
    /// 28th in other years).
    /// </summary>
    public static DateTimeOffset RecallInstant(Memory memory, int years, string coupleZone, string personZone)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var day = Instant.FromDateTimeOffset(memory.CreatedAt).InZone(TimeZones.Get(coupleZone)).Date.PlusYears(years);
        return day.At(RecallAt).InZoneLeniently(TimeZones.Get(personZone)).ToDateTimeOffset();
    }

    /// <summary>
    /// The earliest a memory's anniversary can fall anywhere on Earth, with room to spare: the sweep looks then and
    /// works out each partner's own hour.
    /// </summary>
    public static DateTimeOffset FirstLook(DateTimeOffset createdAt) => createdAt.AddYears(1).AddDays(-2);

    /// <summary>Whole years between the day a memory was added and the anniversary its look falls in.</summary>
    public static int YearsAt(Memory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var years = 1;
        while (FirstLook(memory.CreatedAt.AddYears(years)) <= memory.NextRecallAfter)
        {
            years++;
        }

        return years;
    }
}
