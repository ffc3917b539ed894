using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Discord.Gateway;

/// <summary>
/// One gateway event (op 0) as it arrived: <see cref="Type"/> is the <c>t</c> (e.g. MESSAGE_CREATE),
/// <see cref="Data"/> the raw <c>d</c>, <see cref="Sequence"/> the <c>s</c>.
/// </summary>
public sealed record GatewayDispatch(string Type, JsonElement Data, int Sequence)
{
    /// <summary>Reads <see cref="Data"/>, e.g. <c>dispatch.Read(DiscordJsonContext.Default.Interaction)</c>.</summary>
    public T? Read<T>(JsonTypeInfo<T> typeInfo) => Data.Deserialize(typeInfo);
}

/// <summary>Names of the dispatches the bot cares about.</summary>
public static class GatewayEvents
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string GuildCreate = "GUILD_CREATE";
    public const string MessageCreate = "MESSAGE_CREATE";
    public const string MessageUpdate = "MESSAGE_UPDATE";
    public const string InteractionCreate = "INTERACTION_CREATE";
}

/// <summary>Where the gateway connection stands.</summary>
public enum GatewayState
{
    Disconnected,
    Connecting,
    Identifying,
    Resuming,
    Ready,
    Reconnecting,
    Stopped,
    Faulted,
}
