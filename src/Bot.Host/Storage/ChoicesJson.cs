using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core.Application.Messages;

namespace Bot.Host.Storage;

/// <summary>The outbox's <c>choices</c> column: a JSON array of rows of <c>{"label","payload"}</c>.</summary>
internal static class ChoicesJson
{
    public static string Serialize(IReadOnlyList<IReadOnlyList<Choice>> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var rows = choices.Select(row => row.Select(c => new ChoiceJson(c.Label, c.Payload)).ToList()).ToList();
        return JsonSerializer.Serialize(rows, ChoicesJsonContext.Default.ListListChoiceJson);
    }

    public static IReadOnlyList<IReadOnlyList<Choice>> Deserialize(string json)
    {
        var rows = JsonSerializer.Deserialize(json, ChoicesJsonContext.Default.ListListChoiceJson) ?? [];
        return rows.Select(row => (IReadOnlyList<Choice>)row.Select(c => new Choice(c.Label, c.Payload)).ToList())
            .ToList();
    }
}

internal sealed record ChoiceJson(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("payload")] string Payload);

[JsonSerializable(typeof(List<List<ChoiceJson>>))]
internal sealed partial class ChoicesJsonContext : JsonSerializerContext;
