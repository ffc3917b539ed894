using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>"First time" proposals in memory; behaves like the SQLite repository (atomic moves, time precision).</summary>
public sealed class InMemoryFirstTimeRepository : IFirstTimeRepository
{
    private readonly Lock _lock = new();
    private readonly List<FirstTime> _items = [];
    private long _lastId;

    public IReadOnlyList<FirstTime> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public Task<FirstTime> AddAsync(FirstTime firstTime, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(firstTime);
        lock (_lock)
        {
            var stored = firstTime with
            {
                Id = ++_lastId,
                ProposedAt = StoredTime.Of(firstTime.ProposedAt),
                FollowUpAt = StoredTime.Of(firstTime.FollowUpAt),
                DecidedAt = StoredTime.Of(firstTime.DecidedAt),
            };
            _items.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<FirstTime?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_items.SingleOrDefault(f => f.Id == id));
        }
    }

    public Task<FirstTime?> GetCurrentAsync(long coupleId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_items.Where(f => f.CoupleId == coupleId && f.IsCurrent).MaxBy(f => f.Id));
        }
    }

    public Task<bool> TryMoveAsync(long id, FirstTimeState from, FirstTimeState to, DateTimeOffset at,
        DateTimeOffset? followUpAt, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _items.FindIndex(f => f.Id == id && f.State == from);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _items[index] = _items[index] with
            {
                State = to,
                DecidedAt = StoredTime.Of(at),
                FollowUpAt = StoredTime.Of(followUpAt),
            };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<long>> FindDueFollowUpsAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<long> due =
            [
                .. _items.Where(f => f.State == FirstTimeState.Accepted && f.FollowUpAt is { } at && at <= now)
                    .OrderBy(f => f.FollowUpAt).ThenBy(f => f.Id).Take(limit).Select(f => f.Id),
            ];
            return Task.FromResult(due);
        }
    }

    public Task<bool> TryTakeFollowUpAsync(long id, DateTimeOffset expected, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _items.FindIndex(f => f.Id == id && f.FollowUpAt == StoredTime.Of(expected));
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _items[index] = _items[index] with { FollowUpAt = null };
            return Task.FromResult(true);
        }
    }

    /// <summary>Drops the couple's proposals (journal erasure).</summary>
    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            _items.RemoveAll(f => f.CoupleId == coupleId);
        }
    }
}
