using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Drawn questions per couple and deck; behaves like the SQLite ledger.</summary>
public sealed class InMemoryQuestionLedger : IQuestionLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(long CoupleId, string DeckId), HashSet<string>> _drawn = [];

    public Task<IReadOnlySet<string>> GetDrawnAsync(long coupleId, string deckId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deckId);
        lock (_lock)
        {
            IReadOnlySet<string> drawn = _drawn.TryGetValue((coupleId, deckId), out var ids)
                ? new HashSet<string>(ids, StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            return Task.FromResult(drawn);
        }
    }

    public Task AddAsync(long coupleId, string deckId, string questionId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deckId);
        ArgumentNullException.ThrowIfNull(questionId);
        lock (_lock)
        {
            if (!_drawn.TryGetValue((coupleId, deckId), out var ids))
            {
                ids = new HashSet<string>(StringComparer.Ordinal);
                _drawn[(coupleId, deckId)] = ids;
            }

            ids.Add(questionId);
            return Task.CompletedTask;
        }
    }

    public Task ResetAsync(long coupleId, string deckId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deckId);
        lock (_lock)
        {
            _drawn.Remove((coupleId, deckId));
            return Task.CompletedTask;
        }
    }

    /// <summary>Forgets every draw of the couple (journal erasure).</summary>
    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            foreach (var key in _drawn.Keys.Where(k => k.CoupleId == coupleId).ToList())
            {
                _drawn.Remove(key);
            }
        }
    }
}
