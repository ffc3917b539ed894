using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Models;

/// <summary>
/// One gateway frame. <see cref="S"/> and <see cref="T"/> are set only on dispatches (op 0); <see cref="D"/> is
/// always written, as null when empty, because a first heartbeat must carry <c>"d":null</c>.
/// </summary>
public sealed record GatewayPayload(
    GatewayOpCode Op,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement? D = null,
    int? S = null,
    string? T = null);

/// <summary>The <c>d</c> of op 10 Hello.</summary>
public sealed record HelloEvent(int HeartbeatInterval);

/// <summary>The answer of <c>GET /gateway/bot</c>.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary>How many Identify calls remain today, and how many may run per 5 s.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

/// <summary>The READY dispatch: keep <see cref="SessionId"/> and <see cref="ResumeGatewayUrl"/> to resume.</summary>
public sealed record ReadyEvent(
    int V,
    DiscordUser User,
    string SessionId,
    string ResumeGatewayUrl,
    ReadyApplication Application)
{
    public IReadOnlyList<UnavailableGuild>? Guilds { get; init; }
}

/// <summary>The partial application in READY.</summary>
public sealed record ReadyApplication(string Id, int? Flags = null);

/// <summary>A guild listed in READY before its GUILD_CREATE arrives.</summary>
public sealed record UnavailableGuild(string Id, bool? Unavailable = null);

/// <summary>The bot's presence, sent with op 3.</summary>
public sealed record PresenceUpdate(string Status, IReadOnlyList<PresenceActivity> Activities)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Since { get; init; }

    public bool Afk { get; init; }
}

/// <summary>An activity under the bot's name; type 4 is a custom status, its text in <see cref="State"/>.</summary>
public sealed record PresenceActivity(string Name, int Type)
{
    public string? State { get; init; }
}
