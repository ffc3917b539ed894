using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>The /support offer state in memory; behaves like the SQLite repository (a compare-and-set mark).</summary>
public sealed class InMemorySupportOfferRepository : ISupportOfferRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, SupportOfferState> _states = [];

    public Task<SupportOfferState> GetAsync(long personId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.GetValueOrDefault(personId) ?? SupportOfferState.Default);
        }
    }

    public Task SetOffAsync(long personId, bool off, CancellationToken ct)
    {
        lock (_lock)
        {
            _states[personId] = (_states.GetValueOrDefault(personId) ?? SupportOfferState.Default) with { IsOff = off };
            return Task.CompletedTask;
        }
    }

    public Task<bool> TryMarkOfferedAsync(long personId, DateTimeOffset? previous, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            var state = _states.GetValueOrDefault(personId) ?? SupportOfferState.Default;
            if (state.IsOff || state.LastOfferedAt != StoredTime.Of(previous))
            {
                return Task.FromResult(false);
            }

            _states[personId] = state with { LastOfferedAt = StoredTime.Of(at) };
            return Task.FromResult(true);
        }
    }
}
