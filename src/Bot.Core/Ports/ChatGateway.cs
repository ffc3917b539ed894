using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Core.Ports;

/// <summary>One platform's way of delivering a message; the outbox sender owns retries and pacing.</summary>
public interface IChatGateway
{
    Platform Platform { get; }

    /// <summary>Longest text one platform message may carry; longer texts are split before sending.</summary>
    int MaxTextLength { get; }

    /// <summary>Longest text that fits as a file's caption; a longer one is sent as text first, then the file.</summary>
    int MaxCaptionLength { get; }

    /// <summary>Messages per second the platform accepts from one bot across all chats.</summary>
    int MaxMessagesPerSecond { get; }

    /// <summary>Shortest gap between two messages to the same chat.</summary>
    TimeSpan MinIntervalPerChat(ChatAddress chat);

    /// <summary>
    /// Sends one message whose text already fits <see cref="MaxTextLength"/> (or, with an attachment,
    /// <see cref="MaxCaptionLength"/>); expected failures come back as a result, not an exception.
    /// </summary>
    Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>How a single send went.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    public static DeliveryResult Ok { get; } = new Delivered();

    public sealed record Delivered : DeliveryResult;

    /// <summary>The platform asked us to pause: the whole bot, or only for this chat.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : DeliveryResult
    {
        /// <summary>The limit is this chat's (a route's bucket), not the bot's: other chats go on.</summary>
        public bool OnlyThisChat { get; init; }
    }

    /// <summary>The person blocked the bot or left; retrying will not help.</summary>
    public sealed record Unreachable(string Reason) : DeliveryResult;

    /// <summary>The platform refused this message for good (bad request, unknown chat).</summary>
    public sealed record Rejected(string Reason) : DeliveryResult;

    /// <summary>Network trouble or a server error; worth trying again later.</summary>
    public sealed record Failed(string Reason) : DeliveryResult;

    /// <summary>The chat lives at another address now (a Telegram group upgraded to a supergroup); send there.</summary>
    public sealed record Moved(ChatAddress To) : DeliveryResult;
}

/// <summary>
/// Who can read a shared chat, on a platform that lets the bot check. A platform without one (Discord: listing who
/// may view a server channel needs a privileged intent) never gets a partner's words in a shared chat.
/// </summary>
public interface IChatAudience
{
    Platform Platform { get; }

    /// <summary>Whether nobody but <paramref name="allowed"/> (and bots) can read <paramref name="chat"/> right now.</summary>
    Task<AudienceCheck> CheckAsync(ChatAddress chat, IReadOnlyCollection<ChatUser> allowed, CancellationToken ct);
}

/// <summary>What a look at a shared chat's members found.</summary>
public abstract record AudienceCheck
{
    private AudienceCheck()
    {
    }

    public static AudienceCheck OnlyThem { get; } = new Verified();

    /// <summary>Only the allowed people (and bots) are in the chat.</summary>
    public sealed record Verified : AudienceCheck;

    /// <summary>Someone else can read it, or one of the allowed people is not there.</summary>
    public sealed record Others(string Reason) : AudienceCheck;

    /// <summary>The bot cannot reach the chat any more (removed, no rights, chat deleted).</summary>
    public sealed record Gone(string Reason) : AudienceCheck;

    /// <summary>The chat lives at another address now.</summary>
    public sealed record Moved(ChatAddress To) : AudienceCheck;

    /// <summary>The platform did not answer (network, server error): look again later.</summary>
    public sealed record Unknown(string Reason) : AudienceCheck;
}
