using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>What one sweep of held answers did; failures are reported, not thrown.</summary>
public sealed record HeldSweepResult(int Delivered, IReadOnlyList<(string Item, Exception Error)> Failures);

/// <summary>
/// Shares held answers whose day has come with both partners (or in their home), each round in its own
/// transaction; the atomic <see cref="IRoundRepository.MarkHeldDeliveredAsync"/> makes overlapping sweeps share
/// each answer once.
/// </summary>
public sealed class HeldAnswerSweeper(
    IRoundRepository rounds,
    ICoupleRepository couples,
    RoundService roundService,
    Messenger messenger,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    public async Task<HeldSweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = new List<(string, Exception)>();
        var delivered = 0;
        await DueWork.DrainAsync(
            unitOfWork,
            limit => rounds.FindDueHeldAsync(now, limit, ct),
            rounds.GetAsync,
            async (round, token) => delivered += await DeliverAsync(round, now, token).ConfigureAwait(false),
            "held answers of round",
            failures,
            ct).ConfigureAwait(false);
        return new HeldSweepResult(delivered, failures);
    }

    /// <summary>An answer still held when its round was revealed, whose day has come.</summary>
    public static bool IsDue(Answer answer, Round round, DateTimeOffset now) =>
        answer is { Visibility: AnswerVisibility.Held, IsSkipped: false, HeldUntil: { } until }
        && until <= now
        && round.ClosedAt is { } revealedAt && until > revealedAt;

    private async Task<int> DeliverAsync(Round round, DateTimeOffset now, CancellationToken ct)
    {
        var delivered = 0;
        foreach (var answer in round.Answers.Where(a => IsDue(a, round, now)))
        {
            if (!await rounds.MarkHeldDeliveredAsync(round.Id, answer.Position, answer.PersonId, now, ct)
                .ConfigureAwait(false))
            {
                continue;
            }

            // A couple that has parted since: the answer is spent quietly, never sent.
            if (await couples.GetAsync(round.CoupleId, ct).ConfigureAwait(false) is not { IsActive: true } couple)
            {
                continue;
            }

            var (a, b) = await roundService.PartnersAsync(couple, ct).ConfigureAwait(false);
            var author = answer.PersonId == a.Id ? a : b;
            var question = round.Questions.First(q => q.Position == answer.Position);
            var text = Copy.HeldOpened(a.DisplayName, b.DisplayName, author.DisplayName,
                TimeZones.FormatLocalDate(round.OpenedAt, couple.TimeZone), question.Text, answer.Text!);
            await messenger.ToCoupleAsync(couple, a, b, text, ct, wordsOf: Messenger.WordsOf(author.Id, question.AuthorId))
                .ConfigureAwait(false);
            var opened = answer;
            await roundService.RevealMediaAsync(couple, round, a, b, ct, only: x => x == opened).ConfigureAwait(false);
            delivered++;
        }

        return delivered;
    }
}
