namespace Bot.Discord.Gateway;

/// <summary>What a gateway close code means for the next connection.</summary>
internal enum CloseAction
{
    Resume,
    NewSession,
    Fatal,
}

/// <summary>Discord's gateway close codes and what each asks of us.</summary>
internal static class GatewayCloseCodes
{
    public const int Normal = 1000;
    public const int GoingAway = 1001;

    /// <summary>Any code but 1000/1001 keeps the session resumable; Discord's own "unknown error" will do.</summary>
    public const int Resumable = 4000;

    public static CloseAction Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => CloseAction.Fatal,
        4007 or 4009 => CloseAction.NewSession,
        Normal or GoingAway => CloseAction.NewSession,
        _ => CloseAction.Resume,
    };

    public static string Describe(int? code, string? reason) => code switch
    {
        4004 => "authentication failed: the bot token is wrong",
        4010 => "invalid shard",
        4011 => "sharding required",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable the privileged intent in the Developer Portal or stop asking for it",
        _ when !string.IsNullOrEmpty(reason) => reason,
        null => "connection closed without a close code",
        _ => "closed",
    };
}
