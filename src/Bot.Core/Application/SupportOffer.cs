using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// When to offer /support: both partners' weekly pulse went down at each of the last three revealed check-ins, and
/// the person has neither turned the offer off nor had it within the last three months.
/// </summary>
public static class SupportOffer
{
    /// <summary>Drops in a row, for both partners, before the offer is made.</summary>
    public const int DropsInARow = 3;

    /// <summary>The least time between two offers to the same person (about a quarter).</summary>
    public static readonly int MonthsBetweenOffers = 3;

    /// <summary>
    /// A person's pulse at one check-in: the average of the scales they tapped (a skipped scale does not count);
    /// null when they skipped both.
    /// </summary>
    public static double? PulseOf(IEnumerable<PulseReading> round, long personId)
    {
        var values = round.Where(r => r.PersonId == personId && r.Value is not null).Select(r => (double)r.Value!.Value)
            .ToList();
        return values.Count == 0 ? null : values.Average();
    }

    /// <summary>
    /// Whether the last <see cref="DropsInARow"/> pulses (oldest first) each fell below the one before. A check-in
    /// without a pulse, or one that stayed level or rose, breaks the run.
    /// </summary>
    public static bool HasFallen(IReadOnlyList<double?> pulsesOldestFirst)
    {
        ArgumentNullException.ThrowIfNull(pulsesOldestFirst);
        if (pulsesOldestFirst.Count < DropsInARow + 1)
        {
            return false;
        }

        var last = pulsesOldestFirst.Skip(pulsesOldestFirst.Count - (DropsInARow + 1)).ToList();
        for (var i = 1; i < last.Count; i++)
        {
            if (last[i] is not { } now || last[i - 1] is not { } before || now >= before)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether both partners' pulse fell at each of the couple's last revealed check-ins.</summary>
    public static bool BothHaveFallen(IReadOnlyList<PulseReading> readings, long a, long b)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var rounds = readings.GroupBy(r => r.RoundOpenedAt).OrderBy(g => g.Key).ToList();
        return HasFallen([.. rounds.Select(r => PulseOf(r, a))]) && HasFallen([.. rounds.Select(r => PulseOf(r, b))]);
    }

    /// <summary>Whether the person may be offered /support now: not turned off, and not offered recently.</summary>
    public static bool MayOffer(SupportOfferState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return !state.IsOff && (state.LastOfferedAt is not { } last || last.AddMonths(MonthsBetweenOffers) <= now);
    }
}

/// <summary>The gentle /support offer after a weekly reveal, and /support off / on.</summary>
public sealed class SupportOfferService(
    IPulseRepository pulses,
    ISupportOfferRepository offers,
    Messenger messenger,
    TimeProvider time)
{
    /// <summary>How far back the pulse is read: enough for the run of drops even with some weeks skipped.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7 * 26);

    /// <summary>
    /// After a weekly check-in was revealed: when both pulses fell three times in a row, each partner who may have it
    /// is offered /support privately (at the end of their quiet hours), saying nothing of the other's pulse.
    /// </summary>
    public async Task AfterWeeklyRevealAsync(Couple couple, Person a, Person b, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(couple);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var now = time.GetUtcNow();
        var readings = await pulses.GetRevealedAsync(couple.Id, now - Lookback, ct).ConfigureAwait(false);
        if (!SupportOffer.BothHaveFallen(readings, a.Id, b.Id))
        {
            return;
        }

        foreach (var person in new[] { a, b })
        {
            var state = await offers.GetAsync(person.Id, ct).ConfigureAwait(false);
            if (SupportOffer.MayOffer(state, now)
                && await offers.TryMarkOfferedAsync(person.Id, state.LastOfferedAt, now, ct).ConfigureAwait(false))
            {
                await messenger.ToPersonWhenAwakeAsync(person, couple, now, Copy.SupportOffer(person.DisplayName), ct)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>/support, /support off, /support on.</summary>
    public async Task HandleAsync(Conversation c, bool off, bool on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var name = c.Me.DisplayName;
        if (off == on)
        {
            await messenger.ReplyAsync(c, off ? Copy.UsageOf(name, "/support (or off, on)") : Copy.Support(name), ct)
                .ConfigureAwait(false);
            return;
        }

        await offers.SetOffAsync(c.Me.Id, off, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, off ? Copy.SupportOfferOff(name) : Copy.SupportOfferOn(name), ct)
            .ConfigureAwait(false);
    }
}
