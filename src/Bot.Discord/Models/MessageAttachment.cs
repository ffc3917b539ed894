namespace Bot.Discord.Models;

/// <summary>
/// A file's entry in the <c>attachments</c> of a message body: <see cref="Id"/> n names the multipart part
/// <c>files[n]</c> sent with the request.
/// </summary>
public sealed record AttachmentInfo(int Id, string Filename)
{
    /// <summary>Alt text, up to 1024 characters.</summary>
    public string? Description { get; init; }
}

/// <summary>A file on a message as Discord returns it.</summary>
public sealed record DiscordAttachment(string Id, string Filename)
{
    public long? Size { get; init; }

    public string? Url { get; init; }

    public string? ContentType { get; init; }
}
