using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>The year in review's bookkeeping in memory; counts from the store's other fakes as the SQL does.</summary>
public sealed class InMemoryYearReviewRepository(InMemoryStore store) : IYearReviewRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, DateTimeOffset> _nextCheck = [];
    private readonly HashSet<(long Couple, long Person, int Year)> _marked = [];

    /// <summary>Who had which year (or had it passed over).</summary>
    public IReadOnlyCollection<(long Couple, long Person, int Year)> Marked
    {
        get
        {
            lock (_lock)
            {
                return [.. _marked];
            }
        }
    }

    public Task<IReadOnlyList<long>> FindDueAsync(
        DateTimeOffset now, DateTimeOffset pairedBy, int limit, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<long> due =
            [
                .. store.Couples.All
                    .Where(c => c.IsActive && c.CreatedAt <= StoredTime.Of(pairedBy)
                        && (!_nextCheck.TryGetValue(c.Id, out var at) || at <= StoredTime.Of(now)))
                    .OrderBy(c => c.Id).Take(limit).Select(c => c.Id),
            ];
            return Task.FromResult(due);
        }
    }

    public Task SetNextCheckAsync(long coupleId, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            _nextCheck[coupleId] = StoredTime.Of(at);
            return Task.CompletedTask;
        }
    }

    public Task<bool> HasAsync(long coupleId, long personId, int year, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_marked.Contains((coupleId, personId, year)));
        }
    }

    public Task<bool> TryMarkAsync(long coupleId, long personId, int year, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_marked.Add((coupleId, personId, year)));
        }
    }

    public async Task<YearStats> GetStatsAsync(
        long coupleId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        bool In(DateTimeOffset? at) => at is { } t && t >= StoredTime.Of(from) && t < StoredTime.Of(until);
        var wishes = await store.BucketList.ListAsync(coupleId, ct).ConfigureAwait(false);
        return new YearStats(
            store.Rounds.All.Count(r => r.CoupleId == coupleId && r.State == RoundState.Revealed && In(r.ClosedAt)),
            store.FirstTimes.All.Count(f => f.CoupleId == coupleId && f.State == FirstTimeState.Done && In(f.DecidedAt)),
            wishes.Count(w => In(w.DoneAt)),
            store.Quizzes.All.Count(q => q.CoupleId == coupleId && q.State == QuizPlayState.Revealed && In(q.ClosedAt)),
            store.Memories.All.Count(m => m.CoupleId == coupleId && In(m.CreatedAt)));
    }
}
