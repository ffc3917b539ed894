using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/schedule, /timezone and /home: how and where a couple's check-ins happen.</summary>
public sealed class CoupleSettingsService(ICoupleRepository couples, Messenger messenger, TimeProvider time)
{
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

        await couples.UpdateAsync(couple with { Home = c.Chat }, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.HomeSet(name, c.Partner!.DisplayName), ct).ConfigureAwait(false);
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
