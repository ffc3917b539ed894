using System.Globalization;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>The blind round: ask each partner privately, seal answers, reveal when both are done.</summary>
/// <remarks>Unless questions are configured, the weekly ritual rotates its wording through the weekly deck.</remarks>
public sealed class RoundService(
    IRoundRepository rounds,
    IPersonRepository persons,
    Messenger messenger,
    CheckInOptions options,
    DeckCatalog decks,
    IQuestionLedger ledger,
    IPulseRepository pulses,
    SupportOfferService support,
    IRandomSource random,
    MediaService media,
    TimeProvider time)
{

    public Task<Round?> GetOpenAsync(long coupleId, CancellationToken ct) => rounds.GetOpenAsync(coupleId, ct);

    /// <summary>When the couple already has an open round, tells the person where it stands and returns true.</summary>
    public async Task<bool> TellIfOpenAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        if (await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false) is not { } open)
        {
            return false;
        }

        var partner = c.Partner!;
        await messenger.ReplyAsync(c, Copy.RoundStanding(c.Me.DisplayName, partner.DisplayName, open, c.Me.Id, partner.Id), ct)
            .ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Opens the weekly ritual: the configured questions, else a weekly-deck variant per theme. The first question
    /// waits out a partner's quiet hours, except for <paramref name="initiator"/>, who just asked for it.
    /// </summary>
    public async Task<Round> OpenWeeklyAsync(Couple couple, Person a, Person b, CancellationToken ct,
        Person? initiator = null)
    {
        var questions = options.HasCustomQuestions || decks.Weekly is not { } weekly
            ? [.. options.EffectiveQuestions.Select((text, i) => new RoundQuestion(i + 1, null, text))]
            : await ChooseWordingAsync(couple.Id, weekly, ledger, ct).ConfigureAwait(false);
        return await OpenAsync(couple, a, b, RoundKind.Weekly, null, questions,
            (me, partner) => Copy.CheckInOpened(me.DisplayName, partner.DisplayName, questions.Count),
            Copy.HomeCheckInStarted(a.DisplayName, b.DisplayName), ct, initiator).ConfigureAwait(false);
    }

    /// <summary>Opens a one-question round from a deck.</summary>
    public Task<Round> OpenDeckAsync(Couple couple, Person a, Person b, Deck deck, Question question,
        CancellationToken ct, Person? initiator = null) =>
        OpenAsync(couple, a, b, RoundKind.Deck, deck.Id, [new RoundQuestion(1, question.Id, question.Text)],
            (me, partner) => Copy.DeckQuestionOpened(me.DisplayName, partner.DisplayName, deck.Name),
            Copy.HomeQuestionDrawn(a.DisplayName, b.DisplayName, deck.Name), ct, initiator);

    /// <summary>Opens a one-question round from the couple's bowl; each partner hears whose question it was.</summary>
    public Task<Round> OpenBowlAsync(Couple couple, Person a, Person b, BowlQuestion question, CancellationToken ct,
        Person? initiator = null) =>
        OpenAsync(couple, a, b, RoundKind.Bowl, null,
            [new RoundQuestion(1, BowlQuestionId(question.Id), question.Text, question.AddedById)],
            (me, partner) => Copy.BowlQuestionOpened(me.DisplayName, partner.DisplayName, me.Id == question.AddedById),
            Copy.HomeBowlQuestionDrawn(a.DisplayName, b.DisplayName), ct, initiator);

    /// <summary>How a bowl question is named among a round's questions, e.g. "bowl:42".</summary>
    public static string BowlQuestionId(long bowlQuestionId) =>
        string.Create(CultureInfo.InvariantCulture, $"bowl:{bowlQuestionId}");

    /// <summary>Opens the come-back round after a cool-down: what I felt, what I needed, one request.</summary>
    public Task<Round> OpenCooldownAsync(Couple couple, Person a, Person b, CancellationToken ct) =>
        OpenAsync(couple, a, b, RoundKind.Cooldown, null,
            [.. Copy.CooldownQuestions.Select((text, i) => new RoundQuestion(i + 1, null, text))],
            (me, partner) => Copy.CooldownRoundOpened(me.DisplayName, partner.DisplayName),
            Copy.HomeCooldownRoundStarted(a.DisplayName, b.DisplayName), ct);

    /// <summary>Opens a one-line memory round for a "first time" the couple tried.</summary>
    public Task<Round> OpenMemoryAsync(Couple couple, Person a, Person b, string question, CancellationToken ct) =>
        OpenAsync(couple, a, b, RoundKind.Memory, null, [new RoundQuestion(1, null, question)],
            (me, partner) => Copy.MemoryRoundOpened(me.DisplayName, partner.DisplayName),
            Copy.HomeMemoryRoundStarted(a.DisplayName, b.DisplayName), ct);

    /// <summary>The longest answer kept for this round: a memory is one line, the rest as configured.</summary>
    public int MaxAnswerLengthFor(Round round) => round.Kind == RoundKind.Memory
        ? Math.Min(FirstTimeService.MemoryMaxLength, options.MaxAnswerLength)
        : options.MaxAnswerLength;

    /// <summary>Closes an open round without a reveal so another can take its place; each partner is told.</summary>
    public async Task<bool> SetAsideAsync(Round round, Couple couple, CancellationToken ct)
    {
        if (!await CloseAsync(round.Id, RoundState.Cancelled, ct).ConfigureAwait(false))
        {
            return false;
        }

        var (a, b) = await PartnersAsync(couple, ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(a, couple, Copy.RoundSetAside(a.DisplayName), ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(b, couple, Copy.RoundSetAside(b.DisplayName), ct).ConfigureAwait(false);
        return true;
    }

    private async Task<Round> OpenAsync(Couple couple, Person a, Person b, RoundKind kind, string? deckId,
        List<RoundQuestion> questions, Func<Person, Person, string> introFor, string homeAnnouncement,
        CancellationToken ct, Person? initiator = null)
    {
        var now = time.GetUtcNow();
        var round = await rounds.AddAsync(
            new Round(0, couple.Id, kind, deckId, RoundState.Open, now, now + options.RemindAfter,
                now + options.ExpireAfter, null, null, questions, []),
            ct).ConfigureAwait(false);

        DateTimeOffset? partnerLandsAt = null;
        foreach (var (me, partner) in new[] { (a, b), (b, a) })
        {
            var intro = introFor(me, partner);
            var holdFor = me.Id == initiator?.Id ? null : new QuietHold(couple, now);
            var landsAt = kind == RoundKind.Weekly
                ? await AskPulseAsync(me, round, PulseEntry.Scales[0], $"{intro}\n\n{Copy.PulseIntro(me.DisplayName)}", ct,
                    holdFor).ConfigureAwait(false)
                : await AskAsync(me, round, questions[0], intro, ct, holdFor: holdFor).ConfigureAwait(false);
            if (holdFor is not null)
            {
                partnerLandsAt = landsAt;
            }
        }

        if (initiator is not null && partnerLandsAt > now)
        {
            // Whoever asked should know why their partner is quiet: it is night where they are.
            var partner = initiator.Id == a.Id ? b : a;
            var zone = partner.ZoneIn(couple);
            await messenger.ToPersonAsync(initiator, Copy.PartnerQuestionWaits(initiator.DisplayName, partner.DisplayName,
                PersonalTime.ClockText(now, zone), PersonalTime.ClockText(partnerLandsAt.Value, zone)), ct).ConfigureAwait(false);
        }

        if (couple.Home is not null)
        {
            await messenger.ToCoupleAsync(couple, a, b, homeAnnouncement, ct).ConfigureAwait(false);
        }

        return round;
    }

    /// <summary>
    /// Records an answer (or a pass when <paramref name="text"/> is null) to the person's current question; while
    /// the weekly pulse is still waiting for them, a pass skips the current scale and words wait for the taps.
    /// </summary>
    public async Task AnswerAsync(Conversation c, Couple couple, Round round, string? text, CancellationToken ct,
        InboundMedia? file = null)
    {
        var me = c.Me;
        var partner = c.Partner!;
        if (await NextPulseScaleAsync(round, me.Id, ct).ConfigureAwait(false) is { } scale)
        {
            if (text is null)
            {
                await RecordPulseAsync(me, round, scale, null, ct).ConfigureAwait(false);
                return;
            }

            await messenger.DropHeldQuestionsAsync(me, ct).ConfigureAwait(false);
            await AskPulseAsync(me, round, scale, Copy.PulseFirst(me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        var question = round.NextQuestionFor(me.Id);
        if (question is null)
        {
            await messenger.ToPersonAsync(me, Copy.AlreadyDone(me.DisplayName, partner.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        if (c.Message is TextReceived { ForQuestion: { } meant } form && meant != new QuestionRef(round.Id, question.Position))
        {
            // A form opened under an earlier question (answered since, or from another round): not this answer.
            await messenger.ReplyAsync(c, Copy.AnswerFormOutdated(me.DisplayName, question.Position, form.Text), ct,
                wordsOf: [me.Id]).ConfigureAwait(false);
            return;
        }

        long? mediaId = null;
        if (file is not null)
        {
            // Kept only now that it is sure to be this question's answer; the caption becomes its words.
            if (await media.KeepAsync(c, couple, file, ct).ConfigureAwait(false) is not { } kept)
            {
                return;
            }

            mediaId = kept.Id;
            text = Copy.MediaLine(kept.Kind, text);
        }

        var answer = new Answer(round.Id, question.Position, me.Id, text, time.GetUtcNow())
        {
            SourceMessageId = file is null ? (c.Message as TextReceived)?.MessageId : null,
            MediaId = mediaId,
        };
        if (!await rounds.AddAnswerAsync(answer, ct).ConfigureAwait(false))
        {
            return;
        }

        // They are awake and answering: a question still held for their quiet hours would only repeat itself.
        await messenger.DropHeldQuestionsAsync(me, ct).ConfigureAwait(false);
        var updated = round with { Answers = [.. round.Answers, answer] };
        var next = updated.NextQuestionFor(me.Id);
        if (next is not null)
        {
            var lead = text is null ? Copy.AnswerNoted(me.DisplayName) : Copy.AnswerNotedWithChoices(me.DisplayName);
            await AskAsync(me, updated, next, lead, ct, text is null ? [] : [AnswerChoiceService.ChoicesFor(answer)])
                .ConfigureAwait(false);
        }
        else if (updated.IsCompleteFor(partner.Id))
        {
            await RevealAsync(couple, updated, me, ct).ConfigureAwait(false);
        }
        else
        {
            var mine = new Choice(Copy.MyAnswersLabel, AnswerChoiceService.MyAnswersPayload(round.Id));
            IReadOnlyList<IReadOnlyList<Choice>> choices = text is null
                ? [[mine]]
                : [AnswerChoiceService.ChoicesFor(answer), [mine]];
            await messenger.ToPersonAsync(me, Copy.SealedWaitingWithChoices(me.DisplayName, partner.DisplayName), ct,
                choices).ConfigureAwait(false);
        }
    }

    /// <summary>A tap on a pulse scale: counts only if that scale of that round is still the person's current one.</summary>
    public async Task PulseFromButtonAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        if (round is null || !TryParsePulse(fields, out var roundId, out var scale, out var value) || round.Id != roundId
            || await NextPulseScaleAsync(round, c.Me.Id, ct).ConfigureAwait(false) != scale)
        {
            await messenger.ToPersonAsync(c.Me, Copy.QuestionGone(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await RecordPulseAsync(c.Me, round, scale, value, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The scale the person should tap next: weekly rounds only, and only before their first answer (a round that
    /// was already under way when the pulse arrived is left as it is).
    /// </summary>
    public async Task<PulseScale?> NextPulseScaleAsync(Round round, long personId, CancellationToken ct)
    {
        if (round.Kind != RoundKind.Weekly || round.AnsweredCountFor(personId) > 0)
        {
            return null;
        }

        var given = (await pulses.GetForRoundAsync(round.Id, ct).ConfigureAwait(false))
            .Where(e => e.PersonId == personId).Select(e => e.Scale).ToHashSet();
        return PulseEntry.Scales.Where(s => !given.Contains(s)).Select(s => (PulseScale?)s).FirstOrDefault();
    }

    /// <summary>A "Skip" button press: passes only if that question is still the person's current one.</summary>
    public async Task SkipFromButtonAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        if (round is null || !TryParseSkip(fields, out var roundId, out var position) || round.Id != roundId
            || round.NextQuestionFor(c.Me.Id)?.Position != position)
        {
            await messenger.ToPersonAsync(c.Me, Copy.QuestionGone(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await AnswerAsync(c, couple, round, null, ct).ConfigureAwait(false);
    }

    /// <summary>Sends the person their current question again, privately (after a lost or blocked message).</summary>
    public async Task AskAgainAsync(Person person, Round round, CancellationToken ct)
    {
        await messenger.DropHeldQuestionsAsync(person, ct).ConfigureAwait(false);
        await AskCurrentAsync(person, round, Copy.YourQuestion(person.DisplayName), ct).ConfigureAwait(false);
    }

    /// <summary>Sends one gentle nudge to each partner who has not finished, outside their quiet hours; once per round.</summary>
    public async Task<bool> RemindAsync(Round round, Couple couple, CancellationToken ct)
    {
        if (!await rounds.MarkRemindedAsync(round.Id, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            return false;
        }

        var (a, b) = await PartnersAsync(couple, ct).ConfigureAwait(false);
        var hold = new QuietHold(couple, time.GetUtcNow());
        foreach (var (me, partner) in new[] { (a, b), (b, a) })
        {
            await AskCurrentAsync(me, round, Copy.Reminder(me.DisplayName, partner.DisplayName), ct, hold)
                .ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Closes a stale round without revealing anything; each partner is told privately.</summary>
    public async Task<bool> ExpireAsync(Round round, Couple couple, CancellationToken ct)
    {
        if (!await CloseAsync(round.Id, RoundState.Expired, ct).ConfigureAwait(false))
        {
            return false;
        }

        var (a, b) = await PartnersAsync(couple, ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(a, couple, Copy.Expired(a.DisplayName), ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(b, couple, Copy.Expired(b.DisplayName), ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Cancels the couple's open round, if any, without a word (used when they unpair).</summary>
    public async Task CancelOpenAsync(long coupleId, CancellationToken ct)
    {
        if (await rounds.GetOpenAsync(coupleId, ct).ConfigureAwait(false) is { } open)
        {
            await CloseAsync(open.Id, RoundState.Cancelled, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Every way a round ends comes through here: what it still has waiting in the outbox goes with it.</summary>
    private async Task<bool> CloseAsync(long roundId, RoundState state, CancellationToken ct)
    {
        if (!await rounds.CloseAsync(roundId, state, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            return false;
        }

        await messenger.WithdrawStepsOfAsync(roundId, ct).ConfigureAwait(false);
        return true;
    }

    public async Task<(Person A, Person B)> PartnersAsync(Couple couple, CancellationToken ct)
    {
        var a = await persons.GetAsync(couple.PartnerAId, ct).ConfigureAwait(false);
        var b = await persons.GetAsync(couple.PartnerBId, ct).ConfigureAwait(false);
        return (a ?? throw new InvalidOperationException($"Partner {couple.PartnerAId} is missing."),
            b ?? throw new InvalidOperationException($"Partner {couple.PartnerBId} is missing."));
    }

    private async Task RevealAsync(Couple couple, Round round, Person finisher, CancellationToken ct)
    {
        await CloseAsync(round.Id, RoundState.Revealed, ct).ConfigureAwait(false);
        var (a, b) = await PartnersAsync(couple, ct).ConfigureAwait(false);
        var pulse = round.Kind == RoundKind.Weekly
            ? await pulses.GetForRoundAsync(round.Id, ct).ConfigureAwait(false)
            : [];
        var now = time.GetUtcNow();
        var reveal = Copy.Reveal(round, a, b, now, couple.TimeZone, pulse);
        var letter = Copy.RevealLetter(round, a, b, now, couple.TimeZone, pulse);
        await messenger.ToCoupleAsync(couple, a, b, reveal, ct, wordsOf: [a.Id, b.Id], letter: letter).ConfigureAwait(false);
        await RevealMediaAsync(couple, round, a, b, ct).ConfigureAwait(false);
        if (couple.Home is not null)
        {
            // The partner who just finished hears back privately too, not only through the group.
            await messenger.ToPersonAsync(finisher, Copy.RevealedInHome(finisher.DisplayName), ct).ConfigureAwait(false);
        }

        if (round.Kind == RoundKind.Weekly)
        {
            await support.AfterWeeklyRevealAsync(couple, a, b, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After the reveal's words, the voice notes, photos and videos among the shared answers, each as what it is,
    /// in question order.
    /// </summary>
    public async Task RevealMediaAsync(Couple couple, Round round, Person a, Person b, CancellationToken ct,
        Func<Answer, bool>? only = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        var now = time.GetUtcNow();
        foreach (var answer in round.Answers.Where(x => x.MediaId is not null && (only?.Invoke(x) ?? true))
                     .OrderBy(x => x.Position).ThenBy(x => x.PersonId == a.Id ? 0 : 1))
        {
            if ((only is null && AnswerView.Of(answer, null, now) is not AnswerView.Shared)
                || await media.AttachmentAsync(answer.MediaId, ct).ConfigureAwait(false) is not { } file)
            {
                continue;
            }

            var author = answer.PersonId == a.Id ? a : b;
            await messenger.ToCoupleAsync(couple, a, b, Copy.MediaRevealCaption(author.DisplayName, answer.Position,
                round.Questions.Count), ct, wordsOf: [author.Id], attachment: file).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Per theme, a variant the couple has not had yet; a theme whose variants are used up starts over on its own.
    /// A theme without variants keeps our default wording.
    /// </summary>
    private async Task<List<RoundQuestion>> ChooseWordingAsync(
        long coupleId, Deck weekly, IQuestionLedger ledger, CancellationToken ct)
    {
        var drawn = (await ledger.GetDrawnAsync(coupleId, weekly.Id, ct).ConfigureAwait(false)).ToHashSet();
        var questions = new List<RoundQuestion>();
        foreach (var (theme, fallback) in RitualTheme.InOrder.Zip(Copy.DefaultRitualQuestions))
        {
            var position = questions.Count + 1;
            var variants = weekly.Questions.Where(q => q.Theme == theme).ToList();
            if (variants.Count == 0)
            {
                questions.Add(new RoundQuestion(position, null, fallback));
                continue;
            }

            var left = variants.Where(q => !drawn.Contains(q.Id)).ToList();
            if (left.Count == 0)
            {
                // The ledger forgets a whole deck at once, so the other draws from it are written back.
                drawn.ExceptWith(variants.Select(q => q.Id));
                await ledger.ResetAsync(coupleId, weekly.Id, ct).ConfigureAwait(false);
                foreach (var id in drawn)
                {
                    await ledger.AddAsync(coupleId, weekly.Id, id, time.GetUtcNow(), ct).ConfigureAwait(false);
                }

                left = variants;
            }

            var variant = left[random.Next(left.Count)];
            await ledger.AddAsync(coupleId, weekly.Id, variant.Id, time.GetUtcNow(), ct).ConfigureAwait(false);
            drawn.Add(variant.Id);
            questions.Add(new RoundQuestion(position, variant.Id, variant.Text));
        }

        return questions;
    }

    /// <summary>
    /// The person's current step: a pulse scale, else their next question; nothing once they are done. With
    /// <paramref name="holdFor"/> it waits out the person's quiet hours.
    /// </summary>
    private async Task AskCurrentAsync(Person person, Round round, string lead, CancellationToken ct, QuietHold? holdFor = null)
    {
        if (await NextPulseScaleAsync(round, person.Id, ct).ConfigureAwait(false) is { } scale)
        {
            await AskPulseAsync(person, round, scale, lead, ct, holdFor).ConfigureAwait(false);
        }
        else if (round.NextQuestionFor(person.Id) is { } question)
        {
            await AskAsync(person, round, question, lead, ct, holdFor: holdFor).ConfigureAwait(false);
        }
    }

    private async Task RecordPulseAsync(Person me, Round round, PulseScale scale, int? value, CancellationToken ct)
    {
        if (!await pulses.AddAsync(new PulseEntry(round.Id, me.Id, scale, value, time.GetUtcNow()), ct)
            .ConfigureAwait(false))
        {
            return;
        }

        // They are awake and tapping: a step still held for their quiet hours would only repeat itself.
        await messenger.DropHeldQuestionsAsync(me, ct).ConfigureAwait(false);
        if (await NextPulseScaleAsync(round, me.Id, ct).ConfigureAwait(false) is { } next)
        {
            await AskPulseAsync(me, round, next, Copy.PulseNoted(me.DisplayName), ct).ConfigureAwait(false);
        }
        else if (round.NextQuestionFor(me.Id) is { } question)
        {
            await AskAsync(me, round, question, Copy.PulseDone(me.DisplayName), ct).ConfigureAwait(false);
        }
    }

    private Task<DateTimeOffset?> AskPulseAsync(Person person, Round round, PulseScale scale, string lead,
        CancellationToken ct, QuietHold? holdFor = null)
    {
        string Payload(int value) =>
            ButtonCatalog.Pulse.Encode(round.Id, (int)scale, value);
        IReadOnlyList<IReadOnlyList<Choice>> choices =
        [
            [.. Enumerable.Range(PulseEntry.Min, PulseEntry.Max).Select(v =>
                new Choice(v.ToString(CultureInfo.InvariantCulture), Payload(v)))],
            [new Choice(Copy.PulseSkipLabel, Payload(0))],
        ];
        return SendStepAsync(person, round, holdFor, $"{lead}\n\n{Copy.PulseQuestion(scale)}", choices, [], asks: null, ct);
    }

    private Task<DateTimeOffset?> AskAsync(Person person, Round round, RoundQuestion question, string lead,
        CancellationToken ct, IReadOnlyList<IReadOnlyList<Choice>>? more = null, QuietHold? holdFor = null)
    {
        var (text, choices) = QuestionMessage(round, question, lead, more);
        return SendStepAsync(person, round, holdFor, text, choices, Messenger.WordsOf(question.AuthorId),
            new QuestionRef(round.Id, question.Position), ct);
    }

    /// <summary>
    /// Sends one step of a round now (returns null), or, with <paramref name="holdFor"/>, once the person's quiet hours
    /// end (returns when it lands). Either way it is the round's, so whatever ends the round withdraws it.
    /// </summary>
    private async Task<DateTimeOffset?> SendStepAsync(Person person, Round round, QuietHold? holdFor, string text,
        IReadOnlyList<IReadOnlyList<Choice>> choices, IReadOnlyList<long> wordsOf, QuestionRef? asks, CancellationToken ct)
    {
        if (holdFor is not null)
        {
            return await messenger.ToPersonWhenAwakeAsync(person, holdFor.Couple, holdFor.Now, text, ct, choices, wordsOf,
                asks: asks, stepOfRound: round.Id).ConfigureAwait(false);
        }

        await messenger.ToPersonAsync(person, text, ct, choices, wordsOf, asks: asks, stepOfRound: round.Id)
            .ConfigureAwait(false);
        return null;
    }

    /// <summary>Hold a step for the person's quiet hours as they are at <paramref name="Now"/> (the use case's one reading).</summary>
    private sealed record QuietHold(Couple Couple, DateTimeOffset Now);

    private static (string Text, IReadOnlyList<IReadOnlyList<Choice>> Choices) QuestionMessage(
        Round round, RoundQuestion question, string lead, IReadOnlyList<IReadOnlyList<Choice>>? more)
    {
        var text = $"{lead}\n\n{Copy.Question(question.Position, round.Questions.Count, question.Text)}";
        var skip = new Choice(Copy.SkipLabel, ButtonCatalog.Skip.Encode(round.Id, question.Position));
        return (text, [[skip], .. more ?? []]);
    }

    /// <summary>"pulse:ROUND:SCALE:VALUE", VALUE 0 for a skip.</summary>
    private static bool TryParsePulse(IReadOnlyList<string> parts, out long roundId, out PulseScale scale, out int? value)
    {
        roundId = 0;
        scale = default;
        value = null;
        if (parts.Count != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out roundId)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var scaleNumber)
            || !Enum.IsDefined((PulseScale)scaleNumber)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is not 0 and (< PulseEntry.Min or > PulseEntry.Max))
        {
            return false;
        }

        scale = (PulseScale)scaleNumber;
        value = number == 0 ? null : number;
        return true;
    }

    private static bool TryParseSkip(IReadOnlyList<string> parts, out long roundId, out int position)
    {
        roundId = 0;
        position = 0;
        return parts.Count == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out roundId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }
}
