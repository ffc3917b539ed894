namespace Bot.Core.Domain;

/// <summary>A chat platform the bot speaks on.</summary>
public enum Platform
{
    Telegram = 1,
    Discord = 2,

    /// <summary>The local playground in a browser (<c>--playground</c>): for trying the bot, never for couples.</summary>
    Web = 3,
}

/// <summary>A person as a platform knows them; one couple may span two platforms.</summary>
public sealed record ChatUser(Platform Platform, string ExternalId)
{
    public override string ToString() => $"{Platform}:{ExternalId}";
}

/// <summary>A place a message can be sent to: a private chat, a group or a channel.</summary>
public sealed record ChatAddress(Platform Platform, string ChatId)
{
    public override string ToString() => $"{Platform}:{ChatId}";
}
