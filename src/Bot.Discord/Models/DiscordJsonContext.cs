using System.Text.Json.Serialization;

namespace Bot.Discord.Models;

/// <summary>
/// Source-generated System.Text.Json metadata for every model: snake_case names, enums as numbers, nulls left out
/// when writing (Discord treats an explicit null as "clear this field").
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordUser))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordApplication))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionData))]
[JsonSerializable(typeof(CommandOption))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloEvent))]
[JsonSerializable(typeof(ReadyEvent))]
[JsonSerializable(typeof(PresenceUpdate))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(int?))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
