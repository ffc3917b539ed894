using System.Text.Json.Nodes;

namespace Bot.Testing.Discord;

/// <summary>A simulated Discord user; <see cref="DmChannelId"/> is the stable id of their DM channel with the bot.</summary>
public sealed record FakeDiscordUser(string Id, string Username, string? GlobalName, string DmChannelId);

/// <summary>A text channel in a fake guild.</summary>
public sealed record FakeGuildChannel(string GuildId, string Id, string Name);

/// <summary>How a message the bot produced came to exist.</summary>
public enum FakeMessageSource
{
    Channel,
    InteractionResponse,
    DeferredResponse,
    Followup,
}

/// <summary>A message the bot produced, in its latest edited form.</summary>
public sealed record FakeMessage(
    string Id,
    string ChannelId,
    FakeMessageSource Source,
    string? InteractionId,
    JsonObject Json,
    int EditCount)
{
    public string Content => Json["content"]?.GetValue<string>() ?? string.Empty;

    public bool IsEphemeral => ((Json["flags"]?.GetValue<int>() ?? 0) & 64) != 0;

    /// <summary>Sent with SUPPRESS_NOTIFICATIONS ("@silent"): no push or sound.</summary>
    public bool IsSilent => ((Json["flags"]?.GetValue<int>() ?? 0) & 4096) != 0;

    /// <summary>Every button on the message, in order, as (custom_id, label).</summary>
    public IReadOnlyList<(string CustomId, string Label)> Buttons =>
        (Json["components"] as JsonArray ?? [])
            .SelectMany(row => row?["components"] as JsonArray ?? [])
            .Where(component => component?["type"]?.GetValue<int>() == 2 && component["custom_id"] is not null)
            .Select(component => (
                component!["custom_id"]!.GetValue<string>(),
                component["label"]?.GetValue<string>() ?? string.Empty))
            .ToArray();

    public IReadOnlyList<JsonObject> Embeds =>
        (Json["embeds"] as JsonArray ?? []).OfType<JsonObject>().ToArray();

    /// <summary>Files uploaded with the message (multipart <c>files[n]</c>), in attachment order.</summary>
    public IReadOnlyList<FakeAttachment> Attachments { get; init; } = [];
}

/// <summary>A file the bot uploaded, as the fake stored it.</summary>
/// <param name="FileName">The name from the message's attachments metadata (Discord prefers it to the part's).</param>
public sealed record FakeAttachment(string Id, string FileName, string? ContentType, byte[] Content);

/// <summary>An interaction the fake sent, and everything the bot did with its token so far.</summary>
public sealed record FakeInteractionRecord(
    string Id,
    string Token,
    int Type,
    string UserId,
    string ChannelId,
    int? CallbackType,
    JsonObject? CallbackData,
    FakeMessage? Original,
    IReadOnlyList<FakeMessage> Followups,
    IReadOnlyList<JsonObject> Edits)
{
    public bool IsAcknowledged => CallbackType is not null;
}

/// <summary>An interaction the fake sent to the bot; its gateway sequence, or null when it went over HTTP.</summary>
public sealed record FakeInteraction(
    string Id,
    string Token,
    int Type,
    string ChannelId,
    string? GuildId,
    int? Sequence);

/// <summary>A message a simulated user sent, as dispatched.</summary>
public sealed record FakeUserMessage(string Id, string ChannelId, int? Sequence);

/// <summary>A modal the bot opened for a user and that has not been submitted yet.</summary>
public sealed record FakeModal(
    string InteractionId,
    string UserId,
    string CustomId,
    string Title,
    IReadOnlyList<string> TextInputIds,
    JsonObject Json);

/// <summary>One REST request as the fake received it.</summary>
public sealed record FakeRestRequest(
    string Method,
    string Path,
    string? Authorization,
    string? UserAgent,
    string? ContentType,
    string Body,
    int Status,
    TimeSpan At)
{
    /// <summary>The <c>files[n]</c> parts of a multipart request, with their part names and file names.</summary>
    public IReadOnlyList<FakeUploadedFile> Files { get; init; } = [];
}

/// <summary>One file part of a multipart request.</summary>
public sealed record FakeUploadedFile(string Field, string FileName, string? ContentType, byte[] Content);

/// <summary>One frame the bot sent on the gateway.</summary>
public sealed record FakeGatewayFrame(int ConnectionId, int Op, string Text, TimeSpan At);

/// <summary>A snapshot of one gateway connection.</summary>
public sealed record FakeGatewayConnectionInfo(
    int Id,
    string Path,
    string Query,
    bool IsOpen,
    int? ClientCloseCode,
    int? ServerCloseCode,
    int Heartbeats,
    TimeSpan? TimeToFirstHeartbeat);
