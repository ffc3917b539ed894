using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Application;

/// <summary>Renders a <see cref="JournalExport"/> as indented camelCase JSON with ISO dates, for other apps.</summary>
public static class JournalJson
{
    public const string ContentType = "application/json";

    // Relaxed escaping keeps names and answers readable (é, emoji) in a file that is never embedded in HTML.
    private static readonly JournalJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] Render(JournalExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return JsonSerializer.SerializeToUtf8Bytes(export, Context.JournalExport);
    }

    /// <exception cref="JsonException">The bytes are not a journal export.</exception>
    public static JournalExport Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, Context.JournalExport)
        ?? throw new JsonException("The file holds no journal export.");
}

[JsonSerializable(typeof(JournalExport))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
