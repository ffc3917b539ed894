using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Rounds with their questions and answers; behaves like the SQLite repository.</summary>
public sealed class InMemoryRoundRepository : IRoundRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Round> _rounds = [];
    private readonly HashSet<(long RoundId, int Position, long PersonId)> _heldDelivered = [];
    private long _lastId;

    public IReadOnlyList<Round> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _rounds.Values.OrderBy(r => r.Id)];
            }
        }
    }

    public Task<Round> AddAsync(Round round, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Answers.Count > 0)
        {
            throw new ArgumentException("A new round has no answers yet.", nameof(round));
        }

        lock (_lock)
        {
            if (round.IsOpen && _rounds.Values.Any(r => r.IsOpen && r.CoupleId == round.CoupleId))
            {
                throw new InvalidOperationException($"Couple {round.CoupleId} already has an open round.");
            }

            if (round.Questions.Select(q => q.Position).Distinct().Count() != round.Questions.Count)
            {
                throw new InvalidOperationException("Two questions of a round share a position.");
            }

            var stored = round with
            {
                Id = ++_lastId,
                OpenedAt = StoredTime.Of(round.OpenedAt),
                RemindAt = StoredTime.Of(round.RemindAt),
                ExpiresAt = StoredTime.Of(round.ExpiresAt),
                RemindedAt = StoredTime.Of(round.RemindedAt),
                ClosedAt = StoredTime.Of(round.ClosedAt),
                Questions = [.. round.Questions.OrderBy(q => q.Position)],
                Answers = [],
            };
            _rounds[stored.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<Round?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rounds.GetValueOrDefault(id));
        }
    }

    public Task<Round?> GetOpenAsync(long coupleId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rounds.Values.FirstOrDefault(r => r.IsOpen && r.CoupleId == coupleId));
        }
    }

    public Task<bool> AddAnswerAsync(Answer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_lock)
        {
            // Storage refuses an answer to a question the round does not have (a foreign key).
            if (!_rounds.TryGetValue(answer.RoundId, out var round)
                || round.Questions.All(q => q.Position != answer.Position))
            {
                throw new InvalidOperationException(
                    $"Round {answer.RoundId} has no question at position {answer.Position}.");
            }

            if (round.AnswerOf(answer.PersonId, answer.Position) is not null)
            {
                return Task.FromResult(false);
            }

            _rounds[round.Id] = WithAnswers(round, round.Answers.Append(answer with
            {
                AnsweredAt = StoredTime.Of(answer.AnsweredAt),
                HeldUntil = StoredTime.Of(answer.HeldUntil),
            }));
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateAnswerAsync(Answer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_lock)
        {
            if (!_rounds.TryGetValue(answer.RoundId, out var round) || !round.IsOpen
                || round.AnswerOf(answer.PersonId, answer.Position) is not { } stored)
            {
                return Task.FromResult(false);
            }

            var changed = stored with
            {
                Text = answer.Text,
                SourceMessageId = answer.SourceMessageId,
                Visibility = answer.Visibility,
                HeldUntil = StoredTime.Of(answer.HeldUntil),
            };
            _rounds[round.Id] = WithAnswers(round, round.Answers.Select(a => a == stored ? changed : a));
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<long>> FindDueHeldAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var at = StoredTime.Of(now);
        lock (_lock)
        {
            IReadOnlyList<long> due = [.. _rounds.Values
                .Where(r => r.State == RoundState.Revealed && r.Answers.Any(a =>
                    a is { Visibility: AnswerVisibility.Held, IsSkipped: false, HeldUntil: { } until }
                    && until <= at && until > r.ClosedAt
                    && !_heldDelivered.Contains((r.Id, a.Position, a.PersonId))))
                .OrderBy(r => r.ClosedAt)
                .ThenBy(r => r.Id)
                .Take(limit)
                .Select(r => r.Id)];
            return Task.FromResult(due);
        }
    }

    public Task<bool> MarkHeldDeliveredAsync(
        long roundId, int position, long personId, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            var isHeld = _rounds.TryGetValue(roundId, out var round)
                && round.AnswerOf(personId, position) is { Visibility: AnswerVisibility.Held };
            return Task.FromResult(isHeld && _heldDelivered.Add((roundId, position, personId)));
        }
    }

    public Task<bool> CloseAsync(long roundId, RoundState state, DateTimeOffset at, CancellationToken ct)
    {
        if (state == RoundState.Open)
        {
            throw new ArgumentException("A round closes into a state other than Open.", nameof(state));
        }

        lock (_lock)
        {
            if (!_rounds.TryGetValue(roundId, out var round) || !round.IsOpen)
            {
                return Task.FromResult(false);
            }

            _rounds[roundId] = round with { State = state, ClosedAt = StoredTime.Of(at) };
            return Task.FromResult(true);
        }
    }

    public Task<bool> MarkRemindedAsync(long roundId, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_rounds.TryGetValue(roundId, out var round) || round.RemindedAt is not null || !round.IsOpen)
            {
                return Task.FromResult(false);
            }

            _rounds[roundId] = round with { RemindedAt = StoredTime.Of(at) };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<long>> FindDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var at = StoredTime.Of(now);
        lock (_lock)
        {
            IReadOnlyList<long> due = [.. _rounds.Values
                .Where(r => r.IsOpen && r.RemindedAt is null && r.RemindAt <= at)
                .OrderBy(r => r.RemindAt)
                .ThenBy(r => r.Id)
                .Take(limit)
                .Select(r => r.Id)];
            return Task.FromResult(due);
        }
    }

    public Task<IReadOnlyList<long>> FindDueExpiriesAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var at = StoredTime.Of(now);
        lock (_lock)
        {
            IReadOnlyList<long> due = [.. _rounds.Values
                .Where(r => r.IsOpen && r.ExpiresAt <= at)
                .OrderBy(r => r.ExpiresAt)
                .ThenBy(r => r.Id)
                .Take(limit)
                .Select(r => r.Id)];
            return Task.FromResult(due);
        }
    }

    public Task<IReadOnlyList<Round>> GetRevealedAsync(long coupleId, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            IReadOnlyList<Round> revealed = [.. _rounds.Values
                .Where(r => r.CoupleId == coupleId && r.State == RoundState.Revealed)
                .OrderByDescending(r => r.ClosedAt)
                .ThenByDescending(r => r.Id)
                .Take(count)];
            return Task.FromResult(revealed);
        }
    }

    public Task DeleteAnswersByAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            foreach (var round in _rounds.Values.Where(r => r.Answers.Any(a => a.PersonId == personId)).ToList())
            {
                _rounds[round.Id] = WithAnswers(round, round.Answers.Where(a => a.PersonId != personId));
            }

            _heldDelivered.RemoveWhere(key => key.PersonId == personId);

            return Task.CompletedTask;
        }
    }

    public Task ReplaceQuestionsByAsync(long personId, string replacement, CancellationToken ct)
    {
        lock (_lock)
        {
            foreach (var round in _rounds.Values.Where(r => r.Questions.Any(q => q.AuthorId == personId)).ToList())
            {
                _rounds[round.Id] = round with
                {
                    Questions = [.. round.Questions.Select(q =>
                        q.AuthorId == personId ? q with { Text = replacement, AuthorId = null } : q)],
                };
            }

            return Task.CompletedTask;
        }
    }

    // Storage hands answers back by position, then person.
    private static Round WithAnswers(Round round, IEnumerable<Answer> answers) => round with
    {
        Answers = [.. answers.OrderBy(a => a.Position).ThenBy(a => a.PersonId)],
    };

    /// <summary>Drops the couple's rounds (journal erasure).</summary>
    public void RemoveCouple(long coupleId)
    {
        lock (_lock)
        {
            foreach (var id in _rounds.Values.Where(r => r.CoupleId == coupleId).Select(r => r.Id).ToList())
            {
                _rounds.Remove(id);
            }
        }
    }
}
