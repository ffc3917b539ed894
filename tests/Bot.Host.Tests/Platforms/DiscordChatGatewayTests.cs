using System.Net;
using System.Text.Json;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Discord;
using Bot.Discord.Rest;
using Bot.Host.Platforms.Discord;
using Bot.Host.Tests.Fakes;

namespace Bot.Host.Tests.Platforms;

public sealed class DiscordChatGatewayTests : IDisposable
{
    private const string Message = """{"id":"9","channel_id":"77","author":{"id":"1","username":"bot"},"content":""}""";
    private static readonly ChatAddress Channel = new(Platform.Discord, "77");

    private readonly RecordingHttpHandler _http = new();
    private readonly HttpClient _client;
    private readonly DiscordRestClient _rest;
    private readonly DiscordChatGateway _gateway;

    public DiscordChatGatewayTests()
    {
        _client = new HttpClient(_http);
        _rest = new DiscordRestClient(_client, new DiscordClientOptions
        {
            Token = "t",
            ApiBaseUrl = new Uri("http://127.0.0.1:9/api/v10/"),
        });
        _gateway = new DiscordChatGateway(_rest);
    }

    public void Dispose()
    {
        _rest.Dispose();
        _client.Dispose();
    }

    private static OutgoingMessage WithFile(string text, int size) =>
        new(Channel, text, [], []) { Attachment = new Attachment(AttachmentKind.Photo, "trend.png", "image/png", new byte[size]) };

    [Fact]
    public async Task Send_Silent_SetsSuppressNotifications_AndOtherwiseNoFlags()
    {
        _http.Reply(HttpStatusCode.OK, Message);
        _http.Reply(HttpStatusCode.OK, Message);

        await _gateway.SendAsync(OutgoingMessage.Plain(Channel, "Sam answered too") with { Silent = true }, CancellationToken.None);
        await _gateway.SendAsync(OutgoingMessage.Plain(Channel, "Good morning"), CancellationToken.None);

        using var silent = JsonDocument.Parse(_http.Requests[0].Body);
        using var loud = JsonDocument.Parse(_http.Requests[1].Body);
        Assert.Equal(4096, silent.RootElement.GetProperty("flags").GetInt32());
        Assert.False(loud.RootElement.TryGetProperty("flags", out var flags) && flags.ValueKind == JsonValueKind.Number && flags.GetInt32() != 0);
    }

    [Fact]
    public async Task Send_WithAFile_PostsMultipart_WithPayloadAndAttachmentMetadata()
    {
        _http.Reply(HttpStatusCode.OK, Message);

        var result = await _gateway.SendAsync(WithFile("Your week", 3), CancellationToken.None);

        Assert.Equal(DeliveryResult.Ok, result);
        var request = Assert.Single(_http.Requests);
        Assert.Equal(("POST", "/api/v10/channels/77/messages", "multipart/form-data"), (request.Method, request.Path, request.ContentType));
        using var payload = JsonDocument.Parse(request.Part("payload_json").Content);
        Assert.Equal("Your week", payload.RootElement.GetProperty("content").GetString());
        var attachment = Assert.Single(payload.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal((0, "trend.png"), (attachment.GetProperty("id").GetInt32(), attachment.GetProperty("filename").GetString()));
        var file = request.Part("files[0]");
        Assert.Equal(("trend.png", "image/png", 3), (file.FileName, file.ContentType, file.Content.Length));
    }

    [Fact]
    public async Task Send_WithAFileOverTheUploadCap_IsRejectedWithoutARequest()
    {
        var result = await _gateway.SendAsync(WithFile("big", (int)DiscordRestClient.MaxUploadBytes + 1), CancellationToken.None);

        var rejected = Assert.IsType<DeliveryResult.Rejected>(result);
        Assert.Contains("10 MiB", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task Send_WithAFile_MapsA429LikeATextSend()
    {
        _http.Reply(HttpStatusCode.TooManyRequests, """{"message":"slow down","retry_after":2.5,"global":false}""");

        var result = await _gateway.SendAsync(WithFile("x", 3), CancellationToken.None);

        Assert.Equal(new DeliveryResult.RateLimited(TimeSpan.FromSeconds(2.5)), result);
    }
}
