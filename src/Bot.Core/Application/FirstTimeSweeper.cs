using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>What one "first time" sweep did; failures are reported, not thrown.</summary>
public sealed record FirstTimeSweepResult(
    int Proposed, int Skipped, int FollowedUp, IReadOnlyList<(string Item, Exception Error)> Failures);

/// <summary>
/// Monthly "first time" proposals and their follow-ups a week after "We'll try it". Each couple's next proposal
/// moves on atomically before anything is sent, so overlapping sweeps propose once.
/// </summary>
/// <remarks>
/// A paused couple gets no proposal that month. A proposal that falls in a cool-down, or outside the daytime
/// (the bot was down), waits for the next 10:00 couple-local after it.
/// </remarks>
public sealed class FirstTimeSweeper(
    ICoupleRepository couples,
    IFirstTimeRepository firstTimes,
    FirstTimeService service,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    public async Task<FirstTimeSweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = new List<(string, Exception)>();
        int proposed = 0, skipped = 0, followedUp = 0;
        await DueWork.DrainAsync(
            unitOfWork,
            limit => couples.FindDueFirstTimesAsync(now, limit, ct),
            couples.GetAsync,
            async (couple, token) =>
            {
                switch (await ProposeIfDueAsync(couple, now, token).ConfigureAwait(false))
                {
                    case true: proposed++; break;
                    case false: skipped++; break;
                }
            },
            "first time of couple", failures, ct).ConfigureAwait(false);

        await DueWork.DrainAsync(
            unitOfWork,
            limit => firstTimes.FindDueFollowUpsAsync(now, limit, ct),
            firstTimes.GetAsync,
            async (firstTime, token) =>
            {
                if (firstTime.FollowUpAt > now)
                {
                    return;
                }

                var couple = await couples.GetAsync(firstTime.CoupleId, token).ConfigureAwait(false);
                if (await service.FollowUpAsync(firstTime, couple, token).ConfigureAwait(false))
                {
                    followedUp++;
                }
            },
            "follow-up of first time", failures, ct).ConfigureAwait(false);
        return new FirstTimeSweepResult(proposed, skipped, followedUp, failures);
    }

    /// <summary>True when proposed, false when skipped (paused) or moved to a better moment, null when raced.</summary>
    private async Task<bool?> ProposeIfDueAsync(Couple couple, DateTimeOffset now, CancellationToken ct)
    {
        if (couple is not { IsActive: true, NextFirstTimeAt: { } due } || due > now)
        {
            return null;
        }

        DateTimeOffset? later = !FirstTimeService.IsDaytime(couple.TimeZone, now)
            ? LoveNoteService.NextLocalTime(couple.TimeZone, FirstTimeService.ProposalTime, now)
            : couple.IsCoolingDownAt(now)
                ? LoveNoteService.NextLocalTime(couple.TimeZone, FirstTimeService.ProposalTime, couple.CooldownUntil!.Value)
                : null;
        var next = later ?? FirstTimeService.NextProposalAt(couple.TimeZone, now);
        if (!await couples.TryAdvanceFirstTimeAsync(couple.Id, due, next, ct).ConfigureAwait(false))
        {
            return null;
        }

        if (later is not null || couple.IsPausedAt(now))
        {
            return false;
        }

        await service.ProposeAsync(couple, ct).ConfigureAwait(false);
        return true;
    }
}
