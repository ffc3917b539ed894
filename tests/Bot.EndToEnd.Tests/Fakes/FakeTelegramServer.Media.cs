using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.EndToEnd.Tests.Fakes;

// Files: users send voice notes, photos and videos; the bot fetches them with getFile and the file route, and
// sends them back by file_id or as uploads (sendVoice, sendVideoNote, sendVideo, sendPhoto).
public sealed partial class FakeTelegramServer
{
    /// <summary>Bots may download files up to 20 MB with getFile.</summary>
    public const long MaxDownloadBytes = 20 * 1024 * 1024;

    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private int _nextFileNumber = 1;

    /// <summary>Files fetched through the file route, by file_id, in order.</summary>
    public IReadOnlyList<string> DownloadedFiles
    {
        get
        {
            lock (_gate)
            {
                return [.. _downloaded];
            }
        }
    }

    private readonly List<string> _downloaded = [];

    /// <summary>
    /// The user sends a voice note, photo, video note or video (<paramref name="kind"/>: "voice", "photo",
    /// "video_note", "video") with an optional caption; <paramref name="declaredSize"/> is what Telegram says its size
    /// is (a large file without allocating it). Returns the file_id.
    /// </summary>
    public string SendMedia(FakeTelegramUser from, string kind, byte[] content, string? caption = null, long? declaredSize = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            RememberUserLocked(from);
            var fileId = StoreFileLocked(kind, content, declaredSize);
            var message = NewUserMessageJsonLocked(from, from.Id);
            message[kind] = FileJson(kind, fileId, _files[fileId]);
            if (caption is not null)
            {
                message["caption"] = caption;
                var commandLength = CommandLength(caption);
                if (commandLength > 0)
                {
                    message["caption_entities"] = new JsonArray(
                        new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = commandLength });
                }
            }

            var updateId = EnqueueLocked("message", message);
            _userMessageIds[updateId] = message["message_id"]!.GetValue<int>();
            return fileId;
        }
    }

    private string StoreFileLocked(string kind, byte[] content, long? declaredSize)
    {
        var number = _nextFileNumber++;
        var fileId = string.Create(CultureInfo.InvariantCulture, $"AwACAgfake{kind}{number}");
        _files[fileId] = new StoredFile(kind, $"{kind}s/file_{number}", content, declaredSize ?? content.Length);
        return fileId;
    }

    private static JsonNode FileJson(string kind, string fileId, StoredFile file)
    {
        var json = new JsonObject
        {
            ["file_id"] = fileId,
            ["file_unique_id"] = "AgADu" + fileId[^4..],
            ["file_size"] = file.Size,
        };
        switch (kind)
        {
            case "voice":
                json["duration"] = 3;
                json["mime_type"] = "audio/ogg";
                break;
            case "video_note":
                json["length"] = 240;
                json["duration"] = 3;
                break;
            case "video":
                json["width"] = 640;
                json["height"] = 360;
                json["duration"] = 3;
                json["mime_type"] = "video/mp4";
                break;
            case "photo":
                json["width"] = 800;
                json["height"] = 600;
                return new JsonArray(
                    new JsonObject
                    {
                        ["file_id"] = fileId + "_thumb",
                        ["file_unique_id"] = "AgADt" + fileId[^4..],
                        ["width"] = 90,
                        ["height"] = 67,
                        ["file_size"] = 1000,
                    },
                    json);
            default:
                throw new ArgumentException($"Unknown kind {kind}.", nameof(kind));
        }

        return json;
    }

    // getFile: the path to download from; files over 20 MB are refused as the real server does.
    private FakeTelegramReply GetFileLocked(FakeTelegramRequest request)
    {
        if (request.GetString("file_id") is not { } fileId || !_files.TryGetValue(fileId, out var file))
        {
            return FakeTelegramReply.BadRequest("invalid file_id");
        }

        return file.Size > MaxDownloadBytes
            ? FakeTelegramReply.BadRequest("file is too big")
            : FakeTelegramReply.Ok(new JsonObject
            {
                ["file_id"] = fileId,
                ["file_unique_id"] = "AgADu" + fileId[^4..],
                ["file_size"] = file.Size,
                ["file_path"] = file.Path,
            });
    }

    // GET /file/bot<token>/<file_path>: the bytes, for the bot's token only.
    private async Task<bool> TryServeFileAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var prefix = "/file/bot" + Token + "/";
        if (!path.StartsWith("/file/", StringComparison.Ordinal))
        {
            return false;
        }

        byte[]? content = null;
        lock (_gate)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var filePath = path[prefix.Length..];
                foreach (var (fileId, file) in _files)
                {
                    if (file.Path == filePath)
                    {
                        content = file.Content;
                        _downloaded.Add(fileId);
                        break;
                    }
                }
            }
        }

        if (content is null)
        {
            context.Response.StatusCode = 404;
            return true;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    /// <summary>A file the request names by a file_id this server gave out, as the bot resends it.</summary>
    private FakeTelegramUpload? FileByIdLocked(FakeTelegramRequest request, string field) =>
        request.GetString(field) is { } fileId && _files.TryGetValue(fileId, out var file)
            ? new FakeTelegramUpload(file.Path, null, file.Content) { FileId = fileId }
            : null;

    private sealed record StoredFile(string Kind, string Path, byte[] Content, long Size);
}
