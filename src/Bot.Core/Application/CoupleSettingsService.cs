using System.Globalization;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// /schedule, /timezone, /quiet and /home: how and where a couple's check-ins happen. Each partner has their own
/// zone (falling back to the couple's); the check-in runs on the couple's zone, which is the clock of whoever last
/// set the slot with /schedule, or set outright with /timezone couple ZONE.
/// </summary>
public sealed class CoupleSettingsService(
    ICoupleRepository couples, IPersonRepository persons, Messenger messenger, TimeProvider time)
{
    /// <summary>"/schedule sun 19:00", "/schedule off" or "on", "/schedule" alone to see it.</summary>
    public async Task ScheduleAsync(Conversation c, Couple couple, string? day, TimeOnly? at, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (day is null && at is null)
        {
            var upcoming = couple with
            {
                NextCheckInAt = ScheduleCalculator.FirstCheckInAfterPause(couple, time.GetUtcNow()),
            };
            await messenger.ReplyAsync(c, $"{name}, {Copy.ScheduleSummary(upcoming)}", ct).ConfigureAwait(false);
            return;
        }

        WeeklySchedule? schedule = (day, at) switch
        {
            ("off", null) => couple.Schedule with { IsEnabled = false },
            ("on", null) => couple.Schedule with { IsEnabled = true },
            ({ } d, { } t) when ScheduleParser.TryParseDay(d, out var weekday) => new WeeklySchedule(weekday, t, IsEnabled: true),
            _ => null,
        };
        if (schedule is null)
        {
            await messenger.ReplyAsync(c, Copy.ScheduleHelp(name), ct).ConfigureAwait(false);
            return;
        }

        // A new slot is read on the clock of whoever typed it; turning it off or on keeps the couple's zone.
        var zone = at is not null ? c.Me.ZoneIn(couple) : couple.TimeZone;
        var updated = couple with
        {
            TimeZone = zone,
            Schedule = schedule,
            NextCheckInAt = ScheduleCalculator.NextCheckIn(schedule, zone, time.GetUtcNow()),
            SlotIsDefault = couple.SlotIsDefault && at is null,
        };
        await SaveAndTellAsync(c, updated, Copy.ScheduleChanged(name, updated), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// "/timezone ZONE" sets your own zone; while your partner has none of their own, your shared check-in zone
    /// moves along (as before partners had their own). "/timezone couple ZONE" moves the check-ins outright.
    /// </summary>
    public async Task TimeZoneAsync(Conversation c, Couple couple, string? zone, bool forCouple, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var now = time.GetUtcNow();
        var partner = c.Partner!;
        if (zone is null)
        {
            await messenger.ReplyAsync(c, forCouple ? Copy.CoupleTimeZoneHelp(name) : Copy.TimeZoneCurrent(name, c.Me, partner, couple, now), ct)
                .ConfigureAwait(false);
            return;
        }

        if (!forCouple)
        {
            await persons.SaveTimeZoneAsync(c.Me.Id, zone, ct).ConfigureAwait(false);
        }

        if (!forCouple && partner.TimeZone is not null)
        {
            await messenger.ReplyAsync(c, $"{Copy.TimeZoneChanged(name, zone, now)} {Copy.CheckInStays(couple, zone)}", ct)
                .ConfigureAwait(false);
            return;
        }

        var updated = couple with
        {
            TimeZone = zone,
            NextCheckInAt = ScheduleCalculator.NextCheckIn(couple.Schedule, zone, now),
            // Named for the couple, it is both their clock; followed from one partner, it stays a guess for the other.
            TimeZoneIsGuess = !forCouple && couple.TimeZoneIsGuess,
        };
        // A partner without a zone of their own moves along; they hear how to keep their own clock.
        var toPartner = forCouple ? null : Copy.PartnerZoneMovedCheckIns(partner.DisplayName, name, zone, updated);
        await SaveAndTellAsync(c, updated, $"{Copy.TimeZoneChanged(name, zone, now)} {Copy.ScheduleSummary(updated)}", ct,
            toPartner).ConfigureAwait(false);
    }

    /// <summary>"/quiet 22:00-08:00", "/quiet off", "/quiet": your own quiet hours, on your clock.</summary>
    public async Task QuietAsync(
        Conversation c, Couple couple, TimeOnly? from, TimeOnly? until, bool off, bool on, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var zone = c.Me.ZoneIn(couple);
        if (off)
        {
            await persons.SaveQuietHoursAsync(c.Me.Id, null, ct).ConfigureAwait(false);
            await messenger.ReplyAsync(c, Copy.QuietOff(name), ct).ConfigureAwait(false);
            return;
        }

        if (!on && from is null && until is null)
        {
            await messenger.ReplyAsync(c, Copy.QuietCurrent(name, c.Me.QuietHours, zone), ct).ConfigureAwait(false);
            return;
        }

        var quiet = on ? QuietHours.Default
            : from is { } f && until is { } u && f != u ? new QuietHours(f, u)
            : null;
        if (quiet is null)
        {
            await messenger.ReplyAsync(c, Copy.QuietHelp(name), ct).ConfigureAwait(false);
            return;
        }

        await persons.SaveQuietHoursAsync(c.Me.Id, quiet, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.QuietSet(name, quiet, zone), ct).ConfigureAwait(false);
    }

    /// <summary>/pause 2w: no check-ins or nudges until then; the partner is told.</summary>
    public async Task PauseAsync(Conversation c, Couple couple, TimeSpan duration, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (duration < TimeSpan.FromDays(1) || duration > Rhythm.MaxPause)
        {
            await messenger.ReplyAsync(c, Copy.PauseHelp(name), ct).ConfigureAwait(false);
            return;
        }

        var until = time.GetUtcNow() + duration;
        var paused = couple with { PausedUntil = until };
        await couples.UpdateAsync(paused, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.Paused(name, paused, c.Me.ZoneIn(paused)), ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(c.Partner!, paused, Copy.PartnerPaused(c.Partner!.DisplayName, name, paused, c.Partner.ZoneIn(paused)), ct)
            .ConfigureAwait(false);
    }

    public async Task ResumeAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var now = time.GetUtcNow();
        if (!couple.IsPausedAt(now))
        {
            await messenger.ReplyAsync(c, Copy.NotPaused(name, couple), ct).ConfigureAwait(false);
            return;
        }

        var resumed = couple with
        {
            PausedUntil = null,
            NextCheckInAt = ScheduleCalculator.NextCheckIn(couple.Schedule, couple.TimeZone, now),
        };
        await couples.UpdateAsync(resumed, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.Resumed(name, resumed), ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(c.Partner!, resumed, Copy.PartnerResumed(c.Partner!.DisplayName, name, resumed), ct)
            .ConfigureAwait(false);
    }

    public async Task HomeAsync(Conversation c, Couple couple, bool off, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (off)
        {
            await couples.UpdateAsync(couple with { Home = null }, ct).ConfigureAwait(false);
            await messenger.ReplyAsync(c, Copy.HomeCleared(name), ct).ConfigureAwait(false);
            return;
        }

        if (c.IsPrivate)
        {
            await messenger.ReplyAsync(c, Copy.HomeHowTo(name), ct).ConfigureAwait(false);
            return;
        }

        if (c.IsInHome)
        {
            await messenger.ReplyAsync(c, Copy.HomeAlready(name), ct).ConfigureAwait(false);
            return;
        }

        // Reveals quote both partners, so a group becomes home only once the other partner confirms here.
        var confirm = new Choice(Copy.HomeConfirmLabel(c.Partner!.DisplayName),
            ButtonCatalog.Home.Encode(couple.Id, c.Me.Id));
        await messenger.ToChatAsync(c, Copy.HomeProposed(name, c.Partner.DisplayName), ct, Messenger.Row(confirm))
            .ConfigureAwait(false);
    }

    /// <summary>The partner's tap on "make this our home", pressed in the group itself.</summary>
    public async Task ConfirmHomeAsync(Conversation c, Couple couple, IReadOnlyList<string> parts, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var valid = parts.Count == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var coupleId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var proposerId)
            && coupleId == couple.Id && proposerId == c.Partner!.Id;
        if (c.IsPrivate || !valid)
        {
            await messenger.ReplyAsync(c, parts.Count == 2 && parts[1] == c.Me.Id.ToString(CultureInfo.InvariantCulture)
                ? Copy.HomeWaitingForPartner(name, c.Partner!.DisplayName)
                : Copy.StaleButton(name), ct).ConfigureAwait(false);
            return;
        }

        await couples.UpdateAsync(couple with { Home = c.Chat }, ct).ConfigureAwait(false);
        await messenger.ToChatAsync(c, Copy.HomeSet(c.Partner!.DisplayName, name), ct).ConfigureAwait(false);
    }

    private async Task SaveAndTellAsync(
        Conversation c, Couple updated, string reply, CancellationToken ct, string? toPartner = null)
    {
        await couples.UpdateAsync(updated, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, reply, ct).ConfigureAwait(false);
        if (c.Partner is { } partner)
        {
            await messenger.ToPartnerAsync(
                    partner, updated, toPartner ?? Copy.PartnerChangedSchedule(partner.DisplayName, c.Me.DisplayName, updated, partner.ZoneIn(updated)), ct)
                .ConfigureAwait(false);
        }
    }
}
