using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Erase requests in memory; erasing reaches into the store's other fakes like the SQL does into tables.</summary>
public sealed class InMemoryJournalErasure(InMemoryStore store) : IJournalErasure
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, long> _requestedBy = [];

    public Task RequestAsync(long coupleId, long requestedById, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            _requestedBy[coupleId] = requestedById;
            return Task.CompletedTask;
        }
    }

    public Task<bool> IsRequestedAsync(long coupleId, long requestedById, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_requestedBy.TryGetValue(coupleId, out var by) && by == requestedById);
        }
    }

    public Task<bool> TryTakeRequestAsync(long coupleId, long requestedById, CancellationToken ct)
    {
        lock (_lock)
        {
            var taken = _requestedBy.TryGetValue(coupleId, out var by) && by == requestedById
                && _requestedBy.Remove(coupleId);
            return Task.FromResult(taken);
        }
    }

    public Task EraseAsync(long coupleId, CancellationToken ct)
    {
        var rounds = store.Rounds.All.Where(r => r.CoupleId == coupleId).Select(r => r.Id).ToHashSet();
        store.Pulses.RemoveRounds(rounds);
        store.PendingInputs.RemoveRounds(rounds);
        store.Rounds.RemoveCouple(coupleId);
        store.Ledger.RemoveCouple(coupleId);
        store.BucketList.RemoveCouple(coupleId);
        store.LoveNotes.RemoveCouple(coupleId);
        store.Bowl.RemoveCouple(coupleId);
        store.FirstTimes.RemoveCouple(coupleId);
        store.Quizzes.RemoveCouple(coupleId);
        store.Memories.RemoveCouple(coupleId);
        store.Media.RemoveCouple(coupleId);
        return Task.CompletedTask;
    }
}
