using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.Rest;

public sealed class DiscordUploadTests : IAsyncLifetime, IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private readonly HttpClient _http = new();
    private FakeDiscordServer _server = null!;
    private FakeDiscordUser _alice = null!;
    private RecordingTimeProvider _time = null!;
    private DiscordRestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        _alice = _server.AddUser("42", "alice", "Alice");
        _time = new RecordingTimeProvider();
        _client = new DiscordRestClient(
            _http, new DiscordClientOptions { Token = _server.Token, ApiBaseUrl = _server.ApiBaseUrl }, _time);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task CreateMessage_WithFiles_SendsMultipart_WithPayloadJsonAndAttachmentMetadata()
    {
        FileUpload[] files =
        [
            new("trend.png", "image/png", Png),
            new("journal.md", "text/markdown", "# Our journal\n"u8.ToArray()),
        ];

        var message = await _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("Your week"), files);

        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            """{"content":"Your week","attachments":[{"id":0,"filename":"trend.png"},{"id":1,"filename":"journal.md"}]}""",
            request.Body);
        Assert.Equal(["files[0]", "files[1]"], request.Files.Select(f => f.Field));
        var stored = Assert.Single(_server.MessagesIn(_alice.DmChannelId));
        Assert.Equal("Your week", stored.Content);
        Assert.Equal(["trend.png", "journal.md"], stored.Attachments.Select(a => a.FileName));
        Assert.Equal(Png, stored.Attachments[0].Content);
        Assert.Equal("image/png", stored.Attachments[0].ContentType);
        Assert.Equal(["trend.png", "journal.md"], message.Attachments!.Select(a => a.Filename));
        Assert.Equal(Png.Length, message.Attachments![0].Size);
    }

    [Fact]
    public async Task CreateMessage_WithOnlyAFile_NeedsNoContent()
    {
        await _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate(), [new FileUpload("a.png", "image/png", Png)]);

        var stored = Assert.Single(_server.MessagesIn(_alice.DmChannelId));
        Assert.Equal("", stored.Content);
        Assert.Single(stored.Attachments);
    }

    [Fact]
    public async Task Upload_OverTheDefaultCap_IsRefusedBeforeAnythingIsSent()
    {
        var big = new FileUpload("big.bin", "application/octet-stream", new byte[DiscordRestClient.MaxUploadBytes + 1]);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("x"), [big]));

        Assert.Contains("10 MiB", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Upload_WithContentOver2000Characters_IsRefusedBeforeAnythingIsSent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateMessageAsync(
            _alice.DmChannelId, new MessageCreate(new string('a', 2001)), [new FileUpload("a.png", "image/png", Png)]));

        Assert.Contains("2000", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Upload_RateLimited_ThrowsWithRetryAfter_AndTheRetryWaitsItOut()
    {
        var path = $"/api/v10/channels/{_alice.DmChannelId}/messages";
        _server.ScriptRateLimit("POST", path, TimeSpan.FromSeconds(2));
        FileUpload[] files = [new("a.png", "image/png", Png)];

        var limited = await Assert.ThrowsAsync<DiscordRateLimitedException>(
            () => _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("one"), files));
        var retry = _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("again"), files);
        await _time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), limited.RetryAfter);
        Assert.Single((await retry.WaitAsync(TimeSpan.FromSeconds(10))).Attachments!);
    }

    [Fact]
    public async Task FakeServer_RefusesAFilePartWithoutAttachmentMetadata()
    {
        using var form = new MultipartFormDataContent();
        var payload = new StringContent("""{"content":"x"}""", Encoding.UTF8);
        payload.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(payload, "payload_json");
        form.Add(new ByteArrayContent(Png), "files[0]", "a.png");
        using var request = Raw(form);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ATTACHMENT_NOT_FOUND", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_server.MessagesIn(_alice.DmChannelId));
    }

    [Fact]
    public async Task FakeServer_RefusesUploadsOverTheCapWith40005()
    {
        using var form = new MultipartFormDataContent();
        var payload = new StringContent("""{"attachments":[{"id":0,"filename":"big.bin"}]}""", Encoding.UTF8);
        payload.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(payload, "payload_json");
        form.Add(new ByteArrayContent(new byte[FakeDiscordServer.MaxUploadBytes + 1]), "files[0]", "big.bin");
        using var request = Raw(form);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("40005", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpRequestMessage Raw(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.ApiBaseUrl, $"channels/{_alice.DmChannelId}/messages"))
        {
            Content = content,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _server.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", DiscordClientOptions.DefaultUserAgent);
        return request;
    }
}
