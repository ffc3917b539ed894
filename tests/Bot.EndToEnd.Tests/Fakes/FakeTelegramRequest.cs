using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.EndToEnd.Tests.Fakes;

/// <summary>
/// The parameters of one Bot API call, merged from the query string and a JSON, form or multipart body,
/// the way the real server accepts them.
/// </summary>
internal sealed class FakeTelegramRequest
{
    private readonly Dictionary<string, JsonNode?> _values;
    private readonly Dictionary<string, FakeTelegramUpload> _files;

    private FakeTelegramRequest(Dictionary<string, JsonNode?> values, Dictionary<string, FakeTelegramUpload>? files = null)
    {
        _values = values;
        _files = files ?? new Dictionary<string, FakeTelegramUpload>(StringComparer.Ordinal);
    }

    /// <summary>Reads the request, or returns null when a body is present but is not valid JSON.</summary>
    public static async Task<FakeTelegramRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Query)
        {
            values[key] = JsonValue.Create(value.ToString());
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                values[key] = JsonValue.Create(value.ToString());
            }

            var files = new Dictionary<string, FakeTelegramUpload>(StringComparer.Ordinal);
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                files[file.Name] = new FakeTelegramUpload(file.FileName, file.ContentType, content.ToArray());
            }

            return new FakeTelegramRequest(values, files);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            return new FakeTelegramRequest(values);
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (json is null)
        {
            return null;
        }

        foreach (var (key, value) in json)
        {
            values[key] = value?.DeepClone();
        }

        return new FakeTelegramRequest(values);
    }

    public bool Has(string name) =>
        (_values.TryGetValue(name, out var value) && value is not null) || _files.ContainsKey(name);

    /// <summary>
    /// A file parameter uploaded in this request: a part of that name, or "attach://PART" naming one (as
    /// Telegram.Bot sends it). Null when the parameter is missing or names no uploaded part (a file_id or URL).
    /// </summary>
    public FakeTelegramUpload? GetUpload(string name)
    {
        if (_files.TryGetValue(name, out var direct))
        {
            return direct;
        }

        const string attach = "attach://";
        return GetString(name) is { } reference && reference.StartsWith(attach, StringComparison.Ordinal)
            && _files.TryGetValue(reference[attach.Length..], out var attached)
                ? attached
                : null;
    }

    public string? GetString(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }

    public long? GetInt64(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is not JsonValue value)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return value.TryGetValue<long>(out var number) ? number : null;
        }

        return long.TryParse(GetString(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public int? GetInt32(string name) =>
        GetInt64(name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    public bool GetBoolean(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is not JsonValue value)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => GetString(name) is "true" or "True" or "1",
            _ => false,
        };
    }

    /// <summary>An object or array parameter; form and query encodings carry these as JSON text.</summary>
    public JsonNode? GetJson(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(value.GetValue<string>());
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return node;
    }
}

/// <summary>One file part of a multipart Bot API call.</summary>
internal sealed record FakeTelegramUpload(string FileName, string? ContentType, byte[] Content)
{
    /// <summary>Set when the file was named by a file_id this server gave out rather than uploaded.</summary>
    public string? FileId { get; init; }
}
