using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Delivery;

namespace Bot.Host.Platforms.Web;

/// <summary>Delivers outbox messages to the playground's page; a pane is a private chat, and it is always there.</summary>
internal sealed class WebChatGateway(PlaygroundFeed feed) : IChatGateway, ILetterGateway
{
    public Platform Platform => Platform.Web;

    // The same limits as Telegram, so long messages and captions split the way couples would see them.
    public int MaxTextLength => 4096;

    public int MaxCaptionLength => 1024;

    public int MaxMessagesPerSecond => 100;

    public TimeSpan MinIntervalPerChat(ChatAddress chat) => TimeSpan.FromMilliseconds(10);

    // The page has no length limit: a letter arrives whole.
    public IReadOnlyList<Letter> Pages(Letter letter) => [letter];

    public Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        feed.FromBot(message);
        return Task.FromResult(DeliveryResult.Ok);
    }
}
