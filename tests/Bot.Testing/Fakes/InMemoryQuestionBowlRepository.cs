using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>The question bowl in memory; behaves like the SQLite repository (order added, once-only draw, time precision).</summary>
public sealed class InMemoryQuestionBowlRepository : IQuestionBowlRepository
{
    private readonly Lock _lock = new();
    private readonly List<BowlQuestion> _questions = [];
    private long _lastId;

    public IReadOnlyList<BowlQuestion> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _questions];
            }
        }
    }

    public Task<BowlQuestion> AddAsync(BowlQuestion question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        lock (_lock)
        {
            var stored = question with
            {
                Id = ++_lastId,
                AddedAt = StoredTime.Of(question.AddedAt),
                DrawnAt = StoredTime.Of(question.DrawnAt),
            };
            _questions.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<BowlQuestion>> ListAsync(long coupleId, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<BowlQuestion> list =
                [.. _questions.Where(q => q.CoupleId == coupleId).OrderBy(q => q.AddedAt).ThenBy(q => q.Id)];
            return Task.FromResult(list);
        }
    }

    public Task<bool> MarkDrawnAsync(long id, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _questions.FindIndex(q => q.Id == id && !q.IsDrawn);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _questions[index] = _questions[index] with { DrawnAt = StoredTime.Of(at) };
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveWaitingAsync(long id, long addedById, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_questions.RemoveAll(q => q.Id == id && q.AddedById == addedById && !q.IsDrawn) == 1);
        }
    }

    public Task DeleteAddedByAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            _questions.RemoveAll(q => q.AddedById == personId);
            return Task.CompletedTask;
        }
    }

    /// <summary>Empties the couple's bowl (journal erasure).</summary>
    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            _questions.RemoveAll(q => q.CoupleId == coupleId);
        }
    }
}
