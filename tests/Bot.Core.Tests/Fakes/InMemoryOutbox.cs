using Bot.Core.Application.Messages;
using Bot.Core.Ports;

namespace Bot.Core.Tests.Fakes;

/// <summary>Records enqueued messages in order; nothing is ever delivered.</summary>
public sealed class InMemoryOutbox : IOutbox
{
    private readonly Lock _lock = new();
    private readonly List<OutgoingMessage> _messages = [];

    public IReadOnlyList<OutgoingMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _messages.Clear();
        }
    }

    public Task EnqueueAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            _messages.Add(message);
            return Task.CompletedTask;
        }
    }

    public Task DeleteUndeliveredWordsOfAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            _messages.RemoveAll(m => m.WordsOf.Contains(personId));
            return Task.CompletedTask;
        }
    }
}
