namespace Bot.Core.Application;

/// <summary>Wording of /cooldown and the come-back round.</summary>
public static partial class Copy
{
    public static IReadOnlyList<string> CooldownQuestions { get; } =
    [
        "What did you feel when things got tense? Just your side, no verdicts.",
        "What did you need in that moment, from me or from the situation?",
        "One small request for how we go on from here?",
    ];

    public static string CooldownHelp(string name) =>
        $"{name}, take a breather like this: /cooldown 30m, or /cooldown 90m money talk to name what it's about. Anything from 10 minutes to 24 hours. When the time is up, I'll ask you both a few quiet questions.";

    public static string CooldownBadDuration(string name, string typed) =>
        $"I couldn't read \"{typed}\" as a length, {name}. Use minutes or hours, like /cooldown 30m or /cooldown 2h.";

    public static string CooldownTooShort(string name) =>
        $"{name}, let's give it at least 10 minutes: try /cooldown 10m or longer.";

    public static string CooldownTooLong(string name) =>
        $"{name}, a cool-down can last up to 24 hours, so it doesn't drift into silence. Try /cooldown 24h or less.";

    public static string CooldownTopicTooLong(string name, int max) =>
        $"{name}, a few words for the topic are plenty (up to {max} characters).";

    public static string CooldownStarted(string name, string partner, string endLocal) =>
        $"Okay {name}, let's take a breath 🌿 I've let {partner} know, gently. Until {endLocal} I'll keep playful prompts away. Then I'll ask you both, privately, what you felt, what you needed and one request. /cooldown end comes back sooner.";

    public static string PartnerCooldown(string name, string partner, string endLocal, string? topic) =>
        topic is null
            ? $"{name}, {partner} asked for a little pause to cool down 🌿 Nothing is wrong with taking one. Until {endLocal} I'll keep things quiet; then I'll ask you both a few private questions so you can come back to each other."
            : $"{name}, {partner} asked for a little pause to cool down about \"{topic}\" 🌿 Nothing is wrong with taking one. Until {endLocal} I'll keep things quiet; then I'll ask you both a few private questions so you can come back to each other.";

    public static string CooldownRunning(string name, string endLocal, string asker, string? topic) =>
        topic is null
            ? $"{name}, you're cooling down until {endLocal} ({asker} asked for it). /cooldown end comes back sooner."
            : $"{name}, you're cooling down about \"{topic}\" until {endLocal} ({asker} asked for it). /cooldown end comes back sooner.";

    public static string CooldownAlreadyRunning(string name, string endLocal) =>
        $"{name}, a cool-down is already running until {endLocal}. Let it run its course, or /cooldown end to come back now.";

    public static string NoCooldown(string name) =>
        $"No cool-down is running, {name}. {CooldownHelp(name)}";

    public static string CooldownEndedEarly(string name, string partner) =>
        $"{name}, {partner} feels ready to come back a little early 💛";

    public static string CooldownEndedByYou(string name) =>
        $"Okay {name}, the pause is over. Your questions are waiting in your private chat.";

    public static string CooldownWaitToPlay(string name, string endLocal) =>
        $"Let's wait until the cool-down ends, {name} (at {endLocal}). Playful questions will be here after you've come back to each other 🌿";

    public static string NoteHeldForCooldown(string name, string partner, string endLocal) =>
        $"Kept safe, {name} 💌 Your note will reach {partner} when the cool-down ends ({endLocal}).";

    public static string CooldownRoundOpened(string name, string partner) =>
        $"The pause is over, {name} 🌿 Three quiet questions, one at a time, just your side. {partner} sees your answers only once you've both answered.";

    public static string HomeCooldownRoundStarted(string a, string b) =>
        $"{a} and {b}, the pause is over 🌿 A few quiet questions are waiting in your private chats.";

    public static string RoundSetAside(string name) =>
        $"{name}, I've set the open question aside so the two of you can come back to each other first. Nothing was shared.";
}
