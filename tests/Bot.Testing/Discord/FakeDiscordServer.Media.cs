using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Discord;

// Files people send: attachments on DMs and in a slash command's attachment option, served from a CDN route of
// this server (as Discord serves them from cdn.discordapp.com).
public sealed partial class FakeDiscordServer
{
    private const string CdnPrefix = "/attachments/";

    private readonly Dictionary<string, (string ContentType, byte[] Content)> _cdn = new(StringComparer.Ordinal);
    private readonly List<string> _cdnDownloads = [];

    /// <summary>Attachment ids the bot fetched from the CDN route, in order.</summary>
    public IReadOnlyList<string> CdnDownloads => Locked(() => _cdnDownloads.ToArray());

    /// <summary>The user sends a file in their DM with the bot, with optional text.</summary>
    public Task<FakeUserMessage> SendDmAttachmentAsync(
        FakeDiscordUser user, string fileName, string contentType, byte[] content, string text = "")
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var message = UserMessageJsonLocked(user, user.DmChannelId, text);
            message["channel_type"] = 1;
            message["attachments"] = new JsonArray(AttachmentJsonLocked(user.DmChannelId, fileName, contentType, content));
            _userMessages.Add((JsonObject)message.DeepClone());
            int? sequence = _currentSession is { } session && (session.Intents & DirectMessagesIntent) != 0
                ? EmitLocked(session, "MESSAGE_CREATE", message)
                : null;
            return Task.FromResult(new FakeUserMessage(message["id"]!.GetValue<string>(), user.DmChannelId, sequence));
        }
    }

    /// <summary>
    /// The user runs a slash command in their DM with a file in its attachment option
    /// <paramref name="optionName"/> (type 11; the file itself comes in data.resolved.attachments).
    /// </summary>
    public Task<FakeInteraction> InvokeSlashCommandWithFileAsync(
        FakeDiscordUser user, string name, string optionName, string fileName, string contentType, byte[] content,
        IReadOnlyDictionary<string, object>? options = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var command = FindCommandLocked(name, null);
            var declared = (command?["options"] as JsonArray)?.OfType<JsonObject>()
                .FirstOrDefault(o => o["name"]?.GetValue<string>() == optionName);
            if (command is not null && declared?["type"]?.GetValue<int>() != 11)
            {
                throw new InvalidOperationException($"/{name} has no attachment option named {optionName}.");
            }

            var attachment = AttachmentJsonLocked(user.DmChannelId, fileName, contentType, content);
            var id = attachment["id"]!.GetValue<string>();
            var list = options is { Count: > 0 } ? OptionsJson(command, options, focused: null) : new JsonArray();
            list.Add(new JsonObject { ["name"] = optionName, ["type"] = 11, ["value"] = id });
            var data = new JsonObject
            {
                ["id"] = command?["id"]?.GetValue<string>() ?? NextSnowflakeLocked(),
                ["name"] = name,
                ["type"] = 1,
                ["options"] = list,
                ["resolved"] = new JsonObject { ["attachments"] = new JsonObject { [id] = attachment } },
            };
            return Task.FromResult(EmitInteractionLocked(user, 2, data, null, null));
        }
    }

    private JsonObject AttachmentJsonLocked(string channelId, string fileName, string contentType, byte[] content)
    {
        var id = NextSnowflakeLocked();
        _cdn[id] = (contentType, content);
        var url = $"{BaseUrl}{CdnPrefix}{channelId}/{id}/{Uri.EscapeDataString(fileName)}";
        return new JsonObject
        {
            ["id"] = id,
            ["filename"] = fileName,
            ["size"] = content.Length,
            ["url"] = url,
            ["proxy_url"] = url,
            ["content_type"] = contentType,
        };
    }

    private async Task ServeAttachmentAsync(HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "")[CdnPrefix.Length..].Split('/');
        (string ContentType, byte[] Content)? file = null;
        lock (_gate)
        {
            if (parts.Length == 3 && _cdn.TryGetValue(parts[1], out var found))
            {
                file = found;
                _cdnDownloads.Add(parts[1]);
                SignalLocked();
            }
        }

        if (file is not { } served)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = served.ContentType;
        context.Response.ContentLength = served.Content.Length;
        await context.Response.Body.WriteAsync(served.Content, context.RequestAborted).ConfigureAwait(false);
    }
}
