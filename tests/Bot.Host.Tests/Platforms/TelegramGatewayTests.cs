using System.Net;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Platforms.Telegram;
using Bot.Host.Tests.Fakes;
using Telegram.Bot;

namespace Bot.Host.Tests.Platforms;

public sealed class TelegramGatewayTests : IDisposable
{
    private const string Sent = """{"ok":true,"result":{"message_id":5,"date":0,"chat":{"id":42,"type":"private"}}}""";
    private static readonly ChatAddress Chat = new(Platform.Telegram, "42");

    private readonly RecordingHttpHandler _http = new();
    private readonly HttpClient _client;
    private readonly TelegramGateway _gateway;

    public TelegramGatewayTests()
    {
        _client = new HttpClient(_http);
        var options = new TelegramBotClientOptions("123:abc", "http://127.0.0.1:9") { RetryThreshold = 0, RetryCount = 1 };
        _gateway = new TelegramGateway(new TelegramBotClient(options, _client));
    }

    public void Dispose() => _client.Dispose();

    private static OutgoingMessage WithFile(AttachmentKind kind, string caption, string name = "journal.md") =>
        new(Chat, caption, [[new Choice("Thanks", "thanks:1")]], [])
        {
            Attachment = new Attachment(kind, name, "text/markdown", "# Our journal"u8.ToArray()),
        };

    [Fact]
    public async Task Send_WithADocument_UploadsItWithCaptionAndButtons()
    {
        _http.Reply(HttpStatusCode.OK, Sent);

        var result = await _gateway.SendAsync(WithFile(AttachmentKind.Document, "Your journal"), CancellationToken.None);

        Assert.Equal(DeliveryResult.Ok, result);
        var request = Assert.Single(_http.Requests);
        Assert.EndsWith("/sendDocument", request.Path, StringComparison.Ordinal);
        Assert.Equal("multipart/form-data", request.ContentType);
        Assert.Equal("42", request.Text("chat_id"));
        Assert.Equal("Your journal", request.Text("caption"));
        Assert.Contains("thanks:1", request.Text("reply_markup"), StringComparison.Ordinal);
        var file = request.Upload("document");
        Assert.Equal("journal.md", file.FileName);
        Assert.Equal("# Our journal"u8.ToArray(), file.Content);
    }

    [Fact]
    public async Task Send_Silent_AsksTelegramForNoNotification_OnTextAndFiles()
    {
        _http.Reply(HttpStatusCode.OK, Sent);
        _http.Reply(HttpStatusCode.OK, Sent);
        _http.Reply(HttpStatusCode.OK, Sent);

        await _gateway.SendAsync(OutgoingMessage.Plain(Chat, "Sam answered too") with { Silent = true }, CancellationToken.None);
        await _gateway.SendAsync(WithFile(AttachmentKind.Document, "Your journal") with { Silent = true }, CancellationToken.None);
        await _gateway.SendAsync(OutgoingMessage.Plain(Chat, "Good morning"), CancellationToken.None);

        Assert.Contains("\"disable_notification\":true", _http.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("true", _http.Requests[1].Text("disable_notification"), ignoreCase: true);
        Assert.DoesNotContain("disable_notification\":true", _http.Requests[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithAPhotoAndNoText_UploadsAPhotoWithoutCaption()
    {
        _http.Reply(HttpStatusCode.OK, Sent);

        await _gateway.SendAsync(WithFile(AttachmentKind.Photo, "", "trend.png"), CancellationToken.None);

        var request = Assert.Single(_http.Requests);
        Assert.EndsWith("/sendPhoto", request.Path, StringComparison.Ordinal);
        Assert.Equal("trend.png", request.Upload("photo").FileName);
        Assert.DoesNotContain(request.Parts, p => p.Name == "caption");
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""", "RateLimited")]
    [InlineData(HttpStatusCode.Forbidden, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""", "Unreachable")]
    [InlineData(HttpStatusCode.BadGateway, """{"ok":false,"error_code":502,"description":"Bad Gateway"}""", "Failed")]
    [InlineData(HttpStatusCode.BadRequest, """{"ok":false,"error_code":400,"description":"Bad Request: file is too big"}""", "Rejected")]
    public async Task Send_WithAFile_MapsErrorsLikeTextSends(HttpStatusCode status, string json, string expected)
    {
        _http.Reply(status, json);
        _http.Reply(status, json);

        var file = await _gateway.SendAsync(WithFile(AttachmentKind.Document, "x"), CancellationToken.None);
        var text = await _gateway.SendAsync(OutgoingMessage.Plain(Chat, "x"), CancellationToken.None);

        Assert.Equal(expected, file.GetType().Name);
        Assert.Equal(text, file);
        if (file is DeliveryResult.RateLimited limited)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        }
    }

    private static OutgoingMessage WithVoice(MediaSource source) =>
        new(Chat, "From Alex", [], [])
        {
            Attachment = new Attachment(AttachmentKind.Voice, "media-1.ogg", "audio/ogg", "OggS"u8.ToArray()) { Source = source },
        };

    [Fact]
    public async Task Send_AVoiceNoteFromTelegram_ResendsItByFileId_WithoutUploading()
    {
        _http.Reply(HttpStatusCode.OK, Sent);

        var result = await _gateway.SendAsync(WithVoice(new MediaSource(Platform.Telegram, "voice-7")), CancellationToken.None);

        Assert.Equal(DeliveryResult.Ok, result);
        var request = Assert.Single(_http.Requests);
        Assert.EndsWith("/sendVoice", request.Path, StringComparison.Ordinal);
        Assert.Contains("\"voice\":\"voice-7\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AVoiceNoteTelegramNoLongerKnows_UploadsTheKeptBytesInstead()
    {
        _http.Reply(HttpStatusCode.BadRequest, """{"ok":false,"error_code":400,"description":"Bad Request: wrong file identifier/HTTP URL specified"}""");
        _http.Reply(HttpStatusCode.OK, Sent);

        var result = await _gateway.SendAsync(WithVoice(new MediaSource(Platform.Telegram, "gone")), CancellationToken.None);

        Assert.Equal(DeliveryResult.Ok, result);
        Assert.Equal(2, _http.Requests.Count);
        Assert.Equal("OggS"u8.ToArray(), _http.Requests[1].Upload("voice").Content);
        Assert.Equal("From Alex", _http.Requests[1].Text("caption"));
    }

    [Fact]
    public async Task Send_AVoiceNoteFromDiscord_IsUploaded()
    {
        _http.Reply(HttpStatusCode.OK, Sent);

        await _gateway.SendAsync(WithVoice(new MediaSource(Platform.Discord, "5", "https://cdn.example/5")), CancellationToken.None);

        var request = Assert.Single(_http.Requests);
        Assert.EndsWith("/sendVoice", request.Path, StringComparison.Ordinal);
        Assert.Equal("media-1.ogg", request.Upload("voice").FileName);
    }
}
