using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>Deck questions each couple has drawn.</summary>
internal sealed class QuestionLedger(StorageSession session) : IQuestionLedger
{
    private const string GetDrawnSql = """
        SELECT question_id FROM drawn_questions WHERE couple_id = @CoupleId AND deck_id = @DeckId;
        """;

    // Drawing the same question twice keeps the first draw.
    private const string AddSql = """
        INSERT INTO drawn_questions (couple_id, deck_id, question_id, drawn_at)
        VALUES (@CoupleId, @DeckId, @QuestionId, @DrawnAt)
        ON CONFLICT DO NOTHING;
        """;

    private const string ResetSql = """
        DELETE FROM drawn_questions WHERE couple_id = @CoupleId AND deck_id = @DeckId;
        """;

    public async Task<IReadOnlySet<string>> GetDrawnAsync(long coupleId, string deckId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deckId);
        var ids = await session.QueryAsync<string>(GetDrawnSql, new { CoupleId = coupleId, DeckId = deckId }, ct)
            .ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    public Task AddAsync(long coupleId, string deckId, string questionId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deckId);
        ArgumentNullException.ThrowIfNull(questionId);
        return session.ExecuteAsync(
            AddSql,
            new { CoupleId = coupleId, DeckId = deckId, QuestionId = questionId, DrawnAt = UnixTime.ToMs(at) },
            ct);
    }

    public Task ResetAsync(long coupleId, string deckId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deckId);
        return session.ExecuteAsync(ResetSql, new { CoupleId = coupleId, DeckId = deckId }, ct);
    }
}
