using System.Net;
using System.Text;

namespace Bot.Host.Tests.Fakes;

/// <summary>Answers every request with the next scripted reply and keeps what was sent, body included.</summary>
internal sealed class RecordingHttpHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Json)> _replies = new();

    public List<RecordedRequest> Requests { get; } = [];

    public void Reply(HttpStatusCode status, string json) => _replies.Enqueue((status, json));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var parts = new List<RecordedPart>();
        if (request.Content is MultipartContent multipart)
        {
            foreach (var part in multipart)
            {
                var disposition = part.Headers.ContentDisposition;
                parts.Add(new RecordedPart(
                    disposition?.Name?.Trim('"') ?? "",
                    (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"'),
                    part.Headers.ContentType?.MediaType,
                    await part.ReadAsByteArrayAsync(cancellationToken)));
            }
        }

        var body = request.Content is null || request.Content is MultipartContent
            ? ""
            : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method.Method, request.RequestUri!.AbsolutePath, request.Content?.Headers.ContentType?.MediaType,
            body, parts));
        var (status, json) = _replies.Count > 0 ? _replies.Dequeue() : (HttpStatusCode.OK, "{}");
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}

internal sealed record RecordedRequest(
    string Method, string Path, string? ContentType, string Body, IReadOnlyList<RecordedPart> Parts)
{
    public RecordedPart Part(string name) => Parts.Single(p => p.Name == name);

    public string Text(string name) => Encoding.UTF8.GetString(Part(name).Content);

    /// <summary>A Bot API file field: either the file part itself or "attach://NAME" naming the part.</summary>
    public RecordedPart Upload(string field)
    {
        var part = Part(field);
        var text = part.FileName is null ? Encoding.UTF8.GetString(part.Content) : "";
        return text.StartsWith("attach://", StringComparison.Ordinal) ? Part(text["attach://".Length..]) : part;
    }
}

internal sealed record RecordedPart(string Name, string? FileName, string? ContentType, byte[] Content);
