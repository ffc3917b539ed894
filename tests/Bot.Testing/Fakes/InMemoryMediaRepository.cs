using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Kept media in memory; behaves like the SQLite repository.</summary>
public sealed class InMemoryMediaRepository : IMediaRepository
{
    private readonly Lock _lock = new();
    private readonly List<MediaItem> _items = [];
    private long _lastId;

    public IReadOnlyList<MediaItem> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public Task<long> AddAsync(MediaItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            var stored = item with { Id = ++_lastId, CreatedAt = StoredTime.Of(item.CreatedAt), Content = item.Content.ToArray() };
            _items.Add(stored);
            return Task.FromResult(stored.Id);
        }
    }

    public Task<MediaItem?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_items.FirstOrDefault(i => i.Id == id));
        }
    }

    public Task DeleteByAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            _items.RemoveAll(i => i.PersonId == personId);
            return Task.CompletedTask;
        }
    }

    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            _items.RemoveAll(i => i.CoupleId == coupleId);
        }
    }
}

/// <summary>The photo journal in memory; behaves like the SQLite repository.</summary>
public sealed class InMemoryMemoryRepository : IMemoryRepository
{
    private readonly Lock _lock = new();
    private readonly List<Memory> _items = [];
    private long _lastId;

    public IReadOnlyList<Memory> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public Task<Memory> AddAsync(Memory memory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(memory);
        lock (_lock)
        {
            var stored = memory with
            {
                Id = ++_lastId,
                CreatedAt = StoredTime.Of(memory.CreatedAt),
                NextRecallAfter = StoredTime.Of(memory.NextRecallAfter),
            };
            _items.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<Memory?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_items.FirstOrDefault(m => m.Id == id));
        }
    }

    public Task<IReadOnlyList<Memory>> ListAsync(long coupleId, int limit, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<Memory> list =
                [.. _items.Where(m => m.CoupleId == coupleId).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<long>> FindRecallCandidatesAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<long> ids =
                [.. _items.Where(m => m.NextRecallAfter <= now).OrderBy(m => m.NextRecallAfter).ThenBy(m => m.Id).Take(limit).Select(m => m.Id)];
            return Task.FromResult(ids);
        }
    }

    public Task<bool> MoveNextRecallAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _items.FindIndex(m => m.Id == id && m.NextRecallAfter == StoredTime.Of(expected));
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _items[index] = _items[index] with { NextRecallAfter = StoredTime.Of(next) };
            return Task.FromResult(true);
        }
    }

    public Task DeleteByAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            _items.RemoveAll(m => m.AuthorId == personId);
            return Task.CompletedTask;
        }
    }

    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            _items.RemoveAll(m => m.CoupleId == coupleId);
        }
    }
}
