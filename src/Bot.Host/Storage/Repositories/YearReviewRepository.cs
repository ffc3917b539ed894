using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>When to look at a couple's anniversary, who had which year in review, and the year's counts.</summary>
internal sealed class YearReviewRepository(StorageSession session) : IYearReviewRepository
{
    private const string FindDueSql = """
        SELECT c.id FROM couples c LEFT JOIN year_review_checks s ON s.couple_id = c.id
        WHERE c.ended_at IS NULL AND c.created_at <= @PairedBy AND (s.next_check_at IS NULL OR s.next_check_at <= @Now)
        ORDER BY c.id
        LIMIT @Limit;
        """;

    private const string SetNextSql = """
        INSERT INTO year_review_checks (couple_id, next_check_at) VALUES (@CoupleId, @At)
        ON CONFLICT (couple_id) DO UPDATE SET next_check_at = excluded.next_check_at;
        """;

    private const string HasSql = """
        SELECT EXISTS (SELECT 1 FROM year_reviews WHERE couple_id = @CoupleId AND person_id = @PersonId AND year = @Year);
        """;

    private const string MarkSql = """
        INSERT INTO year_reviews (couple_id, person_id, year, at) VALUES (@CoupleId, @PersonId, @Year, @At)
        ON CONFLICT (couple_id, person_id, year) DO NOTHING;
        """;

    // Revealed rounds (state 2), first times done (state 3), revealed quizzes (state 2), photo-journal memories.
    private const string StatsSql = """
        SELECT
            (SELECT COUNT(*) FROM rounds WHERE couple_id = @CoupleId AND state = 2
                AND closed_at >= @From AND closed_at < @Until) AS CheckInsShared,
            (SELECT COUNT(*) FROM first_times WHERE couple_id = @CoupleId AND state = 3
                AND decided_at >= @From AND decided_at < @Until) AS FirstTimesTried,
            (SELECT COUNT(*) FROM bucket_items WHERE couple_id = @CoupleId
                AND done_at >= @From AND done_at < @Until) AS WishesDone,
            (SELECT COUNT(*) FROM quiz_plays WHERE couple_id = @CoupleId AND state = 2
                AND closed_at >= @From AND closed_at < @Until) AS QuizzesPlayed,
            (SELECT COUNT(*) FROM memories WHERE couple_id = @CoupleId
                AND created_at >= @From AND created_at < @Until) AS MemoriesAdded;
        """;

    public Task<IReadOnlyList<long>> FindDueAsync(
        DateTimeOffset now, DateTimeOffset pairedBy, int limit, CancellationToken ct) =>
        session.QueryAsync<long>(FindDueSql,
            new { Now = UnixTime.ToMs(now), PairedBy = UnixTime.ToMs(pairedBy), Limit = (long)limit }, ct);

    public Task SetNextCheckAsync(long coupleId, DateTimeOffset at, CancellationToken ct) =>
        session.ExecuteAsync(SetNextSql, new { CoupleId = coupleId, At = UnixTime.ToMs(at) }, ct);

    public async Task<bool> HasAsync(long coupleId, long personId, int year, CancellationToken ct) =>
        await session.ExecuteScalarAsync<bool>(HasSql,
            new { CoupleId = coupleId, PersonId = personId, Year = (long)year }, ct).ConfigureAwait(false);

    public async Task<bool> TryMarkAsync(long coupleId, long personId, int year, DateTimeOffset at, CancellationToken ct) =>
        await session.ExecuteAsync(MarkSql,
            new { CoupleId = coupleId, PersonId = personId, Year = (long)year, At = UnixTime.ToMs(at) }, ct)
            .ConfigureAwait(false) == 1;

    public async Task<YearStats> GetStatsAsync(
        long coupleId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<StatsRow>(StatsSql,
            new { CoupleId = coupleId, From = UnixTime.ToMs(from), Until = UnixTime.ToMs(until) }, ct)
            .ConfigureAwait(false);
        return row is null
            ? new YearStats(0, 0, 0, 0, 0)
            : new YearStats((int)row.CheckInsShared, (int)row.FirstTimesTried, (int)row.WishesDone,
                (int)row.QuizzesPlayed, (int)row.MemoriesAdded);
    }

    private sealed record StatsRow(
        long CheckInsShared, long FirstTimesTried, long WishesDone, long QuizzesPlayed, long MemoriesAdded);
}
