namespace Bot.Core.Domain;

/// <summary>Someone who has talked to the bot.</summary>
/// <param name="PrivateChat">Their one-to-one chat with the bot, once they have opened it.</param>
/// <param name="IsReachable">False once the platform told us they blocked the bot.</param>
public sealed record Person(
    long Id,
    ChatUser User,
    string DisplayName,
    ChatAddress? PrivateChat,
    bool IsReachable,
    JoinThrottle Throttle,
    DateTimeOffset CreatedAt);

/// <summary>Wrong invite codes a person typed within the current window (brute-force guard).</summary>
public sealed record JoinThrottle(int Failures, DateTimeOffset? WindowStartedAt)
{
    public static JoinThrottle None { get; } = new(0, null);
}
