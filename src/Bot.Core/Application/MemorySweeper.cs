using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>What one sweep of "on this day" did; failures are reported, not thrown.</summary>
public sealed record MemorySweepResult(int Recalled, IReadOnlyList<(string Item, Exception Error)> Failures);

/// <summary>
/// "On this day": a memory added a year ago (or two, or more) comes back to both partners on its day, at
/// <see cref="MemoryService.RecallAt"/> on each one's clock. Once the first partner's hour has come, both messages
/// go to the outbox, the later one held until its own hour; the memory then waits for next year.
/// </summary>
public sealed class MemorySweeper(
    IMemoryRepository memories,
    ICoupleRepository couples,
    RoundService roundService,
    MediaService media,
    Messenger messenger,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    public async Task<MemorySweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = new List<(string, Exception)>();
        var recalled = 0;
        await DueWork.DrainAsync(
            unitOfWork,
            limit => memories.FindRecallCandidatesAsync(now, limit, ct),
            memories.GetAsync,
            async (memory, token) => recalled += await RecallAsync(memory, now, token).ConfigureAwait(false),
            "memory",
            failures,
            ct).ConfigureAwait(false);
        return new MemorySweepResult(recalled, failures);
    }

    private async Task<int> RecallAsync(Memory memory, DateTimeOffset now, CancellationToken ct)
    {
        if (memory.NextRecallAfter > now)
        {
            return 0;
        }

        var years = MemoryService.YearsAt(memory);
        var couple = await couples.GetAsync(memory.CoupleId, ct).ConfigureAwait(false);
        var next = MemoryService.FirstLook(memory.CreatedAt.AddYears(years));
        if (couple is not { IsActive: true })
        {
            // A couple that has parted: the memory stays in the journal, but nothing comes back.
            await memories.MoveNextRecallAsync(memory.Id, memory.NextRecallAfter, next, ct).ConfigureAwait(false);
            return 0;
        }

        var (a, b) = await roundService.PartnersAsync(couple, ct).ConfigureAwait(false);
        var atA = MemoryService.RecallInstant(memory, years, couple.TimeZone, a.ZoneIn(couple));
        var atB = MemoryService.RecallInstant(memory, years, couple.TimeZone, b.ZoneIn(couple));
        if ((atA < atB ? atA : atB) > now
            || !await memories.MoveNextRecallAsync(memory.Id, memory.NextRecallAfter, next, ct).ConfigureAwait(false))
        {
            return 0;
        }

        var kept = await media.GetAsync(memory.MediaId, ct).ConfigureAwait(false);
        var author = memory.AuthorId == a.Id ? a : b;
        foreach (var (person, at) in new[] { (a, atA), (b, atB) })
        {
            await messenger.ToPersonAtAsync(person, couple, at,
                Copy.OnThisDay(person.DisplayName, person.Id == author.Id ? "you" : author.DisplayName, years,
                    memory.Text, kept?.Kind),
                ct, wordsOf: [memory.AuthorId], attachment: kept is null ? null : Messages.Attachment.Of(kept))
                .ConfigureAwait(false);
        }

        return 1;
    }
}
