using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>The couple's question bowl; what the partners wrote is encrypted at rest.</summary>
internal sealed class QuestionBowlRepository(StorageSession session, FieldCipher cipher) : IQuestionBowlRepository
{
    private const string Columns = """
        id AS Id, couple_id AS CoupleId, added_by_id AS AddedById, text AS Text, added_at AS AddedAt, drawn_at AS DrawnAt
        """;

    private const string InsertSql = """
        INSERT INTO bowl_questions (couple_id, added_by_id, text, added_at, drawn_at)
        VALUES (@CoupleId, @AddedById, '', @AddedAt, @DrawnAt)
        RETURNING id;
        """;

    private const string ListSql = $"""
        SELECT {Columns} FROM bowl_questions
        WHERE couple_id = @CoupleId
        ORDER BY added_at, id;
        """;

    private const string MarkDrawnSql = """
        UPDATE bowl_questions SET drawn_at = @At WHERE id = @Id AND drawn_at IS NULL;
        """;

    private const string RemoveWaitingSql = """
        DELETE FROM bowl_questions WHERE id = @Id AND added_by_id = @AddedById AND drawn_at IS NULL;
        """;

    private const string DeleteAddedBySql = """
        DELETE FROM bowl_questions WHERE added_by_id = @PersonId;
        """;

    public async Task<BowlQuestion> AddAsync(BowlQuestion question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        var id = await session.InsertSealedAsync(InsertSql, new
        {
            question.CoupleId,
            question.AddedById,
            AddedAt = UnixTime.ToMs(question.AddedAt),
            DrawnAt = UnixTime.ToMs(question.DrawnAt),
        }, SealedColumns.BowlQuestionText, question.Text, cipher, ct).ConfigureAwait(false);
        return question with
        {
            Id = id,
            AddedAt = UnixTime.FromMs(UnixTime.ToMs(question.AddedAt)),
            DrawnAt = UnixTime.FromMs(UnixTime.ToMs(question.DrawnAt)),
        };
    }

    public async Task<IReadOnlyList<BowlQuestion>> ListAsync(long coupleId, CancellationToken ct)
    {
        var rows = await session.QueryAsync<QuestionRow>(ListSql, new { CoupleId = coupleId }, ct).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain(cipher))];
    }

    public async Task<bool> MarkDrawnAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        await session.ExecuteAsync(MarkDrawnSql, new { Id = id, At = UnixTime.ToMs(at) }, ct).ConfigureAwait(false) == 1;

    public async Task<bool> RemoveWaitingAsync(long id, long addedById, CancellationToken ct) =>
        await session.ExecuteAsync(RemoveWaitingSql, new { Id = id, AddedById = addedById }, ct)
            .ConfigureAwait(false) == 1;

    public Task DeleteAddedByAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteAddedBySql, new { PersonId = personId }, ct);

    private sealed record QuestionRow(long Id, long CoupleId, long AddedById, string Text, long AddedAt, long? DrawnAt)
    {
        public BowlQuestion ToDomain(FieldCipher cipher) => new(
            Id,
            CoupleId,
            AddedById,
            cipher.Decrypt(Text, SealedColumns.BowlQuestionText.At(Id)),
            UnixTime.FromMs(AddedAt),
            UnixTime.FromMs(DrawnAt));
    }
}
