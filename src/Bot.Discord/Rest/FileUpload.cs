namespace Bot.Discord.Rest;

/// <summary>A file to upload with a message, sent as a <c>files[n]</c> part of a multipart/form-data request.</summary>
/// <param name="ContentType">MIME type, e.g. <c>image/png</c>.</param>
public sealed record FileUpload(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
