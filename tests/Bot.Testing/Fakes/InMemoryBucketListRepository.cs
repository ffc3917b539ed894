using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Bucket lists in memory; behaves like the SQLite repository (order, ownership checks, time precision).</summary>
public sealed class InMemoryBucketListRepository : IBucketListRepository
{
    private readonly Lock _lock = new();
    private readonly List<BucketItem> _items = [];
    private long _lastId;

    public IReadOnlyList<BucketItem> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public Task<BucketItem> AddAsync(BucketItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            var stored = item with { Id = ++_lastId, AddedAt = StoredTime.Of(item.AddedAt), DoneAt = StoredTime.Of(item.DoneAt) };
            _items.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<BucketItem>> ListAsync(long coupleId, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<BucketItem> list =
            [
                .. _items.Where(i => i.CoupleId == coupleId && !i.IsDone).OrderBy(i => i.AddedAt).ThenBy(i => i.Id),
                .. _items.Where(i => i.CoupleId == coupleId && i.IsDone).OrderByDescending(i => i.DoneAt).ThenBy(i => i.Id),
            ];
            return Task.FromResult(list);
        }
    }

    public Task<bool> MarkDoneAsync(long coupleId, long itemId, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _items.FindIndex(i => i.Id == itemId && i.CoupleId == coupleId && !i.IsDone);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _items[index] = _items[index] with { DoneAt = StoredTime.Of(at) };
            return Task.FromResult(true);
        }
    }

    public Task DeleteAddedByAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            _items.RemoveAll(i => i.AddedById == personId);
            return Task.CompletedTask;
        }
    }

    /// <summary>Drops the couple's list (journal erasure).</summary>
    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            _items.RemoveAll(i => i.CoupleId == coupleId);
        }
    }
}
