using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Core.Ports;

/// <summary>Durable outgoing messages, written in the same transaction as the change that caused them.</summary>
public interface IOutbox
{
    Task EnqueueAsync(OutgoingMessage message, CancellationToken ct);

    /// <summary>Drops undelivered messages that quote this person's words (part of /forget).</summary>
    Task DeleteUndeliveredWordsOfAsync(long personId, CancellationToken ct);

    /// <summary>
    /// Drops round steps (questions, pulse scales) to this chat still held for quiet hours (NotBefore after <paramref name="now"/>): the person
    /// is awake and talking to us, so a fresh question replaces them.
    /// </summary>
    Task DropHeldQuestionsAsync(ChatAddress chat, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Drops the steps of this round (questions, pulse scales) still held for quiet hours (NotBefore after
    /// <paramref name="now"/>): the round is over, and they must not arrive in the morning.
    /// </summary>
    Task WithdrawRoundStepsAsync(long roundId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Readdresses everything still waiting for <paramref name="from"/> to <paramref name="to"/> (the chat moved).</summary>
    Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken ct);
}

/// <summary>Runs work in one storage transaction: all of its changes and outbox messages commit, or none.</summary>
public interface IUnitOfWork
{
    Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct);
}

/// <summary>Convenience overloads for <see cref="IUnitOfWork"/>.</summary>
public static class UnitOfWorkExtensions
{
    public static Task RunAsync(this IUnitOfWork unitOfWork, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        return unitOfWork.RunAsync<bool>(
            async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            },
            ct);
    }
}
