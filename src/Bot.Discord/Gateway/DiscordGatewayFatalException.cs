namespace Bot.Discord.Gateway;

/// <summary>
/// The gateway closed with a code that reconnecting cannot fix (4004 bad token, 4010–4012 shard or version,
/// 4013/4014 intents); the bot must stop and someone must fix the configuration.
/// </summary>
public sealed class DiscordGatewayFatalException : Exception
{
    public DiscordGatewayFatalException(int closeCode, string reason)
        : base($"Discord gateway closed with {closeCode}: {reason}")
    {
        CloseCode = closeCode;
        Reason = reason;
    }

    public int CloseCode { get; }

    public string Reason { get; }
}
