using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Quiz plays in memory; behaves like the SQLite repository (taps only while open, each step once).</summary>
public sealed class InMemoryQuizRepository : IQuizRepository
{
    private readonly Lock _lock = new();
    private readonly List<QuizPlay> _plays = [];
    private long _lastId;

    public IReadOnlyList<QuizPlay> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _plays];
            }
        }
    }

    public Task<QuizPlay> AddAsync(QuizPlay play, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(play);
        lock (_lock)
        {
            var stored = play with
            {
                Id = ++_lastId,
                StartedAt = StoredTime.Of(play.StartedAt),
                ClosedAt = StoredTime.Of(play.ClosedAt),
                Answers = [],
            };
            _plays.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<QuizPlay?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_plays.SingleOrDefault(p => p.Id == id));
        }
    }

    public Task<QuizPlay?> GetOpenAsync(long coupleId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_plays.Where(p => p.CoupleId == coupleId && p.IsOpen).MaxBy(p => p.Id));
        }
    }

    public Task<bool> AddChoiceAsync(QuizAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_lock)
        {
            var index = _plays.FindIndex(p => p.Id == answer.PlayId);
            if (index < 0 || !_plays[index].IsOpen || _plays[index].AnswerOf(answer.PersonId, answer.Item) is not null)
            {
                return Task.FromResult(false);
            }

            _plays[index] = _plays[index] with
            {
                Answers = [.. _plays[index].Answers, answer with { Guess = null, At = StoredTime.Of(answer.At) }],
            };
            return Task.FromResult(true);
        }
    }

    public Task<bool> SetGuessAsync(long playId, long personId, int item, int guess, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _plays.FindIndex(p => p.Id == playId);
            if (index < 0 || !_plays[index].IsOpen
                || _plays[index].AnswerOf(personId, item) is not { Guess: null } answer)
            {
                return Task.FromResult(false);
            }

            _plays[index] = _plays[index] with
            {
                Answers = [.. _plays[index].Answers.Select(a => a == answer ? a with { Guess = guess } : a)],
            };
            return Task.FromResult(true);
        }
    }

    public Task<bool> CloseAsync(long playId, QuizPlayState state, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _plays.FindIndex(p => p.Id == playId);
            if (index < 0 || !_plays[index].IsOpen)
            {
                return Task.FromResult(false);
            }

            _plays[index] = _plays[index] with { State = state, ClosedAt = StoredTime.Of(at) };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<QuizPlay>> GetRevealedAsync(
        long coupleId, DateTimeOffset since, int count, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<QuizPlay> plays =
            [
                .. _plays.Where(p => p.CoupleId == coupleId && p.State == QuizPlayState.Revealed
                        && p.ClosedAt >= StoredTime.Of(since))
                    .OrderByDescending(p => p.ClosedAt).ThenByDescending(p => p.Id).Take(count),
            ];
            return Task.FromResult(plays);
        }
    }

    public Task DeleteAnswersByAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            for (var i = 0; i < _plays.Count; i++)
            {
                _plays[i] = _plays[i] with { Answers = [.. _plays[i].Answers.Where(a => a.PersonId != personId)] };
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Drops the couple's plays (journal erasure).</summary>
    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            _plays.RemoveAll(p => p.CoupleId == coupleId);
        }
    }
}
