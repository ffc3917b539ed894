using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>People in a dictionary; behaves like the SQLite repository.</summary>
public sealed class InMemoryPersonRepository : IPersonRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Person> _people = [];
    private long _lastId;

    public IReadOnlyList<Person> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _people.Values.OrderBy(p => p.Id)];
            }
        }
    }

    public Task<Person> UpsertAsync(
        ChatUser user, string displayName, ChatAddress? privateChat, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(displayName);
        if (privateChat is not null && privateChat.Platform != user.Platform)
        {
            throw new ArgumentException("A private chat is on the person's own platform.", nameof(privateChat));
        }

        lock (_lock)
        {
            var existing = _people.Values.FirstOrDefault(p => p.User == user);
            var person = existing is null
                ? new Person(++_lastId, user, displayName, privateChat, true, JoinThrottle.None, StoredTime.Of(now))
                : existing with
                {
                    DisplayName = displayName,
                    PrivateChat = privateChat ?? existing.PrivateChat,
                    IsReachable = privateChat is not null || existing.IsReachable,
                };
            _people[person.Id] = person;
            return Task.FromResult(person);
        }
    }

    public Task<Person?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_people.GetValueOrDefault(id));
        }
    }

    public Task SaveThrottleAsync(long personId, JoinThrottle throttle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(throttle);
        lock (_lock)
        {
            if (_people.TryGetValue(personId, out var person))
            {
                _people[personId] = person with
                {
                    Throttle = new JoinThrottle(throttle.Failures, StoredTime.Of(throttle.WindowStartedAt)),
                };
            }

            return Task.CompletedTask;
        }
    }

    public Task MarkUnreachableAsync(ChatAddress privateChat, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(privateChat);
        lock (_lock)
        {
            foreach (var person in _people.Values.Where(p => p.PrivateChat == privateChat).ToList())
            {
                _people[person.Id] = person with { IsReachable = false };
            }

            return Task.CompletedTask;
        }
    }

    public Task SaveTimeZoneAsync(long personId, string? timeZone, CancellationToken ct) =>
        Change(personId, person => person with { TimeZone = timeZone });

    public Task SaveAwaitingAsync(long personId, WelcomeInput? awaiting, DateTimeOffset? since, CancellationToken ct) =>
        Change(personId, person => person with
        {
            Awaiting = awaiting,
            AwaitingSince = awaiting is null ? null : StoredTime.Of(since),
        });

    public Task SaveQuietHoursAsync(long personId, QuietHours? quietHours, CancellationToken ct) =>
        Change(personId, person => person with { QuietHours = quietHours });

    public Task<bool> TryMarkNudgedAsync(
        long personId, DateTimeOffset? previous, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_people.TryGetValue(personId, out var person) || person.LastNudgeAt != StoredTime.Of(previous))
            {
                return Task.FromResult(false);
            }

            _people[personId] = person with { LastNudgeAt = StoredTime.Of(at) };
            return Task.FromResult(true);
        }
    }

    private Task Change(long personId, Func<Person, Person> change)
    {
        lock (_lock)
        {
            if (_people.TryGetValue(personId, out var person))
            {
                _people[personId] = change(person);
            }

            return Task.CompletedTask;
        }
    }
}
