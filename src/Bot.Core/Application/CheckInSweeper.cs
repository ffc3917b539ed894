using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>What one sweep did; failures are reported, not thrown, so one bad couple cannot stall the rest.</summary>
public sealed record SweepResult(
    int CheckInsOpened,
    int CheckInsMissed,
    int Reminded,
    int Expired,
    IReadOnlyList<(string Item, Exception Error)> Failures);

/// <summary>
/// Finds what is due (weekly check-ins, reminders, expiries) and handles each item in its own transaction.
/// Every step re-checks its precondition atomically, so overlapping sweeps on several nodes do each thing once.
/// </summary>
public sealed class CheckInSweeper(
    ICoupleRepository couples,
    IRoundRepository rounds,
    RoundService roundService,
    IUnitOfWork unitOfWork,
    CheckInOptions options,
    TimeProvider time)
{
    /// <summary>Due items fetched per query.</summary>
    public const int BatchSize = DueWork.BatchSize;

    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = new List<(string, Exception)>();
        int opened = 0, missed = 0;

        await DueWork.DrainAsync(
            unitOfWork,
            limit => couples.FindDueCheckInsAsync(now, limit, ct),
            couples.GetAsync,
            async (couple, token) =>
            {
                switch (await StartScheduledAsync(couple, now, token).ConfigureAwait(false))
                {
                    case true: opened++; break;
                    case false: missed++; break;
                }
            },
            "check-in of couple", failures, ct).ConfigureAwait(false);

        var reminded = 0;
        await DueWork.DrainAsync(
            unitOfWork,
            limit => rounds.FindDueRemindersAsync(now, limit, ct),
            rounds.GetAsync,
            async (round, token) =>
            {
                // Revealed or expired a moment ago: nothing left to remind of.
                if (round is not { IsOpen: true, RemindedAt: null }
                    || await couples.GetAsync(round.CoupleId, token).ConfigureAwait(false) is not { } couple)
                {
                    return;
                }

                // A paused or cooling-down couple gets no nudges: the reminder is spent quietly.
                if (couple.IsPausedAt(now) || couple.IsCoolingDownAt(now))
                {
                    await rounds.MarkRemindedAsync(round.Id, now, token).ConfigureAwait(false);
                }
                else if (await roundService.RemindAsync(round, couple, token).ConfigureAwait(false))
                {
                    reminded++;
                }
            },
            "reminder of round", failures, ct).ConfigureAwait(false);

        var expired = 0;
        await DueWork.DrainAsync(
            unitOfWork,
            limit => rounds.FindDueExpiriesAsync(now, limit, ct),
            rounds.GetAsync,
            async (round, token) =>
            {
                if (round.IsOpen && round.ExpiresAt <= now
                    && await couples.GetAsync(round.CoupleId, token).ConfigureAwait(false) is { } couple
                    && await roundService.ExpireAsync(round, couple, token).ConfigureAwait(false))
                {
                    expired++;
                }
            },
            "expiry of round", failures, ct).ConfigureAwait(false);

        return new SweepResult(opened, missed, reminded, expired, failures);
    }

    /// <summary>
    /// Advances the couple's next check-in and opens the round; null if another sweep got there first, false if it
    /// was missed by more than the grace period or the couple already has a weekly round open (skipped quietly).
    /// </summary>
    private async Task<bool?> StartScheduledAsync(Couple couple, DateTimeOffset now, CancellationToken ct)
    {
        // Read inside this transaction: a /pause or /cooldown committed since the due query counts.
        if (couple is not { IsActive: true, NextCheckInAt: { } due } || due > now)
        {
            return null;
        }

        var next = ScheduleCalculator.NextCheckIn(couple.Schedule, couple.TimeZone, now);
        if (!await couples.TryAdvanceCheckInAsync(couple.Id, due, next, ct).ConfigureAwait(false))
        {
            return null;
        }

        // A check-in that falls in a cool-down is skipped, not held: the come-back round is that week's talk.
        if (now - due > options.MisfireGrace || couple.IsPausedAt(now) || couple.IsCoolingDownAt(now))
        {
            return false;
        }

        if (await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false) is { } open)
        {
            // Rounds expire within a week, so an open weekly round is one the couple started early themselves:
            // leave it be, as a come-back after a cool-down. An unfinished deck question gives way to the ritual.
            if (open.Kind is RoundKind.Weekly or RoundKind.Cooldown)
            {
                return false;
            }

            await roundService.ExpireAsync(open, couple, ct).ConfigureAwait(false);
        }

        var (a, b) = await roundService.PartnersAsync(couple, ct).ConfigureAwait(false);
        await roundService.OpenWeeklyAsync(couple, a, b, ct).ConfigureAwait(false);
        return true;
    }
}
