using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>One pending input per person, in memory.</summary>
public sealed class InMemoryPendingInputRepository : IPendingInputRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, PendingInput> _inputs = [];

    public IReadOnlyList<PendingInput> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _inputs.Values];
            }
        }
    }

    public Task<PendingInput?> GetAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_inputs.GetValueOrDefault(personId));
        }
    }

    public Task SetAsync(PendingInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        lock (_lock)
        {
            _inputs[input.PersonId] = input with { CreatedAt = StoredTime.Of(input.CreatedAt) };
            return Task.CompletedTask;
        }
    }

    public Task ClearAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            _inputs.Remove(personId);
            return Task.CompletedTask;
        }
    }

    /// <summary>Forgets inputs waiting on these rounds (journal erasure).</summary>
    public void RemoveRounds(IReadOnlySet<long> roundIds)
    {
        lock (_lock)
        {
            foreach (var input in _inputs.Values.Where(i => roundIds.Contains(i.RoundId)).ToList())
            {
                _inputs.Remove(input.PersonId);
            }
        }
    }
}
