using Bot.Core.Domain;

namespace Bot.Core.Ports;

/// <summary>Media the bot keeps (encrypted), for showing it across platforms and for /export.</summary>
public interface IMediaRepository
{
    /// <summary>Stores the item (its id is ignored) and returns its new id.</summary>
    Task<long> AddAsync(MediaItem item, CancellationToken ct);

    Task<MediaItem?> GetAsync(long id, CancellationToken ct);

    /// <summary>Deletes every file this person gave (part of /forget).</summary>
    Task DeleteByAsync(long personId, CancellationToken ct);
}

/// <summary>The couple's photo journal.</summary>
public interface IMemoryRepository
{
    /// <summary>Inserts the memory (its id is ignored) and returns it with its new id.</summary>
    Task<Memory> AddAsync(Memory memory, CancellationToken ct);

    Task<Memory?> GetAsync(long id, CancellationToken ct);

    /// <summary>The couple's memories, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Memory>> ListAsync(long coupleId, int limit, CancellationToken ct);

    /// <summary>Ids of memories whose next "on this day" may have come (<see cref="Memory.NextRecallAfter"/> passed).</summary>
    Task<IReadOnlyList<long>> FindRecallCandidatesAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>
    /// Moves the memory's next look to <paramref name="next"/> if it is still <paramref name="expected"/>; false when
    /// another sweep got there first.
    /// </summary>
    Task<bool> MoveNextRecallAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken ct);

    /// <summary>Deletes every memory this person added (part of /forget).</summary>
    Task DeleteByAsync(long personId, CancellationToken ct);
}
