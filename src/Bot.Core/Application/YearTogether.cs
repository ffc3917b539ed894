using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using NodaTime;

namespace Bot.Core.Application;

/// <summary>
/// When the year in review reaches each partner: on the anniversary of pairing as a date on their own calendar
/// (a pairing on 29 February comes round on 28 February in other years), at <see cref="SendFrom"/> on their clock,
/// or later that day, outside their quiet hours and before <see cref="SendUntil"/>.
/// </summary>
public static class YearTogether
{
    public static readonly LocalTime SendFrom = new(10, 0);

    public static readonly LocalTime SendUntil = new(20, 0);

    /// <summary>A review the bot could not send this long after its moment (it was down) is passed over.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(3);

    /// <summary>The date of the <paramref name="year"/>-th anniversary on this zone's calendar.</summary>
    public static LocalDate AnniversaryDate(DateTimeOffset pairedAt, string timeZone, int year) =>
        Instant.FromDateTimeOffset(pairedAt).InZone(TimeZones.Get(timeZone)).Date.PlusYears(year);

    /// <summary>The first moment the <paramref name="year"/>-th review may reach someone on this clock.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset pairedAt, string timeZone, int year) =>
        AnniversaryDate(pairedAt, timeZone, year).At(SendFrom).InZoneLeniently(TimeZones.Get(timeZone))
            .ToDateTimeOffset();

    /// <summary>The latest year whose review moment has come by <paramref name="now"/> on this clock; 0 for none.</summary>
    public static int LatestDueYear(DateTimeOffset pairedAt, string timeZone, DateTimeOffset now)
    {
        var year = 0;
        while (DueAt(pairedAt, timeZone, year + 1) <= now)
        {
            year++;
        }

        return year;
    }

    /// <summary>Whether it is daytime for a review on this clock (from <see cref="SendFrom"/> until <see cref="SendUntil"/>).</summary>
    public static bool IsDaytime(string timeZone, DateTimeOffset at)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(TimeZones.Get(timeZone)).TimeOfDay;
        return local >= SendFrom && local < SendUntil;
    }
}

/// <summary>What one year-in-review sweep did; failures are reported, not thrown.</summary>
public sealed record YearReviewSweepResult(int Sent, IReadOnlyList<(string Item, Exception Error)> Failures);

/// <summary>
/// Sends each partner the year in review on the anniversary of pairing, on their own clock. Each review is
/// recorded per couple, person and year in the same transaction as its message, so it goes out once across
/// restarts, overlapping sweeps and nodes; the couple's next look is set to the earliest moment still ahead.
/// </summary>
public sealed class YearReviewSweeper(
    IYearReviewRepository reviews,
    ICoupleRepository couples,
    IPulseRepository pulses,
    IPulseChart chart,
    RoundService rounds,
    Messenger messenger,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    /// <summary>No anniversary can come sooner after pairing than this, on any clock.</summary>
    public static readonly TimeSpan EarliestAnniversary = TimeSpan.FromDays(360);

    public async Task<YearReviewSweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = new List<(string, Exception)>();
        var sent = 0;
        await DueWork.DrainAsync(
            unitOfWork,
            limit => reviews.FindDueAsync(now, now - EarliestAnniversary, limit, ct),
            couples.GetAsync,
            async (couple, token) => sent += await LookAsync(couple, now, token).ConfigureAwait(false),
            "year in review of couple", failures, ct).ConfigureAwait(false);
        return new YearReviewSweepResult(sent, failures);
    }

    private async Task<int> LookAsync(Couple couple, DateTimeOffset now, CancellationToken ct)
    {
        if (!couple.IsActive)
        {
            // An ended couple has no more anniversaries here; look again in a year in case of a mix-up, cheaply.
            await reviews.SetNextCheckAsync(couple.Id, now.AddYears(1), ct).ConfigureAwait(false);
            return 0;
        }

        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        var sent = 0;
        DateTimeOffset? next = null;
        foreach (var (person, partner) in new[] { (a, b), (b, a) })
        {
            var zone = person.ZoneIn(couple);
            var year = YearTogether.LatestDueYear(couple.CreatedAt, zone, now);
            DateTimeOffset look;
            if (year == 0 || await reviews.HasAsync(couple.Id, person.Id, year, ct).ConfigureAwait(false))
            {
                look = YearTogether.DueAt(couple.CreatedAt, zone, year + 1);
            }
            else if (now - YearTogether.DueAt(couple.CreatedAt, zone, year) > YearTogether.Grace)
            {
                // Far too late to say "happy anniversary": passed over, recorded so it is not looked at again.
                await reviews.TryMarkAsync(couple.Id, person.Id, year, now, ct).ConfigureAwait(false);
                look = YearTogether.DueAt(couple.CreatedAt, zone, year + 1);
            }
            else if (!YearTogether.IsDaytime(zone, now))
            {
                look = LoveNoteService.NextLocalTime(zone, YearTogether.SendFrom, now);
            }
            else if (PersonalTime.DeliverableAt(person, couple, now) is var awake && awake > now)
            {
                look = YearTogether.IsDaytime(zone, awake)
                    ? awake
                    : LoveNoteService.NextLocalTime(zone, YearTogether.SendFrom, awake);
            }
            else
            {
                if (await reviews.TryMarkAsync(couple.Id, person.Id, year, now, ct).ConfigureAwait(false))
                {
                    await SendAsync(couple, person, partner, a, b, year, now, ct).ConfigureAwait(false);
                    sent++;
                }

                look = YearTogether.DueAt(couple.CreatedAt, zone, year + 1);
            }

            next = next is { } earlier && earlier <= look ? earlier : look;
        }

        await reviews.SetNextCheckAsync(couple.Id, next!.Value, ct).ConfigureAwait(false);
        return sent;
    }

    private async Task SendAsync(Couple couple, Person person, Person partner, Person a, Person b, int year,
        DateTimeOffset now, CancellationToken ct)
    {
        var from = couple.CreatedAt.AddYears(year - 1);
        var stats = await reviews.GetStatsAsync(couple.Id, from, now, ct).ConfigureAwait(false);
        var readings = await pulses.GetRevealedAsync(couple.Id, now.AddDays(-7 * (PulseTrendService.MaxWeeks + 1)), ct)
            .ConfigureAwait(false);
        var trend = PulseTrend.Build(readings, a, b, couple.TimeZone, now, PulseTrendService.MaxWeeks);
        var text = Copy.YearReview(person.DisplayName, partner.DisplayName, year,
            PersonalTime.DateText(couple.CreatedAt, person.ZoneIn(couple)), stats, trend.HasEnoughData);
        if (!trend.HasEnoughData)
        {
            await messenger.ToPersonAsync(person, text, ct).ConfigureAwait(false);
            return;
        }

        // The chart shows both partners' pulse: it goes with either one's /forget while it waits.
        await messenger.ToPersonAsync(person, text, ct, wordsOf: [a.Id, b.Id],
            attachment: new Attachment(AttachmentKind.Photo, "our-year.png", "image/png", chart.Render(trend)))
            .ConfigureAwait(false);
    }
}
