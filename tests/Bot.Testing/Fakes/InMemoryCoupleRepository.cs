using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Couples in a dictionary; behaves like the SQLite repository.</summary>
public sealed class InMemoryCoupleRepository : ICoupleRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Couple> _couples = [];
    private long _lastId;

    public IReadOnlyList<Couple> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _couples.Values.OrderBy(c => c.Id)];
            }
        }
    }

    public Task<Couple> AddAsync(Couple couple, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(couple);
        lock (_lock)
        {
            var stored = Stored(couple) with { Id = ++_lastId };
            _couples[stored.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<Couple?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_couples.GetValueOrDefault(id));
        }
    }

    public Task<Couple?> GetActiveForPersonAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_couples.Values
                .Where(c => c.IsActive && c.Includes(personId))
                .OrderByDescending(c => c.Id)
                .FirstOrDefault());
        }
    }

    public Task<Couple?> GetLatestForPersonAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_couples.Values.Where(c => c.Includes(personId)).OrderByDescending(c => c.Id).FirstOrDefault());
        }
    }

    public Task<IReadOnlyList<Couple>> FindByHomeAsync(ChatAddress home, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Couple>>(
                [.. _couples.Values.Where(c => c.IsActive && c.Home == home).OrderBy(c => c.Id)]);
        }
    }

    public Task UpdateAsync(Couple couple, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(couple);
        lock (_lock)
        {
            if (_couples.TryGetValue(couple.Id, out var existing))
            {
                var update = Stored(couple);
                _couples[couple.Id] = existing with
                {
                    TimeZone = update.TimeZone,
                    Schedule = update.Schedule,
                    NextCheckInAt = update.NextCheckInAt,
                    Home = update.Home,
                    EndedAt = update.EndedAt,
                    PausedUntil = update.PausedUntil,
                    CooldownUntil = update.CooldownUntil,
                    CooldownById = update.CooldownById,
                    CooldownTopic = update.CooldownTopic,
                    NextFirstTimeAt = update.NextFirstTimeAt,
                    TimeZoneIsGuess = update.TimeZoneIsGuess,
                    SlotIsDefault = update.SlotIsDefault,
                };
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<long>> FindDueCheckInsAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindDue(c => c.NextCheckInAt, now, limit);

    public Task<IReadOnlyList<long>> FindDueCooldownEndsAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindDue(c => c.CooldownUntil, now, limit);

    public Task<bool> TryEndCooldownAsync(long coupleId, DateTimeOffset expectedUntil, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_couples.TryGetValue(coupleId, out var couple) || couple.CooldownUntil != StoredTime.Of(expectedUntil))
            {
                return Task.FromResult(false);
            }

            _couples[coupleId] = couple with { CooldownUntil = null, CooldownById = null, CooldownTopic = null };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<long>> FindDueFirstTimesAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindDue(c => c.NextFirstTimeAt, now, limit);

    public Task<bool> TryAdvanceFirstTimeAsync(
        long coupleId, DateTimeOffset expected, DateTimeOffset? next, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_couples.TryGetValue(coupleId, out var couple) || couple.NextFirstTimeAt != StoredTime.Of(expected))
            {
                return Task.FromResult(false);
            }

            _couples[coupleId] = couple with { NextFirstTimeAt = StoredTime.Of(next) };
            return Task.FromResult(true);
        }
    }

    private Task<IReadOnlyList<long>> FindDue(Func<Couple, DateTimeOffset?> dueAt, DateTimeOffset now, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var at = StoredTime.Of(now);
        lock (_lock)
        {
            IReadOnlyList<long> due = [.. _couples.Values
                .Where(c => c.IsActive && dueAt(c) is { } next && next <= at)
                .OrderBy(dueAt)
                .ThenBy(c => c.Id)
                .Take(limit)
                .Select(c => c.Id)];
            return Task.FromResult(due);
        }
    }

    public Task<bool> TryAdvanceCheckInAsync(
        long coupleId, DateTimeOffset expected, DateTimeOffset? next, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_couples.TryGetValue(coupleId, out var couple) || couple.NextCheckInAt != StoredTime.Of(expected))
            {
                return Task.FromResult(false);
            }

            _couples[coupleId] = couple with { NextCheckInAt = StoredTime.Of(next) };
            return Task.FromResult(true);
        }
    }

    // Storage keeps the schedule to the minute and timestamps to the millisecond.
    private static Couple Stored(Couple couple) => couple with
    {
        Schedule = couple.Schedule with { Time = new TimeOnly(couple.Schedule.Time.Hour, couple.Schedule.Time.Minute) },
        NextCheckInAt = StoredTime.Of(couple.NextCheckInAt),
        CreatedAt = StoredTime.Of(couple.CreatedAt),
        EndedAt = StoredTime.Of(couple.EndedAt),
        PausedUntil = StoredTime.Of(couple.PausedUntil),
        CooldownUntil = StoredTime.Of(couple.CooldownUntil),
        NextFirstTimeAt = StoredTime.Of(couple.NextFirstTimeAt),
    };
}
