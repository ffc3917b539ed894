using System.Net.ServerSentEvents;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Host.Platforms.Web;

namespace Bot.Playground.Tests;

public sealed class PlaygroundFeedTests
{
    private static readonly ChatAddress Alex = new(Platform.Web, "a");

    [Fact]
    public async Task Stream_AfterAnEventId_StartsWithTheClockThenOnlyWhatWasMissed()
    {
        var feed = new PlaygroundFeed(TimeProvider.System);
        feed.FromPerson("a", "/pair");
        feed.FromBot(OutgoingMessage.Plain(Alex, "first"));
        feed.FromBot(OutgoingMessage.Plain(Alex, "second"));
        using var stop = new CancellationTokenSource();

        var items = await TakeAsync(feed.StreamAsync(after: 2, stop.Token), 2);

        Assert.Equal(PlaygroundFeed.ClockEvent, items[0].EventType);
        Assert.Equal("3", items[1].EventId);
        Assert.Contains("second", items[1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_WhileOpen_GetsNewsAsItHappens()
    {
        var feed = new PlaygroundFeed(TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var reading = TakeAsync(feed.StreamAsync(after: 0, stop.Token), 2);

        feed.FromBot(OutgoingMessage.Plain(Alex, "news") with { Choices = [[new Choice("Yes", "go:1")]] });
        var items = await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("\"payload\":\"go:1\"", items[1].Data, StringComparison.Ordinal);
        Assert.Contains("\"pane\":\"a\"", items[1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromBot_WithAFile_KeepsItForDownloadAndAQuestionOffersTheAnswerForm()
    {
        var feed = new PlaygroundFeed(TimeProvider.System);
        var export = new Attachment(AttachmentKind.Document, "journal.md", "text/markdown", "# Us"u8.ToArray());

        feed.FromBot(OutgoingMessage.Plain(Alex, "Your journal") with { Attachment = export });
        feed.FromBot(OutgoingMessage.Plain(Alex, "(1/3) What?") with { InvitesAnswer = true });
        var kept = await TakeAsync(feed.StreamAsync(0, CancellationToken.None), 3);

        var url = System.Text.Json.JsonDocument.Parse(kept[1].Data).RootElement.GetProperty("file").GetProperty("url").GetString()!;
        Assert.Same(export, feed.File(url["files/".Length..]));
        Assert.Contains("\"answerForm\":{", kept[2].Data, StringComparison.Ordinal);
        Assert.Null(feed.File("not-a-file"));
    }

    [Theory]
    [InlineData("/join ABCDE-FGHIJ", "join", "ABCDE-FGHIJ")]
    [InlineData("/Status", "status", "")]
    public void Typed_ACommand_BecomesACommandOfThePanesPerson(string line, string command, string arguments)
    {
        var message = Assert.IsType<CommandReceived>(WebInbound.Typed("b", "Sam", line));

        Assert.Equal((command, arguments), (message.Command, message.Arguments));
        Assert.Equal(new ChatUser(Platform.Web, "b"), message.From);
        Assert.Equal(new ChatAddress(Platform.Web, "b"), message.Chat);
        Assert.True(message.IsPrivate);
    }

    [Theory]
    [InlineData("I felt loved on Tuesday")]
    [InlineData("/")]
    public void Typed_AnythingElse_IsText(string line)
    {
        var message = Assert.IsType<TextReceived>(WebInbound.Typed("a", "Alex", line));

        Assert.Equal(line, message.Text);
    }

    private static async Task<List<SseItem<string>>> TakeAsync(IAsyncEnumerable<SseItem<string>> stream, int count)
    {
        var items = new List<SseItem<string>>();
        await foreach (var item in stream)
        {
            items.Add(item);
            if (items.Count == count)
            {
                break;
            }
        }

        return items;
    }
}
