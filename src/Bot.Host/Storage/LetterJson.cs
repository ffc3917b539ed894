using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core.Application.Messages;

namespace Bot.Host.Storage;

/// <summary>A letter as the outbox keeps it (sealed like the text): camelCase JSON, each part named by its kind.</summary>
internal static class LetterJson
{
    public static string? Serialize(Letter? letter) =>
        letter is null ? null : JsonSerializer.Serialize(letter, LetterJsonContext.Default.Letter);

    public static Letter? Deserialize(string? json) =>
        json is null ? null
        : JsonSerializer.Deserialize(json, LetterJsonContext.Default.Letter)
            ?? throw new JsonException("An outbox letter is empty.");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Letter))]
internal sealed partial class LetterJsonContext : JsonSerializerContext;
