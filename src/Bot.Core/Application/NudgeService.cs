using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// /nudge: one warm, pre-written line for the partner, at most once per calendar day on the sender's clock, landing
/// outside the partner's quiet hours; never while the couple is paused.
/// </summary>
public sealed class NudgeService(IPersonRepository persons, Messenger messenger, TimeProvider time)
{
    public async Task NudgeAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var me = c.Me;
        var partner = c.Partner!;
        var now = time.GetUtcNow();
        if (couple.IsPausedAt(now))
        {
            await messenger.ReplyAsync(c, Copy.NudgePaused(me.DisplayName, partner.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        var myZone = me.ZoneIn(couple);
        if ((me.LastNudgeAt is { } last && PersonalTime.IsSameLocalDay(last, now, myZone))
            || !await persons.TryMarkNudgedAsync(me.Id, me.LastNudgeAt, now, ct).ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.NudgeUsedToday(me.DisplayName, partner.DisplayName), ct)
                .ConfigureAwait(false);
            return;
        }

        // The line rotates by day, so a partner who is nudged often hears something new.
        var line = (int)(now.ToUnixTimeMilliseconds() / (long)TimeSpan.FromDays(1).TotalMilliseconds % Copy.NudgeLines.Count);
        var landsAt = await messenger.ToPersonWhenAwakeAsync(
            partner, couple, now, Copy.Nudge(partner.DisplayName, me.DisplayName, line), ct).ConfigureAwait(false);
        var theirZone = partner.ZoneIn(couple);
        await messenger.ReplyAsync(c, landsAt <= now
            ? Copy.NudgeSent(me.DisplayName, partner.DisplayName)
            : Copy.NudgeHeld(me.DisplayName, partner.DisplayName, PersonalTime.ClockText(now, theirZone),
                PersonalTime.ClockText(landsAt, theirZone),
                theirZone == myZone ? null : PersonalTime.ClockText(landsAt, myZone)), ct).ConfigureAwait(false);
    }
}
