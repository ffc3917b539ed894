using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Records enqueued messages in order (held ones carry their NotBefore); nothing is ever delivered.</summary>
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

    public Task DropHeldQuestionsAsync(ChatAddress chat, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chat);
        lock (_lock)
        {
            _messages.RemoveAll(m => m.To == chat && (m.InvitesAnswer || m.IsRoundStep) && m.NotBefore > now);
            return Task.CompletedTask;
        }
    }

    public Task WithdrawRoundStepsAsync(long roundId, DateTimeOffset now, CancellationToken ct)
    {
        lock (_lock)
        {
            _messages.RemoveAll(m => m.StepOfRound == roundId && m.NotBefore > now);
            return Task.CompletedTask;
        }
    }

    public Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken ct)
    {
        lock (_lock)
        {
            for (var i = 0; i < _messages.Count; i++)
            {
                if (_messages[i].To == from)
                {
                    _messages[i] = _messages[i] with { To = to };
                }
            }

            return Task.CompletedTask;
        }
    }
}
