using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Invites by code; behaves like the SQLite repository.</summary>
public sealed class InMemoryInviteRepository : IInviteRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Invite> _invites = new(StringComparer.Ordinal);

    public IReadOnlyList<Invite> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _invites.Values.OrderBy(i => i.Code, StringComparer.Ordinal)];
            }
        }
    }

    public Task AddAsync(Invite invite, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invite);
        lock (_lock)
        {
            var stored = invite with
            {
                CreatedAt = StoredTime.Of(invite.CreatedAt),
                ExpiresAt = StoredTime.Of(invite.ExpiresAt),
                UsedAt = StoredTime.Of(invite.UsedAt),
            };
            if (!_invites.TryAdd(invite.Code, stored))
            {
                throw new InvalidOperationException($"Invite code {invite.Code} already exists.");
            }

            return Task.CompletedTask;
        }
    }

    public Task<Invite?> FindAsync(string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        lock (_lock)
        {
            return Task.FromResult(_invites.GetValueOrDefault(code));
        }
    }

    public Task DeleteUnusedByOwnerAsync(long ownerId, CancellationToken ct)
    {
        lock (_lock)
        {
            foreach (var invite in _invites.Values.Where(i => i.OwnerId == ownerId && !i.IsUsed).ToList())
            {
                _invites.Remove(invite.Code);
            }

            return Task.CompletedTask;
        }
    }

    public Task MarkUsedAsync(string code, long usedById, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        lock (_lock)
        {
            if (_invites.TryGetValue(code, out var invite) && !invite.IsUsed)
            {
                _invites[code] = invite with { UsedAt = StoredTime.Of(at), UsedById = usedById };
            }

            return Task.CompletedTask;
        }
    }
}
