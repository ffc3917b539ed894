using System.Globalization;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Commands;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// The warm start after pairing: each partner tells their clock (a tap on a common zone, or their city typed), hears
/// in one line what quiet hours do (a tap changes them), and the couple agree their weekly slot: one proposes, the
/// other accepts or suggests another. Every button here is a confirmation bound to whoever it was shown to, so a tap
/// long after, or from an earlier pairing, is answered kindly and changes nothing.
/// </summary>
public sealed class WelcomeService(
    IPersonRepository persons, ICoupleRepository couples, Messenger messenger, TimeProvider time)
{
    /// <summary>How long the welcome buttons may be tapped.</summary>
    public static readonly TimeSpan ButtonLifetime = TimeSpan.FromDays(14);

    /// <summary>How long a typed city or slot is waited for after the tap that asked for it.</summary>
    public static readonly TimeSpan TypingLifetime = TimeSpan.FromHours(12);

    /// <summary>The zones offered with one tap (most people live in or near one of them), with a short place name.</summary>
    public static IReadOnlyList<(string Zone, string Place)> CommonZones { get; } =
    [
        ("America/Los_Angeles", "Los Angeles"),
        ("America/Chicago", "Chicago"),
        ("America/New_York", "New York"),
        ("Europe/London", "London"),
        ("Europe/Berlin", "Berlin·Paris"),
        ("Asia/Kolkata", "India"),
        ("Asia/Shanghai", "China"),
        ("Asia/Tokyo", "Tokyo"),
        ("Australia/Sydney", "Sydney"),
    ];

    /// <summary>Weekly slots offered with one tap, on the proposer's clock.</summary>
    public static IReadOnlyList<(DayOfWeek Day, TimeOnly Time)> SuggestedSlots { get; } =
    [
        (DayOfWeek.Sunday, new TimeOnly(19, 0)),
        (DayOfWeek.Sunday, new TimeOnly(10, 0)),
        (DayOfWeek.Wednesday, new TimeOnly(20, 0)),
        (DayOfWeek.Friday, new TimeOnly(19, 0)),
    ];

    private static readonly IReadOnlyList<QuietHours> QuietAlternatives =
        [new(new TimeOnly(23, 0), new TimeOnly(7, 0)), new(new TimeOnly(21, 0), new TimeOnly(6, 0))];

    private const string TypeCity = "type";
    private const string Keep = "keep";
    private const string Off = "off";
    private const string Propose = "p";
    private const string TypeSlot = "t";
    private const string Accept = "a";
    private const string Other = "o";

    /// <summary>Right after /join: each partner is asked for their clock, in their private chat.</summary>
    public async Task StartAsync(Couple couple, Person joiner, Person owner, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var person in new[] { joiner, owner })
        {
            await messenger.ToPersonAsync(person, Copy.WelcomeAskZone(person.DisplayName), ct, ZoneChoices(person, now))
                .ConfigureAwait(false);
        }
    }

    /// <summary>A tap on a zone, or on "type my city".</summary>
    public async Task ZoneTappedAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        if (c.Couple is not { } couple || fields.Count != 1)
        {
            await messenger.ReplyAsync(c, Copy.WelcomeStale(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        if (fields[0] == TypeCity)
        {
            await persons.SaveAwaitingAsync(c.Me.Id, WelcomeInput.City, now, ct).ConfigureAwait(false);
            await messenger.ReplyAsync(c, Copy.WelcomeTypeCity(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        if (!TimeZones.IsValid(fields[0]))
        {
            await messenger.ReplyAsync(c, Copy.StaleButton(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await SetZoneAsync(c, couple, fields[0], now, ct).ConfigureAwait(false);
    }

    /// <summary>A tap on the quiet-hours line: keep them, another span, or none.</summary>
    public async Task QuietTappedAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (c.Couple is not { } couple || fields.Count != 1)
        {
            await messenger.ReplyAsync(c, Copy.WelcomeStale(name), ct).ConfigureAwait(false);
            return;
        }

        var zone = c.Me.ZoneIn(couple);
        if (fields[0] == Off)
        {
            await persons.SaveQuietHoursAsync(c.Me.Id, null, ct).ConfigureAwait(false);
            await messenger.ReplyAsync(c, Copy.QuietOff(name), ct).ConfigureAwait(false);
            return;
        }

        var quiet = fields[0] == Keep ? c.Me.QuietHours ?? QuietHours.Default : ParseQuiet(fields[0]);
        if (quiet is null)
        {
            await messenger.ReplyAsync(c, Copy.StaleButton(name), ct).ConfigureAwait(false);
            return;
        }

        await persons.SaveQuietHoursAsync(c.Me.Id, quiet, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.QuietSet(name, quiet, zone), ct).ConfigureAwait(false);
    }

    /// <summary>A tap on the weekly-slot buttons: propose one, type one, accept the partner's, or suggest another.</summary>
    public async Task SlotTappedAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (c.Couple is not { } couple || c.Partner is not { } partner || fields.Count < 2
            || !ButtonKind.TryNumber(fields, 1, out var coupleId) || coupleId != couple.Id)
        {
            await messenger.ReplyAsync(c, Copy.WelcomeStale(name), ct).ConfigureAwait(false);
            return;
        }

        if (!couple.SlotIsDefault)
        {
            await messenger.ReplyAsync(c, Copy.SlotAlreadyAgreed(name, Copy.ScheduleSummary(couple)), ct).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        switch (fields[0])
        {
            case Propose when fields.Count == 4 && TryReadSlot(fields, 2, out var day, out var at):
                await ProposeAsync(c, couple, partner, day, at, now, ct).ConfigureAwait(false);
                return;
            case TypeSlot:
                await persons.SaveAwaitingAsync(c.Me.Id, WelcomeInput.Slot, now, ct).ConfigureAwait(false);
                await messenger.ReplyAsync(c, Copy.WelcomeTypeSlot(name), ct).ConfigureAwait(false);
                return;
            case Other:
                await AskSlotAsync(c, couple, partner, now, ct).ConfigureAwait(false);
                return;
            case Accept when fields.Count == 5 && ButtonKind.TryNumber(fields, 2, out var proposerId)
                && TryReadSlot(fields, 3, out var day, out var at):
                if (proposerId == c.Me.Id)
                {
                    await messenger.ReplyAsync(c, Copy.SlotOwnProposal(name, partner.DisplayName), ct).ConfigureAwait(false);
                    return;
                }

                if (proposerId != partner.Id)
                {
                    await messenger.ReplyAsync(c, Copy.WelcomeStale(name), ct).ConfigureAwait(false);
                    return;
                }

                await AgreeAsync(c, couple, partner, day, at, now, ct).ConfigureAwait(false);
                return;
            default:
                await messenger.ReplyAsync(c, Copy.StaleButton(name), ct).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>A welcome button tapped after <see cref="ButtonLifetime"/>, or one shown to someone else.</summary>
    public Task ExpiredAsync(Conversation c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return messenger.ReplyAsync(c, Copy.WelcomeExpired(c.Me.DisplayName), ct);
    }

    /// <summary>
    /// The person's plain text when the warm start waits for a city or a slot they chose to type; false when it waits
    /// for nothing (or no longer: a question of an open round then takes the text as its answer).
    /// </summary>
    public async Task<bool> TryTakeTextAsync(Conversation c, Couple couple, Round? round, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var me = c.Me;
        if (me.Awaiting is not { } awaiting)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var answerWaits = round?.NextQuestionFor(me.Id) is not null;
        if (me.AwaitingSince is not { } since || now - since > TypingLifetime)
        {
            await LetGoAsync(me, ct).ConfigureAwait(false);
            return false;
        }

        if (awaiting == WelcomeInput.City)
        {
            if (TimeZones.Resolve(text, out var suggestions) is { } zone)
            {
                await LetGoAsync(me, ct).ConfigureAwait(false);
                await SetZoneAsync(c, couple, zone, now, ct).ConfigureAwait(false);
                return true;
            }

            if (answerWaits)
            {
                await LetGoAsync(me, ct).ConfigureAwait(false);
                return false;
            }

            await messenger.ReplyAsync(c, Copy.TimeZoneUnknown(me.DisplayName, text, suggestions), ct).ConfigureAwait(false);
            return true;
        }

        var spec = CommandCatalog.Find("schedule")!;
        var bound = CommandBinder.FromText(spec, text);
        if (bound.Arguments is { } arguments && arguments.Choice("day") is { } typedDay && arguments.Time("time") is { } at
            && ScheduleParser.TryParseDay(typedDay, out var day) && c.Partner is { } partner)
        {
            await LetGoAsync(me, ct).ConfigureAwait(false);
            if (!couple.SlotIsDefault)
            {
                await messenger.ReplyAsync(c, Copy.SlotAlreadyAgreed(me.DisplayName, Copy.ScheduleSummary(couple)), ct)
                    .ConfigureAwait(false);
                return true;
            }

            await ProposeAsync(c, couple, partner, day, at, now, ct).ConfigureAwait(false);
            return true;
        }

        if (answerWaits)
        {
            await LetGoAsync(me, ct).ConfigureAwait(false);
            return false;
        }

        await messenger.ReplyAsync(c, Copy.WelcomeSlotHelp(me.DisplayName), ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>The person moved on (a command or another button): their next text is theirs again.</summary>
    public Task LetGoAsync(Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Awaiting is null ? Task.CompletedTask : persons.SaveAwaitingAsync(person.Id, null, null, ct);
    }

    private async Task SetZoneAsync(Conversation c, Couple couple, string zone, DateTimeOffset now, CancellationToken ct)
    {
        var me = c.Me;
        var name = me.DisplayName;
        if (me.TimeZone == zone)
        {
            await messenger.ReplyAsync(c, Copy.WelcomeZoneAlready(name, zone, now), ct).ConfigureAwait(false);
            return;
        }

        await persons.SaveTimeZoneAsync(me.Id, zone, ct).ConfigureAwait(false);
        var updated = couple;
        if (c.Partner is { TimeZone: null })
        {
            // As with /timezone: while the partner has no clock of their own, the check-ins move along (still a guess
            // for them, so nothing of theirs is held on it).
            updated = couple with { TimeZone = zone, NextCheckInAt = ScheduleCalculator.NextCheckIn(couple.Schedule, zone, now) };
            await couples.UpdateAsync(updated, ct).ConfigureAwait(false);
        }

        var quiet = me.QuietHours;
        await messenger.ReplyAsync(c, $"{Copy.WelcomeZoneSet(name, zone, now)}\n\n{Copy.WelcomeQuiet(quiet)}", ct,
            QuietChoices(me, quiet, now)).ConfigureAwait(false);
        if (updated.SlotIsDefault && c.Partner is { } partner)
        {
            await AskSlotAsync(c, updated, partner, now, ct).ConfigureAwait(false);
        }
    }

    private Task AskSlotAsync(Conversation c, Couple couple, Person partner, DateTimeOffset now, CancellationToken ct)
    {
        var me = c.Me;
        var kind = ButtonCatalog.WelcomeSlot;
        var suggestions = SuggestedSlots.Select(s => new Choice(Copy.SlotLabel(s.Day, s.Time),
            kind.EncodeConfirmation(me.Id, now, Propose, couple.Id, (int)s.Day, SlotTime(s.Time)))).ToArray();
        IReadOnlyList<IReadOnlyList<Choice>> rows =
        [
            suggestions[..2],
            suggestions[2..],
            [new Choice(Copy.AnotherSlotLabel, kind.EncodeConfirmation(me.Id, now, TypeSlot, couple.Id))],
        ];
        return messenger.ReplyAsync(c, Copy.WelcomeAskSlot(me.DisplayName, partner.DisplayName), ct, rows);
    }

    private async Task ProposeAsync(Conversation c, Couple couple, Person partner, DayOfWeek day, TimeOnly at,
        DateTimeOffset now, CancellationToken ct)
    {
        var me = c.Me;
        var slot = Copy.SlotText(day, at);
        var myZone = me.ZoneIn(couple);
        var first = ScheduleCalculator.NextOccurrence(new WeeklySchedule(day, at, IsEnabled: true), myZone, now);
        var theirClock = partner.KnownZoneIn(couple) is { } theirZone && theirZone != myZone
            ? PersonalTime.DayClockText(first, theirZone)
            : null;
        var kind = ButtonCatalog.WelcomeSlot;
        var choices = Messenger.Row(
            new Choice(Copy.SlotAcceptLabel(day, at),
                kind.EncodeConfirmation(partner.Id, now, Accept, couple.Id, me.Id, (int)day, SlotTime(at))),
            new Choice(Copy.SuggestAnotherLabel, kind.EncodeConfirmation(partner.Id, now, Other, couple.Id)));
        await messenger.ReplyAsync(c, Copy.SlotProposed(me.DisplayName, partner.DisplayName, slot), ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(partner, couple, Copy.SlotProposal(partner.DisplayName, me.DisplayName, slot, theirClock),
            ct, choices).ConfigureAwait(false);
    }

    private async Task AgreeAsync(Conversation c, Couple couple, Person proposer, DayOfWeek day, TimeOnly at,
        DateTimeOffset now, CancellationToken ct)
    {
        // Read on the clock of whoever proposed it, as if they had typed /schedule.
        var zone = proposer.ZoneIn(couple);
        var schedule = new WeeklySchedule(day, at, IsEnabled: true);
        var agreed = couple with
        {
            TimeZone = zone,
            Schedule = schedule,
            NextCheckInAt = ScheduleCalculator.NextCheckIn(schedule, zone, now),
            SlotIsDefault = false,
        };
        await couples.UpdateAsync(agreed, ct).ConfigureAwait(false);
        var slot = Copy.SlotText(day, at);
        var summary = Copy.ScheduleSummary(agreed);
        await messenger.ReplyAsync(c, Copy.SlotAgreed(c.Me.DisplayName, slot, summary) + "\n"
            + Copy.CheckInForEach(c.Me, proposer, agreed), ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(proposer, agreed, Copy.SlotAgreed(proposer.DisplayName, slot, summary) + "\n"
            + Copy.CheckInForEach(proposer, c.Me, agreed), ct).ConfigureAwait(false);
    }

    private static IReadOnlyList<IReadOnlyList<Choice>> ZoneChoices(Person person, DateTimeOffset now)
    {
        var kind = ButtonCatalog.WelcomeZone;
        var zones = CommonZones.Select(z => new Choice($"{z.Place} {PersonalTime.ClockText(now, z.Zone)}",
            kind.EncodeConfirmation(person.Id, now, z.Zone))).ToList();
        return
        [
            .. zones.Chunk(3).Select(row => (IReadOnlyList<Choice>)row),
            [new Choice(Copy.TypeMyCityLabel, kind.EncodeConfirmation(person.Id, now, TypeCity))],
        ];
    }

    private static IReadOnlyList<IReadOnlyList<Choice>> QuietChoices(Person person, QuietHours? current, DateTimeOffset now)
    {
        var kind = ButtonCatalog.WelcomeQuiet;
        var keep = current ?? QuietHours.Default;
        var row = new List<Choice> { new(Copy.QuietKeepLabel(keep), kind.EncodeConfirmation(person.Id, now, Keep)) };
        row.AddRange(QuietAlternatives.Where(q => q != keep).Select(q =>
            new Choice(PersonalTime.QuietText(q), kind.EncodeConfirmation(person.Id, now, QuietField(q)))));
        row.Add(new Choice(Copy.QuietOffLabel, kind.EncodeConfirmation(person.Id, now, Off)));
        return [row];
    }

    private static string SlotTime(TimeOnly time) => time.ToString("HHmm", CultureInfo.InvariantCulture);

    private static string QuietField(QuietHours quiet) => $"{SlotTime(quiet.From)}-{SlotTime(quiet.Until)}";

    private static QuietHours? ParseQuiet(string field)
    {
        var parts = field.Split('-');
        return parts.Length == 2 && TryReadTime(parts[0], out var from) && TryReadTime(parts[1], out var until) && from != until
            ? new QuietHours(from, until)
            : null;
    }

    private static bool TryReadSlot(IReadOnlyList<string> fields, int index, out DayOfWeek day, out TimeOnly time)
    {
        day = default;
        time = default;
        if (!ButtonKind.TryNumber(fields, index, out var weekday) || weekday is < 0 or > 6
            || index + 1 >= fields.Count || !TryReadTime(fields[index + 1], out time))
        {
            return false;
        }

        day = (DayOfWeek)weekday;
        return true;
    }

    private static bool TryReadTime(string field, out TimeOnly time) =>
        TimeOnly.TryParseExact(field, "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
