using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Models;

/// <summary>Discord's error body: <c>{code, message, errors?}</c>.</summary>
internal sealed record DiscordErrorBody(int Code, string? Message, JsonElement? Errors);

/// <summary>The body of a 429: <c>retry_after</c> is in seconds, with decimals.</summary>
internal sealed record RateLimitBody(string? Message, double? RetryAfter, bool? Global);

internal sealed record CreateDmRequest(string RecipientId);

internal sealed record IdentifyCommand(string Token, int Intents, IdentifyProperties Properties);

internal sealed record IdentifyProperties(string Os, string Browser, string Device);

internal sealed record ResumeCommand(string Token, string SessionId, int? Seq);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(RateLimitBody))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(IdentifyCommand))]
[JsonSerializable(typeof(ResumeCommand))]
internal sealed partial class InternalJsonContext : JsonSerializerContext;
