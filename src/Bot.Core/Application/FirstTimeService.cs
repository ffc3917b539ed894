using System.Globalization;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using NodaTime;

namespace Bot.Core.Application;

/// <summary>
/// Once a month, a "first time" for the couple: an open bucket-list wish they haven't been offered yet, else an
/// idea from the built-in deck (a ledger keeps both from repeating). Once they've done it, each writes a one-line
/// memory, blind, and the reveal goes into the journal.
/// </summary>
public sealed class FirstTimeService(
    ICoupleRepository couples,
    IFirstTimeRepository firstTimes,
    IBucketListRepository bucketList,
    IQuestionLedger ledger,
    FirstTimeIdeas ideas,
    RoundService rounds,
    Messenger messenger,
    IRandomSource random,
    TimeProvider time)
{
    /// <summary>A memory is one line.</summary>
    public const int MemoryMaxLength = 200;

    public static readonly TimeSpan FollowUpAfter = TimeSpan.FromDays(7);

    /// <summary>Proposals go out on a Saturday at this time, couple-local.</summary>
    public static readonly LocalTime ProposalTime = new(10, 0);

    /// <summary>A proposal whose moment passed (the bot was down) is only sent between these hours, couple-local.</summary>
    public static readonly LocalTime DaytimeFrom = new(9, 0);

    public static readonly LocalTime DaytimeUntil = new(21, 0);

    private const string Try = "y";
    private const string Another = "n";
    private const string NotThisMonth = "x";
    private const string DidIt = "d";
    private const string NotYet = "w";

    /// <summary>
    /// The first Saturday on or after the same day next month, at <see cref="ProposalTime"/> in the couple's zone
    /// (a time in a daylight-saving gap moves forward by the gap).
    /// </summary>
    public static DateTimeOffset NextProposalAt(string timeZone, DateTimeOffset after)
    {
        var zone = TimeZones.Get(timeZone);
        var date = Instant.FromDateTimeOffset(after).InZone(zone).Date.PlusMonths(1)
            .With(DateAdjusters.NextOrSame(IsoDayOfWeek.Saturday));
        return date.At(ProposalTime).InZoneLeniently(zone).ToDateTimeOffset();
    }

    public static bool IsDaytime(string timeZone, DateTimeOffset at)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(TimeZones.Get(timeZone)).TimeOfDay;
        return local >= DaytimeFrom && local < DaytimeUntil;
    }

    /// <summary>"/firsttime": the current idea (or a new one now when there is none); "/firsttime done".</summary>
    public async Task HandleAsync(Conversation c, Couple couple, bool done, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var current = await firstTimes.GetCurrentAsync(couple.Id, ct).ConfigureAwait(false);
        if (done)
        {
            await DoneAsync(c, couple, current, ct).ConfigureAwait(false);
            return;
        }

        if (current is null)
        {
            var now = time.GetUtcNow();
            if (!await CooldownService.HoldsPlayAsync(messenger, c, couple, now, ct).ConfigureAwait(false))
            {
                // Asked for one now, so this counts as the month's: the next comes a month from today.
                await couples.UpdateAsync(couple with { NextFirstTimeAt = NextProposalAt(couple.TimeZone, now) }, ct)
                    .ConfigureAwait(false);
                await ProposeAsync(couple, ct).ConfigureAwait(false);
            }

            return;
        }

        var (text, wordsOf) = await TextOfAsync(current, ct).ConfigureAwait(false);
        var accepted = current.State == FirstTimeState.Accepted;
        await messenger.ReplyAsync(c, Copy.FirstTimeCurrent(name, text, accepted), ct,
            accepted ? FollowUpButtons(current.Id) : ProposalButtons(current.Id), wordsOf).ConfigureAwait(false);
    }

    /// <summary>A button on a proposal or follow-up: "ft:ID:ACTION".</summary>
    public async Task ChoiceAsync(Conversation c, Couple couple, IReadOnlyList<string> parts, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (parts.Count != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await firstTimes.GetAsync(id, ct).ConfigureAwait(false) is not { } firstTime
            || firstTime.CoupleId != couple.Id)
        {
            await messenger.ReplyAsync(c, Copy.StaleButton(name), ct).ConfigureAwait(false);
            return;
        }

        var action = parts[1];
        if (action == DidIt)
        {
            await DoneAsync(c, couple, firstTime, ct).ConfigureAwait(false);
            return;
        }

        if (action == NotYet)
        {
            await messenger.ReplyAsync(c, Copy.FirstTimeNotYet(name), ct).ConfigureAwait(false);
            return;
        }

        var (to, followUpAt) = action switch
        {
            Try => (FirstTimeState.Accepted, time.GetUtcNow() + FollowUpAfter),
            Another => (FirstTimeState.Replaced, (DateTimeOffset?)null),
            NotThisMonth => (FirstTimeState.Declined, (DateTimeOffset?)null),
            _ => ((FirstTimeState?)null, (DateTimeOffset?)null),
        };
        if (to is null)
        {
            await messenger.ReplyAsync(c, Copy.StaleButton(name), ct).ConfigureAwait(false);
            return;
        }

        if (!await firstTimes.TryMoveAsync(firstTime.Id, FirstTimeState.Proposed, to.Value, time.GetUtcNow(),
                followUpAt, ct).ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.FirstTimeAlreadyDecided(name), ct).ConfigureAwait(false);
            return;
        }

        switch (to.Value)
        {
            case FirstTimeState.Accepted:
                var (text, wordsOf) = await TextOfAsync(firstTime, ct).ConfigureAwait(false);
                await ToCoupleAsync(couple, Copy.FirstTimeAccepted(name, text), wordsOf, ct).ConfigureAwait(false);
                break;
            case FirstTimeState.Replaced:
                await ProposeAsync(couple, ct).ConfigureAwait(false);
                break;
            default:
                await ToCoupleAsync(couple, Copy.FirstTimeDeclined(name), [], ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Proposes a new first time to the couple; an undecided earlier proposal is replaced.</summary>
    public async Task ProposeAsync(Couple couple, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await firstTimes.GetCurrentAsync(couple.Id, ct).ConfigureAwait(false) is { State: FirstTimeState.Proposed } stale)
        {
            await firstTimes.TryMoveAsync(stale.Id, FirstTimeState.Proposed, FirstTimeState.Replaced, now, null, ct)
                .ConfigureAwait(false);
        }

        var (source, reference, text, wordsOf) = await PickAsync(couple.Id, now, ct).ConfigureAwait(false);
        var firstTime = await firstTimes.AddAsync(
            new FirstTime(0, couple.Id, source, reference, FirstTimeState.Proposed, now, null, null), ct)
            .ConfigureAwait(false);
        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        await messenger.ToCoupleAsync(couple, a, b,
            Copy.FirstTimeProposal(a.DisplayName, b.DisplayName, text, source == FirstTimeSource.BucketList), ct,
            wordsOf, ProposalButtons(firstTime.Id)).ConfigureAwait(false);
    }

    /// <summary>A week after "We'll try it": asks whether they did it, once; false if another sweep asked first.</summary>
    public async Task<bool> FollowUpAsync(FirstTime firstTime, Couple? couple, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(firstTime);
        if (firstTime.FollowUpAt is not { } due
            || !await firstTimes.TryTakeFollowUpAsync(firstTime.Id, due, ct).ConfigureAwait(false)
            || couple is not { IsActive: true })
        {
            return false;
        }

        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        var (text, wordsOf) = await TextOfAsync(firstTime, ct).ConfigureAwait(false);
        await messenger.ToCoupleAsync(couple, a, b, Copy.FirstTimeFollowUp(a.DisplayName, b.DisplayName, text), ct,
            wordsOf, FollowUpButtons(firstTime.Id)).ConfigureAwait(false);
        return true;
    }

    private async Task DoneAsync(Conversation c, Couple couple, FirstTime? firstTime, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (firstTime is not { IsCurrent: true })
        {
            await messenger.ReplyAsync(c, firstTime is null ? Copy.FirstTimeNothingToRemember(name)
                : Copy.FirstTimeAlreadyDecided(name), ct).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        if (await CooldownService.HoldsPlayAsync(messenger, c, couple, now, ct).ConfigureAwait(false))
        {
            return;
        }

        if (await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false) is not null)
        {
            await messenger.ReplyAsync(c, Copy.FirstTimeFinishOpenFirst(name), ct).ConfigureAwait(false);
            return;
        }

        if (!await firstTimes.TryMoveAsync(firstTime.Id, firstTime.State, FirstTimeState.Done, now, null, ct)
                .ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.FirstTimeAlreadyDecided(name), ct).ConfigureAwait(false);
            return;
        }

        // A wish is a partner's words, so the journal's question names only ideas from our own deck.
        var idea = firstTime.Source == FirstTimeSource.Idea ? ideas.Find(firstTime.Ref)?.Text : null;
        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        await rounds.OpenMemoryAsync(couple, a, b, Copy.MemoryQuestion(idea), ct).ConfigureAwait(false);
        if (!c.IsPrivate && !c.IsInHome)
        {
            await messenger.ReplyAsync(c, Copy.DrawStarted(name), ct).ConfigureAwait(false);
        }
    }

    private async Task<(FirstTimeSource Source, string Ref, string Text, IReadOnlyList<long> WordsOf)> PickAsync(
        long coupleId, DateTimeOffset now, CancellationToken ct)
    {
        var offered = await ledger.GetDrawnAsync(coupleId, FirstTimeIdeas.BucketLedgerId, ct).ConfigureAwait(false);
        var wish = (await bucketList.ListAsync(coupleId, ct).ConfigureAwait(false))
            .FirstOrDefault(i => !i.IsDone && !offered.Contains(Ref(i.Id)));
        if (wish is not null)
        {
            await ledger.AddAsync(coupleId, FirstTimeIdeas.BucketLedgerId, Ref(wish.Id), now, ct).ConfigureAwait(false);
            return (FirstTimeSource.BucketList, Ref(wish.Id), wish.Text, [wish.AddedById]);
        }

        var drawn = await ledger.GetDrawnAsync(coupleId, FirstTimeIdeas.LedgerId, ct).ConfigureAwait(false);
        var left = ideas.Ideas.Where(i => !drawn.Contains(i.Id)).ToList();
        if (left.Count == 0)
        {
            await ledger.ResetAsync(coupleId, FirstTimeIdeas.LedgerId, ct).ConfigureAwait(false);
            left = [.. ideas.Ideas];
        }

        var idea = left[random.Next(left.Count)];
        await ledger.AddAsync(coupleId, FirstTimeIdeas.LedgerId, idea.Id, now, ct).ConfigureAwait(false);
        return (FirstTimeSource.Idea, idea.Id, idea.Text, []);
    }

    private async Task<(string Text, IReadOnlyList<long> WordsOf)> TextOfAsync(FirstTime firstTime, CancellationToken ct)
    {
        if (firstTime.Source == FirstTimeSource.Idea)
        {
            return (ideas.Find(firstTime.Ref)?.Text ?? Copy.FirstTimeFromBucketList, []);
        }

        var wish = (await bucketList.ListAsync(firstTime.CoupleId, ct).ConfigureAwait(false))
            .FirstOrDefault(i => Ref(i.Id) == firstTime.Ref);
        return wish is null ? (Copy.FirstTimeFromBucketList, []) : (wish.Text, [wish.AddedById]);
    }

    private async Task ToCoupleAsync(Couple couple, string text, IReadOnlyList<long> wordsOf, CancellationToken ct)
    {
        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        await messenger.ToCoupleAsync(couple, a, b, text, ct, wordsOf).ConfigureAwait(false);
    }

    private static string Ref(long itemId) => itemId.ToString(CultureInfo.InvariantCulture);

    private static string Payload(long id, string action) =>
        ButtonCatalog.FirstTime.Encode(id, action);

    private static IReadOnlyList<IReadOnlyList<Choice>> ProposalButtons(long id) =>
    [
        [new Choice(Copy.FirstTimeTryLabel, Payload(id, Try)), new Choice(Copy.FirstTimeAnotherLabel, Payload(id, Another))],
        [new Choice(Copy.FirstTimeNotThisMonthLabel, Payload(id, NotThisMonth))],
    ];

    private static IReadOnlyList<IReadOnlyList<Choice>> FollowUpButtons(long id) => Messenger.Row(
        new Choice(Copy.FirstTimeDidItLabel, Payload(id, DidIt)), new Choice(Copy.FirstTimeNotYetLabel, Payload(id, NotYet)));
}
