namespace Bot.Core.Application;

/// <summary>What one minute's sweep did across all its steps; failures are reported, not thrown.</summary>
public sealed record SweepReport(
    int CooldownsEnded,
    int CheckInsOpened,
    int CheckInsMissed,
    int Reminded,
    int Expired,
    int NotesDelivered,
    int FirstTimesProposed,
    int FirstTimesSkipped,
    int FirstTimesFollowedUp,
    int HeldAnswersShared,
    int YearReviewsSent,
    IReadOnlyList<(string Item, Exception Error)> Failures)
{
    /// <summary>Memories that came back "on this day".</summary>
    public int MemoriesRecalled { get; init; }

    /// <summary>True when some step changed something for a couple.</summary>
    public bool DidAnything =>
        CooldownsEnded + CheckInsOpened + CheckInsMissed + Reminded + Expired + NotesDelivered + FirstTimesProposed
        + FirstTimesSkipped + FirstTimesFollowedUp + HeldAnswersShared + YearReviewsSent + MemoriesRecalled > 0;
}

/// <summary>
/// The minute's work, in the order it must happen: cool-downs end, check-ins open, remind and expire, love notes
/// land, first times are proposed, held answers are shared, memories come back on their day, and anniversaries
/// bring the year in review. Each step handles its items in their own transactions.
/// </summary>
public sealed class Sweep(
    CooldownSweeper cooldowns,
    CheckInSweeper checkIns,
    LoveNoteSweeper notes,
    FirstTimeSweeper firstTimes,
    HeldAnswerSweeper heldAnswers,
    MemorySweeper memories,
    YearReviewSweeper yearReviews)
{
    public async Task<SweepReport> RunAsync(CancellationToken ct)
    {
        // Cool-downs end first: after downtime, a pause that ended days ago opens its come-back before the
        // check-in due now, which then gives way to it (instead of being opened and set aside at once).
        var ended = await cooldowns.RunAsync(ct).ConfigureAwait(false);
        var rounds = await checkIns.RunAsync(ct).ConfigureAwait(false);
        var delivered = await notes.RunAsync(ct).ConfigureAwait(false);
        var proposed = await firstTimes.RunAsync(ct).ConfigureAwait(false);
        var held = await heldAnswers.RunAsync(ct).ConfigureAwait(false);
        var recalled = await memories.RunAsync(ct).ConfigureAwait(false);
        var reviews = await yearReviews.RunAsync(ct).ConfigureAwait(false);
        return new SweepReport(
            ended.Ended,
            rounds.CheckInsOpened,
            rounds.CheckInsMissed,
            rounds.Reminded,
            rounds.Expired,
            delivered.Delivered,
            proposed.Proposed,
            proposed.Skipped,
            proposed.FollowedUp,
            held.Delivered,
            reviews.Sent,
            [
                .. ended.Failures, .. rounds.Failures, .. delivered.Failures, .. proposed.Failures, .. held.Failures,
                .. recalled.Failures, .. reviews.Failures,
            ])
        {
            MemoriesRecalled = recalled.Recalled,
        };
    }
}
