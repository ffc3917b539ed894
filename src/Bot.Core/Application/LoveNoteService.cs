using Bot.Core.Domain;
using Bot.Core.Ports;
using NodaTime;

namespace Bot.Core.Application;

/// <summary>
/// /note and /capsule: words for the partner, now, at a time on the partner's clock, or sealed until a day. Nothing
/// lands in the partner's quiet hours: it waits until they end.
/// </summary>
public sealed class LoveNoteService(
    ILoveNoteRepository notes, Messenger messenger, MediaService media, IRandomSource random, TimeProvider time)
{
    public const int MaxTextLength = 1000;
    public const int MaxPending = 50;

    /// <summary>A surprise lands within this many days, between <see cref="SurpriseFrom"/> and <see cref="SurpriseUntil"/>.</summary>
    public const int SurpriseDays = 3;

    public const int MaxCapsuleYears = 5;

    public static readonly LocalTime SurpriseFrom = new(10, 0);
    public static readonly LocalTime SurpriseUntil = new(20, 0);
    public static readonly LocalTime CapsuleOpensAt = new(9, 0);

    /// <summary>"/note TEXT", "/note TEXT at HH:MM" (the partner's clock) or "/note TEXT surprise".</summary>
    public async Task NoteAsync(Conversation c, Couple couple, string text, TimeOnly? at, bool surprise, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var partner = c.Partner!;
        var theirZone = partner.ZoneIn(couple);
        var myZone = c.Me.ZoneIn(couple);
        var now = time.GetUtcNow();
        DateTimeOffset? deliverAt = null;
        // A time picked wins over a surprise.
        surprise &= at is null;
        if (at is { } asked)
        {
            deliverAt = NextLocalTime(theirZone, new LocalTime(asked.Hour, asked.Minute), now);
        }
        else if (surprise)
        {
            deliverAt = SurpriseMoment(theirZone, now, random.Next, partner.QuietHours);
        }

        if (!await CheckTextAsync(c, text, Copy.NoteHelp(name), ct).ConfigureAwait(false))
        {
            return;
        }

        var (ok, kept) = await KeepMediaAsync(c, couple, ct).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        text = kept is null ? text : Copy.MediaLine(kept.Kind, text);
        var file = kept is null ? null : Messages.Attachment.Of(kept);

        if (deliverAt is null && couple.IsCoolingDownAt(now))
        {
            // Written during a cool-down: held, and delivered the moment the pause ends.
            var end = couple.CooldownUntil!.Value;
            await notes.AddAsync(new LoveNote(0, couple.Id, c.Me.Id, partner.Id, text, now, end, null, false) { MediaId = kept?.Id }, ct)
                .ConfigureAwait(false);
            await messenger.ReplyAsync(c, Copy.NoteHeldForCooldown(name, partner.DisplayName,
                TimeZones.FormatLocal(end, myZone)), ct).ConfigureAwait(false);
            return;
        }

        string? ForYou(DateTimeOffset at) => myZone == theirZone ? null : PersonalTime.ClockText(at, myZone);
        if (deliverAt is null)
        {
            await notes.AddAsync(new LoveNote(0, couple.Id, c.Me.Id, partner.Id, text, now, now, now, false) { MediaId = kept?.Id }, ct)
                .ConfigureAwait(false);
            var landsAt = await messenger.ToPersonWhenAwakeAsync(partner, couple, now,
                Copy.NoteDelivered(partner.DisplayName, name, text), ct, wordsOf: [c.Me.Id], attachment: file)
                .ConfigureAwait(false);
            await messenger.ReplyAsync(c, landsAt <= now
                ? Copy.NoteSent(name, partner.DisplayName)
                : Copy.NoteHeld(name, partner.DisplayName, PersonalTime.ClockText(now, theirZone),
                    PersonalTime.ClockText(landsAt, theirZone), ForYou(landsAt)), ct).ConfigureAwait(false);
            return;
        }

        var scheduled = new LoveNote(0, couple.Id, c.Me.Id, partner.Id, text, now, deliverAt.Value, null, false)
        {
            MediaId = kept?.Id,
        };
        await notes.AddAsync(scheduled, ct).ConfigureAwait(false);
        // The sweep holds it again should the partner's quiet hours change meanwhile; this says what it looks like now.
        var lands = PersonalTime.DeliverableAt(partner, couple, deliverAt.Value);
        var localText = TimeZones.FormatLocal(lands, theirZone);
        var reply = surprise
            ? Copy.NoteSurpriseScheduled(name, partner.DisplayName, localText, theirZone)
            : lands > deliverAt.Value
                ? Copy.NoteScheduledAfterQuiet(name, partner.DisplayName, ScheduleParser.TimeText(at!.Value), localText, theirZone)
                : Copy.NoteScheduled(name, partner.DisplayName, localText, theirZone);
        if (!surprise && myZone != theirZone)
        {
            reply += Copy.ForYou(PersonalTime.DayClockText(lands, myZone));
        }

        await messenger.ReplyAsync(c, reply, ct).ConfigureAwait(false);
    }

    /// <summary>"/capsule YYYY-MM-DD TEXT": sealed until 09:00 on that day on the partner's clock.</summary>
    public async Task CapsuleAsync(Conversation c, Couple couple, LocalDate date, string text, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var now = time.GetUtcNow();
        var partner = c.Partner!;
        var theirZone = partner.ZoneIn(couple);
        var zone = TimeZones.Get(theirZone);
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        if (date <= today || date > today.PlusYears(MaxCapsuleYears))
        {
            await messenger.ReplyAsync(c, date <= today
                ? Copy.CapsuleNotInFuture(name)
                : Copy.CapsuleTooFar(name, MaxCapsuleYears), ct).ConfigureAwait(false);
            return;
        }

        if (!await CheckTextAsync(c, text, Copy.CapsuleHelp(name), ct).ConfigureAwait(false))
        {
            return;
        }

        var (ok, kept) = await KeepMediaAsync(c, couple, ct).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        text = kept is null ? text : Copy.MediaLine(kept.Kind, text);

        var opensAt = date.At(CapsuleOpensAt).InZoneLeniently(zone).ToDateTimeOffset();
        await notes.AddAsync(new LoveNote(0, couple.Id, c.Me.Id, partner.Id, text, now, opensAt, null, true) { MediaId = kept?.Id }, ct)
            .ConfigureAwait(false);
        var day = TimeZones.FormatLocalDate(opensAt, theirZone);
        await messenger.ReplyAsync(c, Copy.CapsuleSealed(name, partner.DisplayName, day), ct).ConfigureAwait(false);
        await messenger.ToPersonWhenAwakeAsync(partner, couple, now, Copy.CapsuleWaiting(partner.DisplayName, name, day), ct)
            .ConfigureAwait(false);
    }

    /// <summary>The first <paramref name="at"/> on the zone's clock strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextLocalTime(string timeZone, LocalTime at, DateTimeOffset now)
    {
        var zone = TimeZones.Get(timeZone);
        var instant = Instant.FromDateTimeOffset(now);
        var today = instant.InZone(zone).Date;
        var candidate = today.At(at).InZoneLeniently(zone).ToInstant();
        if (candidate <= instant)
        {
            candidate = today.PlusDays(1).At(at).InZoneLeniently(zone).ToInstant();
        }

        return candidate.ToDateTimeOffset();
    }

    /// <summary>
    /// A moment in the daytime window (recipient-local) within the next <see cref="SurpriseDays"/> days and outside
    /// their quiet hours, chosen evenly over all such minutes; <paramref name="next"/> returns a number from 0 up to
    /// (not including) its argument. Quiet hours that cover the whole window are left to the delivery to respect.
    /// </summary>
    public static DateTimeOffset SurpriseMoment(
        string timeZone, DateTimeOffset now, Func<int, int> next, QuietHours? quiet = null)
    {
        ArgumentNullException.ThrowIfNull(next);
        var zone = TimeZones.Get(timeZone);
        var start = Instant.FromDateTimeOffset(now).Plus(Duration.FromMinutes(1));
        var end = Instant.FromDateTimeOffset(now).Plus(Duration.FromDays(SurpriseDays));
        var today = start.InZone(zone).Date;
        var windows = new List<(Instant From, int Minutes)>();
        for (var offset = 0; offset <= SurpriseDays; offset++)
        {
            var date = today.PlusDays(offset);
            var from = Max(start, date.At(SurpriseFrom).InZoneLeniently(zone).ToInstant());
            var until = Min(end, date.At(SurpriseUntil).InZoneLeniently(zone).ToInstant());
            var minutes = (int)(until - from).TotalMinutes;
            if (minutes > 0)
            {
                windows.Add((from, minutes));
            }
        }

        if (quiet is not null)
        {
            var awake = windows
                .SelectMany(w => Enumerable.Range(0, w.Minutes).Select(m => w.From.Plus(Duration.FromMinutes(m))))
                .Where(m => !quiet.Contains(PersonalTime.TimeOfDay(m.ToDateTimeOffset(), timeZone)))
                .ToList();
            if (awake.Count > 0)
            {
                return awake[next(awake.Count)].ToDateTimeOffset();
            }
        }

        var pick = next(windows.Sum(w => w.Minutes));
        foreach (var (from, minutes) in windows)
        {
            if (pick < minutes)
            {
                return from.Plus(Duration.FromMinutes(pick)).ToDateTimeOffset();
            }

            pick -= minutes;
        }

        throw new InvalidOperationException("Three days always hold some daytime.");
    }

    private async Task<bool> CheckTextAsync(Conversation c, string text, string help, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var reply = text.Length == 0 && c.Message.Media is null
            ? help
            : text.Length > MaxTextLength
                ? Copy.NoteTooLong(name, text.Length, MaxTextLength)
                : await notes.CountPendingFromAsync(c.Me.Id, ct).ConfigureAwait(false) >= MaxPending
                    ? Copy.NotesPendingFull(name, MaxPending)
                    : null;
        if (reply is null)
        {
            return true;
        }

        await messenger.ReplyAsync(c, reply, ct).ConfigureAwait(false);
        return false;
    }

    /// <summary>The media that came with the command, kept; false when it came but could not be (the person was told why).</summary>
    private async Task<(bool Ok, MediaItem? Kept)> KeepMediaAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        if (c.Message.Media is not { } file)
        {
            return (true, null);
        }

        var kept = await media.KeepAsync(c, couple, file, ct).ConfigureAwait(false);
        return (kept is not null, kept);
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
