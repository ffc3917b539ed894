using Bot.Core.Application.Messages;

namespace Bot.Host.Delivery;

/// <summary>
/// A platform that shows a <see cref="Letter"/> in its own form (Telegram HTML, Discord embeds, the playground's
/// HTML). Its gateway says how a letter splits into pages that each fit one message; the outbox sender sends them
/// in turn, each as the message's <see cref="OutgoingMessage.Letter"/>. A platform without it gets the plain text.
/// </summary>
internal interface ILetterGateway
{
    IReadOnlyList<Letter> Pages(Letter letter);
}
