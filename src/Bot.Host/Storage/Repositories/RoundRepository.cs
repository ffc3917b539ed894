using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>
/// Rounds, loaded whole with their questions and answers (by position); answers and questions (a bowl question is
/// a partner's words) are kept encrypted.
/// </summary>
internal sealed class RoundRepository(StorageSession session, FieldCipher cipher) : IRoundRepository
{
    // State 1 is RoundState.Open, written literally so the partial indexes of 0001_initial.sql apply.
    private const string Columns = """
        id AS Id, couple_id AS CoupleId, kind AS Kind, deck_id AS DeckId, state AS State, opened_at AS OpenedAt,
        remind_at AS RemindAt, expires_at AS ExpiresAt, reminded_at AS RemindedAt, closed_at AS ClosedAt
        """;

    private const string InsertSql = """
        INSERT INTO rounds (couple_id, kind, deck_id, state, opened_at, remind_at, expires_at, reminded_at, closed_at)
        VALUES (@CoupleId, @Kind, @DeckId, @State, @OpenedAt, @RemindAt, @ExpiresAt, @RemindedAt, @ClosedAt)
        RETURNING id;
        """;

    private const string InsertQuestionSql = """
        INSERT INTO round_questions (round_id, position, question_id, text, author_id)
        VALUES (@RoundId, @Position, @QuestionId, @Text, @AuthorId);
        """;

    private const string CoupleOfSql = """
        SELECT couple_id FROM rounds WHERE id = @Id;
        """;

    private const string GetSql = $"""
        SELECT {Columns} FROM rounds WHERE id = @Id;
        """;

    private const string GetOpenSql = $"""
        SELECT {Columns} FROM rounds WHERE couple_id = @CoupleId AND state = 1;
        """;

    private const string QuestionsOfSql = """
        SELECT round_id AS RoundId, position AS Position, question_id AS QuestionId, text AS Text,
               author_id AS AuthorId
        FROM round_questions WHERE round_id IN @Ids
        ORDER BY round_id, position;
        """;

    private const string AnswersOfSql = """
        SELECT round_id AS RoundId, position AS Position, person_id AS PersonId, text AS Text,
               answered_at AS AnsweredAt, visibility AS Visibility, held_until AS HeldUntil,
               source_message AS SourceMessage, media_id AS MediaId
        FROM answers WHERE round_id IN @Ids
        ORDER BY round_id, position, person_id;
        """;

    private const string AddAnswerSql = """
        INSERT INTO answers (round_id, position, person_id, text, answered_at, visibility, held_until, source_message,
                             media_id)
        VALUES (@RoundId, @Position, @PersonId, @Text, @AnsweredAt, @Visibility, @HeldUntil, @SourceMessage, @MediaId)
        ON CONFLICT (round_id, position, person_id) DO NOTHING;
        """;

    // Only while the round is open (state 1): a change racing the reveal loses.
    private const string UpdateAnswerSql = """
        UPDATE answers SET text = @Text, visibility = @Visibility, held_until = @HeldUntil, source_message = @SourceMessage,
                           media_id = @MediaId
        WHERE round_id = @RoundId AND position = @Position AND person_id = @PersonId
          AND EXISTS (SELECT 1 FROM rounds WHERE id = @RoundId AND state = 1);
        """;

    // Held (3) and still held when the round was revealed (2); the partial index ix_answers_held_due serves it.
    internal const string FindDueHeldSql = """
        SELECT id FROM rounds
        WHERE id IN (
            SELECT a.round_id FROM answers a JOIN rounds r ON r.id = a.round_id
            WHERE a.visibility = 3 AND a.held_delivered_at IS NULL AND a.held_until <= @Now
              AND a.text IS NOT NULL AND r.state = 2 AND a.held_until > r.closed_at)
        ORDER BY closed_at, id
        LIMIT @Limit;
        """;

    private const string MarkHeldDeliveredSql = """
        UPDATE answers SET held_delivered_at = @At
        WHERE round_id = @RoundId AND position = @Position AND person_id = @PersonId
          AND visibility = 3 AND held_delivered_at IS NULL;
        """;

    private const string CloseSql = """
        UPDATE rounds SET state = @State, closed_at = @ClosedAt WHERE id = @Id AND state = 1;
        """;

    private const string MarkRemindedSql = """
        UPDATE rounds SET reminded_at = @RemindedAt WHERE id = @Id AND reminded_at IS NULL AND state = 1;
        """;

    internal const string FindDueRemindersSql = """
        SELECT id FROM rounds
        WHERE state = 1 AND reminded_at IS NULL AND remind_at <= @Now
        ORDER BY remind_at, id
        LIMIT @Limit;
        """;

    internal const string FindDueExpiriesSql = """
        SELECT id FROM rounds
        WHERE state = 1 AND expires_at <= @Now
        ORDER BY expires_at, id
        LIMIT @Limit;
        """;

    // State 2 is RoundState.Revealed.
    private const string GetRevealedSql = $"""
        SELECT {Columns} FROM rounds
        WHERE couple_id = @CoupleId AND state = 2
        ORDER BY closed_at DESC, id DESC
        LIMIT @Count;
        """;

    private const string DeleteAnswersBySql = """
        DELETE FROM answers WHERE person_id = @PersonId;
        """;

    private const string QuestionsBySql = """
        SELECT round_id AS RoundId, position AS Position FROM round_questions WHERE author_id = @PersonId;
        """;

    private const string ReplaceQuestionSql = """
        UPDATE round_questions SET text = @Text, author_id = NULL WHERE round_id = @RoundId AND position = @Position;
        """;

    public async Task<Round> AddAsync(Round round, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Answers.Count > 0)
        {
            throw new ArgumentException("A new round has no answers yet.", nameof(round));
        }

        var id = await session.InTransactionAsync(
            async token =>
            {
                var id = await session.ExecuteScalarAsync<long>(
                    InsertSql,
                    new
                    {
                        round.CoupleId,
                        Kind = (long)round.Kind,
                        round.DeckId,
                        State = (long)round.State,
                        OpenedAt = UnixTime.ToMs(round.OpenedAt),
                        RemindAt = UnixTime.ToMs(round.RemindAt),
                        ExpiresAt = UnixTime.ToMs(round.ExpiresAt),
                        RemindedAt = UnixTime.ToMs(round.RemindedAt),
                        ClosedAt = UnixTime.ToMs(round.ClosedAt),
                    },
                    token).ConfigureAwait(false);
                await session.ExecuteAsync(
                    InsertQuestionSql,
                    round.Questions.Select(
                        q => new
                        {
                            RoundId = id,
                            Position = (long)q.Position,
                            q.QuestionId,
                            Text = cipher.Encrypt(q.Text, SealedColumns.RoundQuestionText.At(id, (long)q.Position)),
                            q.AuthorId,
                        }),
                    token).ConfigureAwait(false);
                return id;
            },
            ct).ConfigureAwait(false);
        return (await GetAsync(id, ct).ConfigureAwait(false))!;
    }

    /// <remarks>In a transaction, the round's couple is locked first (PostgreSQL; see <see cref="StorageSession.LockCoupleAsync"/>).</remarks>
    public async Task<Round?> GetAsync(long id, CancellationToken ct)
    {
        if (session.LocksCouples
            && await session.ExecuteScalarAsync<long?>(CoupleOfSql, new { Id = id }, ct).ConfigureAwait(false) is { } coupleId)
        {
            await session.LockCoupleAsync(coupleId, ct).ConfigureAwait(false);
        }

        var row = await session.QuerySingleOrDefaultAsync<RoundRow>(GetSql, new { Id = id }, ct).ConfigureAwait(false);
        return row is null ? null : (await LoadAsync([row], ct).ConfigureAwait(false))[0];
    }

    public async Task<Round?> GetOpenAsync(long coupleId, CancellationToken ct)
    {
        await session.LockCoupleAsync(coupleId, ct).ConfigureAwait(false);
        var row = await session.QuerySingleOrDefaultAsync<RoundRow>(GetOpenSql, new { CoupleId = coupleId }, ct)
            .ConfigureAwait(false);
        return row is null ? null : (await LoadAsync([row], ct).ConfigureAwait(false))[0];
    }

    public async Task<bool> AddAnswerAsync(Answer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var added = await session.ExecuteAsync(
            AddAnswerSql,
            new
            {
                answer.RoundId,
                Position = (long)answer.Position,
                answer.PersonId,
                Text = cipher.Encrypt(
                    answer.Text, SealedColumns.AnswerText.At(answer.RoundId, (long)answer.Position, answer.PersonId)),
                AnsweredAt = UnixTime.ToMs(answer.AnsweredAt),
                Visibility = (long)answer.Visibility,
                HeldUntil = UnixTime.ToMs(answer.HeldUntil),
                SourceMessage = answer.SourceMessageId,
                answer.MediaId,
            },
            ct).ConfigureAwait(false);
        return added == 1;
    }

    public async Task<bool> UpdateAnswerAsync(Answer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var changed = await session.ExecuteAsync(
            UpdateAnswerSql,
            new
            {
                answer.RoundId,
                Position = (long)answer.Position,
                answer.PersonId,
                Text = cipher.Encrypt(
                    answer.Text, SealedColumns.AnswerText.At(answer.RoundId, (long)answer.Position, answer.PersonId)),
                Visibility = (long)answer.Visibility,
                HeldUntil = UnixTime.ToMs(answer.HeldUntil),
                SourceMessage = answer.SourceMessageId,
                answer.MediaId,
            },
            ct).ConfigureAwait(false);
        return changed == 1;
    }

    public Task<IReadOnlyList<long>> FindDueHeldAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindAsync(FindDueHeldSql, now, limit, ct);

    public async Task<bool> MarkHeldDeliveredAsync(
        long roundId, int position, long personId, DateTimeOffset at, CancellationToken ct)
    {
        var changed = await session.ExecuteAsync(
            MarkHeldDeliveredSql,
            new { RoundId = roundId, Position = (long)position, PersonId = personId, At = UnixTime.ToMs(at) },
            ct).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<bool> CloseAsync(long roundId, RoundState state, DateTimeOffset at, CancellationToken ct)
    {
        if (state == RoundState.Open)
        {
            throw new ArgumentException("A round closes into a state other than Open.", nameof(state));
        }

        var changed = await session.ExecuteAsync(
            CloseSql, new { Id = roundId, State = (long)state, ClosedAt = UnixTime.ToMs(at) }, ct)
            .ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<bool> MarkRemindedAsync(long roundId, DateTimeOffset at, CancellationToken ct)
    {
        var changed = await session.ExecuteAsync(
            MarkRemindedSql, new { Id = roundId, RemindedAt = UnixTime.ToMs(at) }, ct).ConfigureAwait(false);
        return changed == 1;
    }

    public Task<IReadOnlyList<long>> FindDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindAsync(FindDueRemindersSql, now, limit, ct);

    public Task<IReadOnlyList<long>> FindDueExpiriesAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindAsync(FindDueExpiriesSql, now, limit, ct);

    public async Task<IReadOnlyList<Round>> GetRevealedAsync(long coupleId, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rows = await session.QueryAsync<RoundRow>(
            GetRevealedSql, new { CoupleId = coupleId, Count = (long)count }, ct).ConfigureAwait(false);
        return await LoadAsync(rows, ct).ConfigureAwait(false);
    }

    public Task DeleteAnswersByAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteAnswersBySql, new { PersonId = personId }, ct);

    public Task ReplaceQuestionsByAsync(long personId, string replacement, CancellationToken ct) =>
        session.InTransactionAsync(
            async token =>
            {
                var rows = await session.QueryAsync<(long RoundId, long Position)>(
                    QuestionsBySql, new { PersonId = personId }, token).ConfigureAwait(false);
                await session.EraseAsync(
                    ReplaceQuestionSql,
                    rows.Select(r => new
                    {
                        r.RoundId,
                        r.Position,
                        Text = cipher.Encrypt(replacement, SealedColumns.RoundQuestionText.At(r.RoundId, r.Position)),
                    }),
                    token).ConfigureAwait(false);
            },
            ct);

    private Task<IReadOnlyList<long>> FindAsync(string sql, DateTimeOffset now, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return session.QueryAsync<long>(sql, new { Now = UnixTime.ToMs(now), Limit = (long)limit }, ct);
    }

    private async Task<IReadOnlyList<Round>> LoadAsync(IReadOnlyList<RoundRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = new { Ids = rows.Select(r => r.Id).ToList() };
        var questions = (await session.QueryAsync<QuestionRow>(QuestionsOfSql, ids, ct).ConfigureAwait(false))
            .ToLookup(q => q.RoundId, q => q.ToDomain(cipher));
        var answers = (await session.QueryAsync<AnswerRow>(AnswersOfSql, ids, ct).ConfigureAwait(false))
            .ToLookup(a => a.RoundId, a => a.ToDomain(cipher));
        return rows.Select(r => r.ToDomain(questions[r.Id].ToList(), answers[r.Id].ToList())).ToList();
    }

    private sealed record RoundRow(
        long Id,
        long CoupleId,
        long Kind,
        string? DeckId,
        long State,
        long OpenedAt,
        long RemindAt,
        long ExpiresAt,
        long? RemindedAt,
        long? ClosedAt)
    {
        public Round ToDomain(IReadOnlyList<RoundQuestion> questions, IReadOnlyList<Answer> answers) => new(
            Id,
            CoupleId,
            (RoundKind)Kind,
            DeckId,
            (RoundState)State,
            UnixTime.FromMs(OpenedAt),
            UnixTime.FromMs(RemindAt),
            UnixTime.FromMs(ExpiresAt),
            UnixTime.FromMs(RemindedAt),
            UnixTime.FromMs(ClosedAt),
            questions,
            answers);
    }

    private sealed record QuestionRow(long RoundId, long Position, string? QuestionId, string Text, long? AuthorId)
    {
        public RoundQuestion ToDomain(FieldCipher cipher) => new(
            (int)Position,
            QuestionId,
            cipher.Decrypt(Text, SealedColumns.RoundQuestionText.At(RoundId, Position)),
            AuthorId);
    }

    private sealed record AnswerRow(
        long RoundId, long Position, long PersonId, string? Text, long AnsweredAt, long Visibility, long? HeldUntil,
        string? SourceMessage, long? MediaId)
    {
        public Answer ToDomain(FieldCipher cipher) =>
            new(
                RoundId,
                (int)Position,
                PersonId,
                cipher.Decrypt(Text, SealedColumns.AnswerText.At(RoundId, Position, PersonId)),
                UnixTime.FromMs(AnsweredAt))
            {
                Visibility = (AnswerVisibility)Visibility,
                HeldUntil = UnixTime.FromMs(HeldUntil),
                SourceMessageId = SourceMessage,
                MediaId = MediaId,
            };
    }
}
