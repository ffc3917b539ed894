namespace Bot.Core.Application;

/// <summary>Wording of the monthly "first time" and its memory round.</summary>
public static partial class Copy
{
    public static string FirstTimeTryLabel => "We'll try it";

    public static string FirstTimeAnotherLabel => "Another idea";

    public static string FirstTimeNotThisMonthLabel => "Not this month";

    public static string FirstTimeDidItLabel => "We did it!";

    public static string FirstTimeNotYetLabel => "Not yet";

    public static string FirstTimeProposal(string a, string b, string idea, bool fromBucketList) =>
        fromBucketList
            ? $"✨ {a} and {b}, this month's first time, straight from your bucket list:\n\n{idea}\n\nFancy it?"
            : $"✨ {a} and {b}, how about a first time this month? Something new for you both:\n\n{idea}\n\nFancy it?";

    public static string FirstTimeAccepted(string name, string idea) =>
        $"{name} is in! 🎉 {idea}\n\nI'll check back in a week. Whenever you've done it, /firsttime done and I'll ask you each for a one-line memory.";

    public static string FirstTimeDeclined(string name) =>
        $"No first time this month, {name} decided, and that's fine 🌙 I'll come back with a new idea next month.";

    public static string FirstTimeFollowUp(string a, string b, string idea) =>
        $"{a} and {b}, did you get to try it? {idea}";

    public static string FirstTimeNotYet(string name) =>
        $"No rush, {name}. Whenever you've done it, /firsttime done (or the button) and I'll ask for your memories.";

    public static string FirstTimeAlreadyDecided(string name) =>
        $"That one's already decided, {name}. /firsttime shows where things stand.";

    public static string FirstTimeNothingToRemember(string name) =>
        $"{name}, there's no first time waiting for a memory. /firsttime shows this month's idea.";

    public static string FirstTimeFinishOpenFirst(string name) =>
        $"{name}, let's finish the question that's open first (/status shows it); then tap \"We did it!\" again or send /firsttime done.";

    public static string FirstTimeHelp(string name) =>
        $"{name}, /firsttime shows this month's first-time idea (or brings one now), and /firsttime done asks you both for a one-line memory once you've tried it.";

    public static string FirstTimeCurrent(string name, string idea, bool accepted) =>
        accepted
            ? $"{name}, you said you'd try this one: {idea}\n\nDone it? Tap below."
            : $"{name}, this month's first-time idea: {idea}";

    public static string FirstTimeFromBucketList => "one of your bucket-list wishes";

    public static string MemoryQuestion(string? idea) =>
        idea is null
            ? "Your first time together, in one line: what do you want to remember?"
            : $"Your first time together ({idea}), in one line: what do you want to remember?";

    public static string MemoryRoundOpened(string name, string partner) =>
        $"A first time, done together 🎉 {name}, one line for your journal. {partner} sees it once you've both written yours.";

    public static string HomeMemoryRoundStarted(string a, string b) =>
        $"{a} and {b}, a first time done! 🎉 A one-line memory question is waiting in your private chats.";

    public static string MemoryTooLong(string name, int length, int max) =>
        $"That's {length} characters, {name}; a memory here is one line, up to {max}. Could you keep the heart of it?";
}
