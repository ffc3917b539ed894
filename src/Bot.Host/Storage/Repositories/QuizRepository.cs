using System.Globalization;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>Quiz plays and their answers; each choice and guess is a partner's word, encrypted at rest.</summary>
internal sealed class QuizRepository(StorageSession session, FieldCipher cipher) : IQuizRepository
{
    private const string PlayColumns = """
        id AS Id, couple_id AS CoupleId, quiz_id AS QuizId, started_by_id AS StartedById, state AS State,
        started_at AS StartedAt, closed_at AS ClosedAt
        """;

    private const string InsertSql = """
        INSERT INTO quiz_plays (couple_id, quiz_id, started_by_id, state, started_at, closed_at)
        VALUES (@CoupleId, @QuizId, @StartedById, @State, @StartedAt, NULL)
        RETURNING id;
        """;

    private const string GetSql = $"SELECT {PlayColumns} FROM quiz_plays WHERE id = @Id;";

    // State 1 is QuizPlayState.Open.
    private const string GetOpenSql = $"""
        SELECT {PlayColumns} FROM quiz_plays WHERE couple_id = @CoupleId AND state = 1 ORDER BY id DESC LIMIT 1;
        """;

    // State 2 is QuizPlayState.Revealed.
    private const string RevealedSql = $"""
        SELECT {PlayColumns} FROM quiz_plays
        WHERE couple_id = @CoupleId AND state = 2 AND closed_at >= @Since
        ORDER BY closed_at DESC, id DESC LIMIT @Count;
        """;

    private const string AnswersSql = """
        SELECT play_id AS PlayId, person_id AS PersonId, item AS Item, choice AS Choice, guess AS Guess, at AS At
        FROM quiz_answers WHERE play_id = @PlayId ORDER BY person_id, item;
        """;

    // Only while the play is open: a tap racing the reveal loses.
    private const string AddChoiceSql = """
        INSERT INTO quiz_answers (play_id, person_id, item, choice, guess, at)
        SELECT @PlayId, @PersonId, @Item, @Choice, NULL, @At
        WHERE EXISTS (SELECT 1 FROM quiz_plays WHERE id = @PlayId AND state = 1)
        ON CONFLICT (play_id, person_id, item) DO NOTHING;
        """;

    private const string SetGuessSql = """
        UPDATE quiz_answers SET guess = @Guess
        WHERE play_id = @PlayId AND person_id = @PersonId AND item = @Item AND guess IS NULL
          AND EXISTS (SELECT 1 FROM quiz_plays WHERE id = @PlayId AND state = 1);
        """;

    private const string CloseSql = """
        UPDATE quiz_plays SET state = @State, closed_at = @At WHERE id = @Id AND state = 1;
        """;

    private const string DeleteAnswersBySql = """
        DELETE FROM quiz_answers WHERE person_id = @PersonId;
        """;

    public async Task<QuizPlay> AddAsync(QuizPlay play, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(play);
        var id = await session.ExecuteScalarAsync<long>(InsertSql, new
        {
            play.CoupleId,
            play.QuizId,
            play.StartedById,
            State = (long)play.State,
            StartedAt = UnixTime.ToMs(play.StartedAt),
        }, ct).ConfigureAwait(false);
        return play with { Id = id, StartedAt = UnixTime.FromMs(UnixTime.ToMs(play.StartedAt)), Answers = [] };
    }

    public async Task<QuizPlay?> GetAsync(long id, CancellationToken ct) =>
        await WithAnswersAsync(
            await session.QuerySingleOrDefaultAsync<PlayRow>(GetSql, new { Id = id }, ct).ConfigureAwait(false), ct)
            .ConfigureAwait(false);

    public async Task<QuizPlay?> GetOpenAsync(long coupleId, CancellationToken ct) =>
        await WithAnswersAsync(
            await session.QuerySingleOrDefaultAsync<PlayRow>(GetOpenSql, new { CoupleId = coupleId }, ct)
                .ConfigureAwait(false), ct).ConfigureAwait(false);

    public async Task<bool> AddChoiceAsync(QuizAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var at = SealedColumns.QuizChoice.At(answer.PlayId, answer.PersonId, (long)answer.Item);
        return await session.ExecuteAsync(AddChoiceSql, new
        {
            answer.PlayId,
            answer.PersonId,
            Item = (long)answer.Item,
            Choice = cipher.Encrypt(Text(answer.Choice), at),
            At = UnixTime.ToMs(answer.At),
        }, ct).ConfigureAwait(false) == 1;
    }

    public async Task<bool> SetGuessAsync(long playId, long personId, int item, int guess, CancellationToken ct) =>
        await session.ExecuteAsync(SetGuessSql, new
        {
            PlayId = playId,
            PersonId = personId,
            Item = (long)item,
            Guess = cipher.Encrypt(Text(guess), SealedColumns.QuizGuess.At(playId, personId, (long)item)),
        }, ct).ConfigureAwait(false) == 1;

    public async Task<bool> CloseAsync(long playId, QuizPlayState state, DateTimeOffset at, CancellationToken ct) =>
        await session.ExecuteAsync(CloseSql, new { Id = playId, State = (long)state, At = UnixTime.ToMs(at) }, ct)
            .ConfigureAwait(false) == 1;

    public async Task<IReadOnlyList<QuizPlay>> GetRevealedAsync(
        long coupleId, DateTimeOffset since, int count, CancellationToken ct)
    {
        var rows = await session.QueryAsync<PlayRow>(RevealedSql,
            new { CoupleId = coupleId, Since = UnixTime.ToMs(since), Count = (long)count }, ct).ConfigureAwait(false);
        var plays = new List<QuizPlay>(rows.Count);
        foreach (var row in rows)
        {
            plays.Add((await WithAnswersAsync(row, ct).ConfigureAwait(false))!);
        }

        return plays;
    }

    public Task DeleteAnswersByAsync(long personId, CancellationToken ct) =>
        session.EraseAsync(DeleteAnswersBySql, new { PersonId = personId }, ct);

    private async Task<QuizPlay?> WithAnswersAsync(PlayRow? row, CancellationToken ct)
    {
        if (row is null)
        {
            return null;
        }

        var answers = await session.QueryAsync<AnswerRow>(AnswersSql, new { PlayId = row.Id }, ct).ConfigureAwait(false);
        return row.ToDomain([.. answers.Select(a => a.ToDomain(cipher))]);
    }

    private static string Text(int option) => option.ToString(CultureInfo.InvariantCulture);

    private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private sealed record PlayRow(
        long Id, long CoupleId, string QuizId, long StartedById, long State, long StartedAt, long? ClosedAt)
    {
        public QuizPlay ToDomain(IReadOnlyList<QuizAnswer> answers) => new(
            Id, CoupleId, QuizId, StartedById, (QuizPlayState)State, UnixTime.FromMs(StartedAt),
            UnixTime.FromMs(ClosedAt), answers);
    }

    private sealed record AnswerRow(long PlayId, long PersonId, long Item, string Choice, string? Guess, long At)
    {
        public QuizAnswer ToDomain(FieldCipher cipher) => new(
            PlayId,
            PersonId,
            (int)Item,
            Number(cipher.Decrypt(Choice, SealedColumns.QuizChoice.At(PlayId, PersonId, Item))!),
            cipher.Decrypt(Guess, SealedColumns.QuizGuess.At(PlayId, PersonId, Item)) is { } guess ? Number(guess) : null,
            UnixTime.FromMs(At));
    }
}
