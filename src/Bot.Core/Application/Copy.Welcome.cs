using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>Wording for the warm start after pairing: each partner's clock, quiet hours, the weekly slot.</summary>
public static partial class Copy
{
    public const string TypeMyCityLabel = "📍 Type my city";

    public const string AnotherSlotLabel = "✏️ Another time";

    public const string SuggestAnotherLabel = "Suggest another";

    public static string WelcomeAskZone(string name) =>
        $"{name}, where in the world are you? Your own clock decides when questions reach you, so nothing lands in the middle of your night. Tap your zone (the time there is on the button), or type your city.";

    public static string WelcomeTypeCity(string name) =>
        $"Type your city or time zone, {name}: for example Lisbon, Toronto, Singapore or America/Chicago.";

    public static string WelcomeZoneSet(string name, string zone, DateTimeOffset now) =>
        $"Got it, {name}: {zone}, where it's {PersonalTime.ClockText(now, zone)} now.";

    public static string WelcomeZoneAlready(string name, string zone, DateTimeOffset now) =>
        $"You're on {zone} already, {name} (it's {PersonalTime.ClockText(now, zone)} there). /timezone changes it any time.";

    /// <summary>The one line on quiet hours, under the buttons that change them.</summary>
    public static string WelcomeQuiet(QuietHours? quiet) => quiet is null
        ? "Your quiet hours are off: what your partner sends may reach you any time. A tap turns them on."
        : $"Quiet hours: from {PersonalTime.QuietText(quiet)} your time, what your partner or the schedule sends waits for your morning (replies to you never do). One tap changes them:";

    public static string QuietKeepLabel(QuietHours quiet) => $"✓ Keep {PersonalTime.QuietText(quiet)}";

    public const string QuietOffLabel = "No quiet hours";

    public static string WelcomeAskSlot(string name, string partner) =>
        $"Last step, {name}: when shall your weekly check-in be? Pick a moment that usually suits you both, on your clock; I'll ask {partner} to agree.";

    public static string WelcomeTypeSlot(string name) =>
        $"Type a day and a time, {name}: for example sun 19:00, wed 8pm or saturday 10:30 (your clock).";

    public static string SlotText(DayOfWeek day, TimeOnly time) => $"{day}s at {ScheduleParser.TimeText(time)}";

    public static string SlotLabel(DayOfWeek day, TimeOnly time) =>
        $"{day.ToString()[..3]} {ScheduleParser.TimeText(time)}";

    public static string SlotAcceptLabel(DayOfWeek day, TimeOnly time) => $"✓ {SlotLabel(day, time)} works";

    public static string SlotProposed(string name, string partner, string slot) =>
        $"Asked, {name}: I'll let you know when {partner} says yes to {slot} (or suggests another time).";

    public static string SlotProposal(string name, string proposer, string slot, string? yourClock) =>
        $"{name}, {proposer} suggests your weekly check-in on {slot}, {proposer}'s time{(yourClock is null ? "" : $" ({yourClock} for you)")}. Does that work for you?";

    public static string SlotAgreed(string name, string slot, string summary) =>
        $"It's a date, {name}: {slot} 💞 {summary}";

    public static string SlotAlreadyAgreed(string name, string summary) =>
        $"You've settled your slot already, {name}: {summary} /schedule changes it any time.";

    public static string SlotOwnProposal(string name, string partner) =>
        $"That one's for {partner} to answer, {name}; I've asked them.";

    public static string WelcomeSlotHelp(string name) =>
        $"I couldn't read a day and time in that, {name}. Try sun 19:00, wed 8pm or saturday 10:30.";

    public static string WelcomeStale(string name) =>
        $"That button is from an earlier pairing, {name}, so it changes nothing now. /timezone, /quiet and /schedule set things for you both today.";

    public static string WelcomeExpired(string name) =>
        $"That welcome button has had its day, {name}, so I left everything as it is. /timezone, /quiet and /schedule change your clock, your quiet hours and your check-in slot any time.";
}
