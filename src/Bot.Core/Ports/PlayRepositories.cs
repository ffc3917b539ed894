using Bot.Core.Domain;

namespace Bot.Core.Ports;

/// <summary>Quizzes the couple played, with each partner's sealed answers.</summary>
public interface IQuizRepository
{
    /// <summary>Inserts the play (its id and answers are ignored) and returns it with its new id.</summary>
    Task<QuizPlay> AddAsync(QuizPlay play, CancellationToken ct);

    /// <summary>The play with its answers.</summary>
    Task<QuizPlay?> GetAsync(long id, CancellationToken ct);

    /// <summary>The couple's open play, if any.</summary>
    Task<QuizPlay?> GetOpenAsync(long coupleId, CancellationToken ct);

    /// <summary>
    /// Records a person's own choice for an item, only while the play is open; false if they already chose for it
    /// or the play is over.
    /// </summary>
    Task<bool> AddChoiceAsync(QuizAnswer answer, CancellationToken ct);

    /// <summary>Records their guess for an item they answered, only once and only while the play is open.</summary>
    Task<bool> SetGuessAsync(long playId, long personId, int item, int guess, CancellationToken ct);

    /// <summary>Closes an open play (revealed or set aside); false if it was no longer open.</summary>
    Task<bool> CloseAsync(long playId, QuizPlayState state, DateTimeOffset at, CancellationToken ct);

    /// <summary>The couple's revealed plays closed at or after <paramref name="since"/>, newest first, at most <paramref name="count"/>.</summary>
    Task<IReadOnlyList<QuizPlay>> GetRevealedAsync(long coupleId, DateTimeOffset since, int count, CancellationToken ct);

    /// <summary>Deletes every quiz answer this person gave (part of /forget).</summary>
    Task DeleteAnswersByAsync(long personId, CancellationToken ct);
}

/// <summary>Each person's say over the gentle /support offer, and when they last had it.</summary>
public interface ISupportOfferRepository
{
    Task<SupportOfferState> GetAsync(long personId, CancellationToken ct);

    /// <summary>Turns the offer off (or on again) for this person.</summary>
    Task SetOffAsync(long personId, bool off, CancellationToken ct);

    /// <summary>
    /// Records an offer at <paramref name="at"/> only if the last one still is <paramref name="previous"/> and the
    /// offer is on; false means another node got there first, or they turned it off.
    /// </summary>
    Task<bool> TryMarkOfferedAsync(long personId, DateTimeOffset? previous, DateTimeOffset at, CancellationToken ct);
}

/// <summary>A person's say over the /support offer.</summary>
/// <param name="IsOff">They asked not to be offered it (<c>/support off</c>).</param>
/// <param name="LastOfferedAt">When they last had the offer; null if never.</param>
public sealed record SupportOfferState(bool IsOff, DateTimeOffset? LastOfferedAt)
{
    public static SupportOfferState Default { get; } = new(false, null);
}

/// <summary>The yearly review on the anniversary of pairing: when to look next, and who has had which year.</summary>
public interface IYearReviewRepository
{
    /// <summary>
    /// Ids of active couples paired on or before <paramref name="pairedBy"/> whose next look is due (or never set),
    /// oldest first.
    /// </summary>
    Task<IReadOnlyList<long>> FindDueAsync(DateTimeOffset now, DateTimeOffset pairedBy, int limit, CancellationToken ct);

    /// <summary>Sets when the sweep next looks at this couple.</summary>
    Task SetNextCheckAsync(long coupleId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Whether this person already had this year's review (or it was passed over).</summary>
    Task<bool> HasAsync(long coupleId, long personId, int year, CancellationToken ct);

    /// <summary>Records this year's review for this person once; false if another sweep or node recorded it first.</summary>
    Task<bool> TryMarkAsync(long coupleId, long personId, int year, DateTimeOffset at, CancellationToken ct);

    /// <summary>What the couple shared between the two instants.</summary>
    Task<YearStats> GetStatsAsync(long coupleId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct);
}

/// <summary>What a couple shared in a year, counted.</summary>
/// <param name="MemoriesAdded">Moments added to the photo journal (/memory).</param>
public sealed record YearStats(int CheckInsShared, int FirstTimesTried, int WishesDone, int QuizzesPlayed, int MemoriesAdded);
