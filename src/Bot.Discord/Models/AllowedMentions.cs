namespace Bot.Discord.Models;

/// <summary>Which mentions in a message may ping; <see cref="None"/> keeps user text from pinging anyone.</summary>
public sealed record AllowedMentions(IReadOnlyList<string>? Parse = null)
{
    public static AllowedMentions None { get; } = new([]);

    public IReadOnlyList<string>? Users { get; init; }

    public bool? RepliedUser { get; init; }
}
