using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Love notes in memory; behaves like the SQLite repository (due order, once-only delivery, time precision).</summary>
public sealed class InMemoryLoveNoteRepository : ILoveNoteRepository
{
    private readonly Lock _lock = new();
    private readonly List<LoveNote> _notes = [];
    private long _lastId;

    public IReadOnlyList<LoveNote> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _notes];
            }
        }
    }

    public Task<LoveNote> AddAsync(LoveNote note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(note);
        lock (_lock)
        {
            var stored = note with
            {
                Id = ++_lastId,
                CreatedAt = StoredTime.Of(note.CreatedAt),
                DeliverAt = StoredTime.Of(note.DeliverAt),
                DeliveredAt = StoredTime.Of(note.DeliveredAt),
            };
            _notes.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<LoveNote?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_notes.SingleOrDefault(n => n.Id == id));
        }
    }

    public Task<IReadOnlyList<long>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<long> due =
            [
                .. _notes.Where(n => !n.IsDelivered && n.DeliverAt <= now)
                    .OrderBy(n => n.DeliverAt).ThenBy(n => n.Id).Take(limit).Select(n => n.Id),
            ];
            return Task.FromResult(due);
        }
    }

    public Task<IReadOnlyList<LoveNote>> ListDeliveredAsync(long coupleId, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<LoveNote> delivered =
            [
                .. _notes.Where(n => n.CoupleId == coupleId && n.IsDelivered)
                    .OrderBy(n => n.DeliveredAt).ThenBy(n => n.Id),
            ];
            return Task.FromResult(delivered);
        }
    }

    public Task<bool> MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _notes.FindIndex(n => n.Id == id && !n.IsDelivered);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _notes[index] = _notes[index] with { DeliveredAt = StoredTime.Of(at) };
            return Task.FromResult(true);
        }
    }

    public Task<bool> PostponeAsync(long id, DateTimeOffset expected, DateTimeOffset to, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _notes.FindIndex(n => n.Id == id && !n.IsDelivered && n.DeliverAt == StoredTime.Of(expected));
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _notes[index] = _notes[index] with { DeliverAt = StoredTime.Of(to) };
            return Task.FromResult(true);
        }
    }

    public Task MoveDueAsync(long coupleId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        lock (_lock)
        {
            for (var i = 0; i < _notes.Count; i++)
            {
                if (_notes[i] is { IsDelivered: false } note && note.CoupleId == coupleId
                    && note.DeliverAt == StoredTime.Of(from))
                {
                    _notes[i] = note with { DeliverAt = StoredTime.Of(to) };
                }
            }

            return Task.CompletedTask;
        }
    }

    public Task<int> CountPendingFromAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_notes.Count(n => n.FromId == personId && !n.IsDelivered));
        }
    }

    public Task DeleteFromAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            _notes.RemoveAll(n => n.FromId == personId);
            return Task.CompletedTask;
        }
    }

    /// <summary>Drops the couple's notes (journal erasure).</summary>
    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            _notes.RemoveAll(n => n.CoupleId == coupleId);
        }
    }
}
