using System.Globalization;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/schedule, /timezone and /home: how and where a couple's check-ins happen.</summary>
public sealed class CoupleSettingsService(ICoupleRepository couples, Messenger messenger, TimeProvider time)
{
    private const string HomePrefix = "home:";

    public async Task ScheduleAsync(Conversation c, Couple couple, string arguments, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        WeeklySchedule? schedule = words switch
        {
            [] => null,
            [var word] when word.Equals("off", StringComparison.OrdinalIgnoreCase) => couple.Schedule with { IsEnabled = false },
            [var word] when word.Equals("on", StringComparison.OrdinalIgnoreCase) => couple.Schedule with { IsEnabled = true },
            [var day, var clock] when ScheduleParser.TryParseDay(day, out var d) && ScheduleParser.TryParseTime(clock, out var t)
                => new WeeklySchedule(d, t, IsEnabled: true),
            _ => null,
        };

        if (words.Length == 0)
        {
            await messenger.ReplyAsync(c, $"{name}, {Copy.ScheduleSummary(couple)}", ct).ConfigureAwait(false);
            return;
        }

        if (schedule is null)
        {
            await messenger.ReplyAsync(c, Copy.ScheduleHelp(name), ct).ConfigureAwait(false);
            return;
        }

        var updated = couple with
        {
            Schedule = schedule,
            NextCheckInAt = ScheduleCalculator.NextCheckIn(schedule, couple.TimeZone, time.GetUtcNow()),
        };
        await SaveAndTellAsync(c, updated, Copy.ScheduleChanged(name, updated), ct).ConfigureAwait(false);
    }

    public async Task TimeZoneAsync(Conversation c, Couple couple, string arguments, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (string.IsNullOrWhiteSpace(arguments))
        {
            await messenger.ReplyAsync(c, Copy.TimeZoneCurrent(name, couple), ct).ConfigureAwait(false);
            return;
        }

        var zone = TimeZones.Resolve(arguments, out var suggestions);
        if (zone is null)
        {
            var shown = arguments.Trim();
            shown = shown.Length > 40 ? shown[..40] + "…" : shown;
            await messenger.ReplyAsync(c, Copy.TimeZoneUnknown(name, shown, suggestions), ct).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        var updated = couple with
        {
            TimeZone = zone,
            NextCheckInAt = ScheduleCalculator.NextCheckIn(couple.Schedule, zone, now),
        };
        await SaveAndTellAsync(c, updated, Copy.TimeZoneChanged(name, updated, now), ct).ConfigureAwait(false);
    }

    /// <summary>/pause 2w: no check-ins or nudges until then; the partner is told.</summary>
    public async Task PauseAsync(Conversation c, Couple couple, string arguments, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (!Rhythm.TryParsePause(arguments, out var duration))
        {
            await messenger.ReplyAsync(c, Copy.PauseHelp(name), ct).ConfigureAwait(false);
            return;
        }

        var until = time.GetUtcNow() + duration;
        var paused = couple with { PausedUntil = until };
        await couples.UpdateAsync(paused, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.Paused(name, paused), ct).ConfigureAwait(false);
        await messenger.ToPersonAsync(c.Partner!, Copy.PartnerPaused(c.Partner!.DisplayName, name, paused), ct)
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
        await messenger.ToPersonAsync(c.Partner!, Copy.PartnerResumed(c.Partner!.DisplayName, name, resumed), ct)
            .ConfigureAwait(false);
    }

    public async Task HomeAsync(Conversation c, Couple couple, string arguments, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (arguments.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
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
            string.Create(CultureInfo.InvariantCulture, $"{HomePrefix}{couple.Id}:{c.Me.Id}"));
        await messenger.ToChatAsync(c, Copy.HomeProposed(name, c.Partner.DisplayName), ct, Messenger.Row(confirm))
            .ConfigureAwait(false);
    }

    public static bool IsHomePayload(string payload) => payload.StartsWith(HomePrefix, StringComparison.Ordinal);

    /// <summary>The partner's tap on "make this our home", pressed in the group itself.</summary>
    public async Task ConfirmHomeAsync(Conversation c, Couple couple, string payload, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var parts = payload[HomePrefix.Length..].Split(':');
        var valid = parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var coupleId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var proposerId)
            && coupleId == couple.Id && proposerId == c.Partner!.Id;
        if (c.IsPrivate || !valid)
        {
            await messenger.ReplyAsync(c, parts.Length == 2 && parts[1] == c.Me.Id.ToString(CultureInfo.InvariantCulture)
                ? Copy.HomeWaitingForPartner(name, c.Partner!.DisplayName)
                : Copy.StaleButton(name), ct).ConfigureAwait(false);
            return;
        }

        await couples.UpdateAsync(couple with { Home = c.Chat }, ct).ConfigureAwait(false);
        await messenger.ToChatAsync(c, Copy.HomeSet(c.Partner!.DisplayName, name), ct).ConfigureAwait(false);
    }

    private async Task SaveAndTellAsync(Conversation c, Couple updated, string reply, CancellationToken ct)
    {
        await couples.UpdateAsync(updated, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, reply, ct).ConfigureAwait(false);
        if (c.Partner is { } partner)
        {
            await messenger.ToPersonAsync(partner, Copy.PartnerChangedSchedule(partner.DisplayName, c.Me.DisplayName, updated), ct)
                .ConfigureAwait(false);
        }
    }
}
