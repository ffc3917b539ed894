using System.Globalization;
using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>Wording for each partner's own clock: time zones, quiet hours and /nudge.</summary>
public static partial class Copy
{
    /// <summary>The warm lines /nudge rotates through, by day; {0} is the recipient, {1} the sender.</summary>
    public static IReadOnlyList<string> NudgeLines { get; } =
    [
        "{0}, {1} is thinking of you 💛",
        "A little hug from {1}, {0}, just because 🤗",
        "{0}, {1} wanted you to know they're glad you're in their life 💞",
        "{1} is sending a warm smile your way, {0} 😊",
        "Somewhere out there, {1} is thinking about you right now, {0} 💭💛",
    ];

    public static string Nudge(string name, string from, int index) =>
        string.Format(CultureInfo.InvariantCulture, NudgeLines[index % NudgeLines.Count], name, from);

    public static string NudgeSent(string name, string partner) =>
        $"Sent, {name}! {partner} will see your nudge in a moment 💛";

    public static string NudgeHeld(string name, string partner, string partnerNow, string landsTheirTime, string? landsYourTime) =>
        $"It's {partnerNow} for {partner}, so your nudge will reach them at {landsTheirTime} their time{YourTime(landsYourTime)}, once their quiet hours end. Sent with love, {name} 💛";

    public static string NudgeUsedToday(string name, string partner) =>
        $"You've already nudged {partner} today, {name} 💛 One a day keeps it special; your next one is ready tomorrow (from midnight your time).";

    public static string NudgePaused(string name, string partner) =>
        $"Your check-ins are paused, {name}, so nudges are resting too. /resume brings them back, or simply write to {partner} yourself 💛";

    public static string NoteHeld(string name, string partner, string partnerNow, string landsTheirTime, string? landsYourTime) =>
        $"It's {partnerNow} for {partner}, so your note will reach them at {landsTheirTime} their time{YourTime(landsYourTime)}, when their quiet hours end 💌";

    public static string NoteScheduledAfterQuiet(string name, string partner, string asked, string localTime, string timeZone) =>
        $"Got it, {name}. {asked} is in {partner}'s quiet hours, so your note will reach them on {localTime}, their time ({timeZone}) 💌";

    public static string PartnerQuestionWaits(string name, string partner, string partnerNow, string landsTheirTime) =>
        $"{name}, it's {partnerNow} for {partner}, so their question will reach them at {landsTheirTime} their time, when their quiet hours end 🌙";

    /// <summary>Added to a scheduled note's confirmation when the sender's clock reads differently.</summary>
    public static string ForYou(string dayClock) => $" That's {dayClock} for you.";

    public static string TimeZoneCurrent(string name, Person me, Person partner, Couple couple, DateTimeOffset now)
    {
        var mine = me.ZoneIn(couple);
        var theirs = partner.ZoneIn(couple);
        var text = $"{name}, your time zone is {mine} (it's {PersonalTime.ClockText(now, mine)}).";
        if (theirs != mine)
        {
            text += $" {partner.DisplayName}'s is {theirs} ({PersonalTime.ClockText(now, theirs)} there).";
        }

        return text + $" Your check-ins run on {couple.TimeZone} time. To change yours, send /timezone and a zone like Europe/Berlin or America/New_York (a city name often works too); /timezone couple ZONE moves your check-ins.";
    }

    public static string TimeZoneChanged(string name, string zone, DateTimeOffset now) =>
        $"Done, {name}: it's {TimeZones.FormatLocal(now, zone)} in {zone}.";

    public static string CheckInStays(Couple couple, string myZone) =>
        couple.NextCheckInAt is { } next
            ? $"Your check-ins stay on {couple.TimeZone} time; the next one is {PersonalTime.DayClockText(next, myZone)} for you. /timezone couple {myZone} moves them to your clock."
            : $"Your check-ins stay on {couple.TimeZone} time.";

    public static string CoupleTimeZoneHelp(string name) =>
        $"{name}, add the zone your check-ins should run on, like /timezone couple Europe/Berlin.";

    public static string QuietCurrent(string name, QuietHours? quiet, string zone) => quiet is null
        ? $"{name}, your quiet hours are off, so nudges, notes and reminders may reach you any time. /quiet 22:00-08:00 turns them on."
        : $"{name}, your quiet hours are {PersonalTime.QuietText(quiet)}, your time ({zone}): nudges, notes and reminders wait until they end. Change them with /quiet 23:00-07:00, or /quiet off.";

    public static string QuietSet(string name, QuietHours quiet, string zone) =>
        $"Done, {name}: your quiet hours are {PersonalTime.QuietText(quiet)}, your time ({zone}). Nudges, notes and reminders wait until they end 🌙";

    public static string QuietOff(string name) =>
        $"Okay {name}, quiet hours are off: nudges, notes and reminders may reach you any time. /quiet 22:00-08:00 brings them back.";

    public static string QuietHelp(string name) =>
        $"I couldn't read that, {name}. Try /quiet 22:00-08:00 (from and until, like 22:00 or 10pm; it may cross midnight), /quiet off, or just /quiet to see yours.";

    /// <summary>Status lines: each partner's clock (one line when they share a zone) and quiet hours.</summary>
    public static string StatusClocks(Person me, Person partner, Couple couple, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(partner);
        var mine = me.ZoneIn(couple);
        var theirs = partner.ZoneIn(couple);
        var clocks = mine == theirs
            ? $"Time zone: {mine} (it's {TimeZones.FormatLocal(now, mine)}).\n"
            : $"Your time: {mine} (it's {TimeZones.FormatLocal(now, mine)}). {partner.DisplayName}'s: {theirs} (it's {PersonalTime.ClockText(now, theirs)} there).\n";
        return clocks + $"Quiet hours: yours {QuietOrOff(me, couple)}, {partner.DisplayName}'s {QuietOrOff(partner, couple)}.\n";
    }

    /// <summary>"That's Sunday 13:00 for Sam." when a partner's clock differs from the check-in zone.</summary>
    public static string CheckInForEach(Person me, Person partner, Couple couple)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(couple);
        if (couple.NextCheckInAt is not { } next)
        {
            return "";
        }

        var parts = new List<string>();
        if (me.ZoneIn(couple) != couple.TimeZone)
        {
            parts.Add($"{PersonalTime.DayClockText(next, me.ZoneIn(couple))} for you");
        }

        if (partner.ZoneIn(couple) != couple.TimeZone)
        {
            parts.Add($"{PersonalTime.DayClockText(next, partner.ZoneIn(couple))} for {partner.DisplayName}");
        }

        return parts.Count == 0 ? "" : $"That's {string.Join(" and ", parts)}.\n";
    }

    private static string QuietOrOff(Person person, Couple couple) =>
        person.QuietHours is not { } quiet ? "off"
        : person.KnownZoneIn(couple) is null ? $"{PersonalTime.QuietText(quiet)} (in use once a time zone is set)"
        : PersonalTime.QuietText(quiet);

    private static string YourTime(string? clock) => clock is null ? "" : $" ({clock} yours)";
}
