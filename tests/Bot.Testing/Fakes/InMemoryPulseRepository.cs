using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Pulse taps in memory; behaves like the SQLite repository (once per scale, revealed rounds only).</summary>
/// <param name="rounds">Where the rounds live, for the revealed-only readings (as SQLite joins them).</param>
public sealed class InMemoryPulseRepository(InMemoryRoundRepository rounds) : IPulseRepository
{
    private readonly Lock _lock = new();
    private readonly List<PulseEntry> _entries = [];

    public IReadOnlyList<PulseEntry> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public Task<bool> AddAsync(PulseEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_entries.Any(e => e.RoundId == entry.RoundId && e.PersonId == entry.PersonId && e.Scale == entry.Scale))
            {
                return Task.FromResult(false);
            }

            _entries.Add(entry with { At = StoredTime.Of(entry.At) });
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<PulseEntry>> GetForRoundAsync(long roundId, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<PulseEntry> entries =
                [.. _entries.Where(e => e.RoundId == roundId).OrderBy(e => e.Scale).ThenBy(e => e.PersonId)];
            return Task.FromResult(entries);
        }
    }

    public Task<IReadOnlyList<PulseReading>> GetRevealedAsync(long coupleId, DateTimeOffset since, CancellationToken ct)
    {
        var revealed = rounds.All
            .Where(r => r.CoupleId == coupleId && r.State == RoundState.Revealed && r.OpenedAt >= StoredTime.Of(since))
            .ToDictionary(r => r.Id);
        lock (_lock)
        {
            IReadOnlyList<PulseReading> readings =
            [
                .. _entries.Where(e => revealed.ContainsKey(e.RoundId))
                    .Select(e => new PulseReading(revealed[e.RoundId].OpenedAt, e.PersonId, e.Scale, e.Value))
                    .OrderBy(r => r.RoundOpenedAt).ThenBy(r => r.Scale).ThenBy(r => r.PersonId),
            ];
            return Task.FromResult(readings);
        }
    }

    public Task DeleteByAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            _entries.RemoveAll(e => e.PersonId == personId);
            return Task.CompletedTask;
        }
    }

    /// <summary>Drops the taps of these rounds (journal erasure).</summary>
    public void RemoveRounds(IReadOnlySet<long> roundIds)
    {
        lock (_lock)
        {
            _entries.RemoveAll(e => roundIds.Contains(e.RoundId));
        }
    }
}
