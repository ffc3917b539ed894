using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Delivery;

namespace Bot.Host.Tests.Delivery;

public sealed class OutboxPiecesTests
{
    private static readonly ChatAddress Chat = new(Platform.Telegram, "1");
    private static readonly Attachment File = new(AttachmentKind.Document, "journal.md", "text/markdown", "# hi"u8.ToArray());
    private static readonly IReadOnlyList<IReadOnlyList<Choice>> Buttons = [[new Choice("Thanks", "thanks:1")]];

    [Fact]
    public void Pieces_OfAFileWithAShortText_IsOneCaptionedFile_WithTheButtons()
    {
        var message = new OutgoingMessage(Chat, "Your journal", Buttons, []) { Attachment = File };

        var piece = Assert.Single(OutboxSender.Pieces(message, new Gateway()));

        Assert.Equal(("Your journal", File), (piece.Text, piece.Attachment));
        Assert.Same(Buttons, piece.Choices);
    }

    [Fact]
    public void Pieces_OfAFileWithATextLongerThanACaption_SendsTheTextFirst_ThenTheBareFileWithTheButtons()
    {
        var text = new string('a', 60) + " " + new string('b', 60);
        var message = new OutgoingMessage(Chat, text, Buttons, []) { Attachment = File, InvitesAnswer = true };

        var pieces = OutboxSender.Pieces(message, new Gateway());

        Assert.Equal([new string('a', 60), new string('b', 60), ""], pieces.Select(p => p.Text));
        Assert.Equal([null, null, File], pieces.Select(p => p.Attachment));
        Assert.Equal([0, 0, 1], pieces.Select(p => p.Choices.Count));
        Assert.Equal([false, false, true], pieces.Select(p => p.InvitesAnswer));
    }

    [Fact]
    public void Pieces_OfALongTextWithoutAFile_PutsTheButtonsUnderTheLastPart()
    {
        var message = new OutgoingMessage(Chat, new string('a', 60) + " " + new string('b', 60), Buttons, []);

        var pieces = OutboxSender.Pieces(message, new Gateway());

        Assert.Equal(2, pieces.Count);
        Assert.Equal([0, 1], pieces.Select(p => p.Choices.Count));
        Assert.All(pieces, p => Assert.Null(p.Attachment));
    }

    private sealed class Gateway : IChatGateway
    {
        public Platform Platform => Platform.Telegram;

        public int MaxTextLength => 80;

        public int MaxCaptionLength => 40;

        public int MaxMessagesPerSecond => 30;

        public TimeSpan MinIntervalPerChat(ChatAddress chat) => TimeSpan.Zero;

        public Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct) =>
            Task.FromResult(DeliveryResult.Ok);
    }
}
