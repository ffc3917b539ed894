using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using NodaTime;
using NodaTime.Text;

namespace Bot.Core.Application;

/// <summary>
/// Answers the author controls until the reveal: /answers, rewriting, keeping one private or holding it until a
/// date. "Change" and "Hold" wait for the person's next text, stored as a <see cref="PendingInput"/>.
/// </summary>
public sealed partial class AnswerChoiceService(
    IRoundRepository rounds,
    IPendingInputRepository pending,
    Messenger messenger,
    CheckInOptions options,
    TimeProvider time)
{
    /// <summary>How far ahead an answer may be held.</summary>
    public const int MaxHoldDays = 366;

    /// <summary>A held answer opens at this hour of its day, on the couple's clock.</summary>
    public static readonly LocalTime HoldOpensAt = new(9, 0);

    private const string Share = "s";
    private const string Private = "p";
    private const string Hold = "h";
    private const string Rewrite = "w";
    private const string List = "l";
    private const string Cancel = "x";

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");

    /// <summary>The buttons under a fresh answer: keep it private, or hold it (shared is the default).</summary>
    public static IReadOnlyList<Choice> ChoicesFor(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return
        [
            new Choice(Copy.KeepPrivateLabel(answer.Position), Payload(Private, answer.RoundId, answer.Position)),
            new Choice(Copy.HoldLabel(answer.Position), Payload(Hold, answer.RoundId, answer.Position)),
        ];
    }

    public static string MyAnswersPayload(long roundId) => Payload(List, roundId, 0);

    /// <summary>/answers: the person's answers of the open round, each with its buttons.</summary>
    public async Task ListAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        if (round is null)
        {
            await messenger.ReplyAsync(c, Copy.AnswersNothingOpen(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await ListAsync(c, couple, round, ct).ConfigureAwait(false);
    }

    /// <summary>A tap on one of the answer buttons; refused kindly once the round is no longer open.</summary>
    public async Task ChooseAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var me = c.Me;
        var name = me.DisplayName;
        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        if (!TryParse(fields, out var verb, out var roundId, out var position) || round is null || round.Id != roundId)
        {
            await messenger.ReplyAsync(c, await WhyClosedAsync(name, couple, roundId, ct).ConfigureAwait(false), ct)
                .ConfigureAwait(false);
            return;
        }

        if (verb == List)
        {
            await ListAsync(c, couple, round, ct).ConfigureAwait(false);
            return;
        }

        if (verb == Cancel)
        {
            await pending.ClearAsync(me.Id, ct).ConfigureAwait(false);
            await messenger.ReplyAsync(c, Copy.PendingCancelled(name), ct).ConfigureAwait(false);
            return;
        }

        var answer = round.AnswerOf(me.Id, position);
        var question = round.Questions.FirstOrDefault(q => q.Position == position);
        if (answer is null || question is null)
        {
            await messenger.ReplyAsync(c, Copy.QuestionGone(name), ct).ConfigureAwait(false);
            return;
        }

        if (verb == Rewrite)
        {
            await AskForAsync(c, answer, question, PendingInputKind.Rewrite,
                Copy.AskRewrite(name, position, question.Text, answer.Text), ct).ConfigureAwait(false);
            return;
        }

        if (answer.IsSkipped)
        {
            await messenger.ReplyAsync(c, Copy.AnswerPassedNothingToKeep(name, position), ct).ConfigureAwait(false);
            return;
        }

        var partner = c.Partner!.DisplayName;
        switch (verb)
        {
            case Hold:
                await AskForAsync(c, answer, question, PendingInputKind.HoldDate, Copy.AskHoldDate(name, position), ct)
                    .ConfigureAwait(false);
                return;
            case Share:
                await ChangeAsync(c, couple, answer with { Visibility = AnswerVisibility.Shared, HeldUntil = null },
                    Copy.AnswerShared(name, position, partner), ct).ConfigureAwait(false);
                return;
            case Private:
                await ChangeAsync(c, couple, answer with { Visibility = AnswerVisibility.Private, HeldUntil = null },
                    Copy.AnswerKeptPrivate(name, position, partner), ct).ConfigureAwait(false);
                return;
            default:
                await messenger.ReplyAsync(c, Copy.QuestionGone(name), ct).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>
    /// Takes the text as the input the person was asked for, if any; false when it is not meant for us (no pending
    /// input, its round has closed, or a date was asked for and this is plainly not one) so it is read as usual.
    /// </summary>
    public async Task<bool> TryTakeTextAsync(Conversation c, Couple couple, Round? round, string text,
        CancellationToken ct)
    {
        var me = c.Me;
        if (await pending.GetAsync(me.Id, ct).ConfigureAwait(false) is not { } input)
        {
            return false;
        }

        var answer = round?.Id == input.RoundId ? round.AnswerOf(me.Id, input.Position) : null;
        // Plainly no date while a question is waiting: that is the answer to it, and the hold is let go.
        var isNextAnswer = answer is not null && input.Kind == PendingInputKind.HoldDate && !LooksLikeDate().IsMatch(text)
            && round!.NextQuestionFor(me.Id) is not null;
        if (answer is null || isNextAnswer)
        {
            await pending.ClearAsync(me.Id, ct).ConfigureAwait(false);
            return false;
        }

        return input.Kind == PendingInputKind.Rewrite
            ? await RewriteAsync(c, couple, answer, text, ct).ConfigureAwait(false)
            : await HoldUntilAsync(c, couple, answer, text, ct).ConfigureAwait(false);
    }

    /// <summary>Drops whatever input the person was asked for: they moved on (a command or another button).</summary>
    public Task LetGoAsync(long personId, CancellationToken ct) => pending.ClearAsync(personId, ct);

    /// <summary>
    /// The person edited the message that gave an answer in the couple's open round: the answer now reads as edited.
    /// False when the message gave no answer there (then the edit changes nothing).
    /// </summary>
    public async Task<bool> TryTakeEditAsync(Conversation c, Couple couple, string messageId, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(couple);
        var trimmed = text.Trim();
        if (trimmed.Length == 0
            || await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false) is not { } round
            || round.Answers.FirstOrDefault(a => a.PersonId == c.Me.Id && a.Text is not null && a.SourceMessageId == messageId)
                is not { } answer)
        {
            return false;
        }

        return await RewriteAsync(c, couple, answer, trimmed, ct).ConfigureAwait(false);
    }

    private async Task<bool> RewriteAsync(Conversation c, Couple couple, Answer answer, string text, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (text.Length > options.MaxAnswerLength)
        {
            await messenger.ReplyAsync(c, Copy.AnswerTooLong(name, text.Length, options.MaxAnswerLength), ct)
                .ConfigureAwait(false);
            return true;
        }

        // The words now come from the message just sent (or edited), so editing that one changes them again.
        var source = c.Message switch
        {
            TextReceived typed => typed.MessageId,
            MessageEdited edited => edited.MessageId,
            _ => answer.SourceMessageId,
        };
        await ChangeAsync(c, couple, answer with { Text = text, SourceMessageId = source, MediaId = null }, Copy.AnswerRewritten(name, answer.Position), ct)
            .ConfigureAwait(false);
        return true;
    }

    private async Task<bool> HoldUntilAsync(Conversation c, Couple couple, Answer answer, string text,
        CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var outcome = HoldDate(text, couple.TimeZone, time.GetUtcNow());
        if (outcome is HoldOutcome.Until until)
        {
            var day = TimeZones.FormatLocalDate(until.At, couple.TimeZone);
            await ChangeAsync(c, couple, answer with { Visibility = AnswerVisibility.Held, HeldUntil = until.At },
                Copy.AnswerHeld(name, answer.Position, c.Partner!.DisplayName, day), ct).ConfigureAwait(false);
            return true;
        }

        // The person stays asked for a date: a typo deserves a second try.
        await messenger.ReplyAsync(c, outcome switch
        {
            HoldOutcome.NotInFuture => Copy.HoldNotInFuture(name),
            HoldOutcome.TooFar => Copy.HoldTooFar(name),
            _ => Copy.HoldBadDate(name, text.Length > 20 ? text[..20] + "…" : text),
        }, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Reads "YYYY-MM-DD" as the day a held answer opens (at <see cref="HoldOpensAt"/> on the couple's clock):
    /// tomorrow at the earliest, at most <see cref="MaxHoldDays"/> days ahead.
    /// </summary>
    public static HoldOutcome HoldDate(string typed, string timeZone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var parsed = DatePattern.Parse(typed.Trim());
        if (!parsed.Success)
        {
            return new HoldOutcome.Unreadable();
        }

        var zone = TimeZones.Get(timeZone);
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        var date = parsed.Value;
        return date <= today
            ? new HoldOutcome.NotInFuture()
            : date > today.PlusDays(MaxHoldDays)
                ? new HoldOutcome.TooFar()
                : new HoldOutcome.Until(date.At(HoldOpensAt).InZoneLeniently(zone).ToDateTimeOffset());
    }

    private async Task ListAsync(Conversation c, Couple couple, Round round, CancellationToken ct)
    {
        var me = c.Me;
        var mine = round.Answers.Where(a => a.PersonId == me.Id).OrderBy(a => a.Position).ToList();
        if (mine.Count == 0)
        {
            await messenger.ReplyAsync(c, Copy.AnswersNoneYet(me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<IReadOnlyList<Choice>> choices =
        [
            .. mine.Select(a => (IReadOnlyList<Choice>)(a.IsSkipped
                ? [new Choice(Copy.RewriteLabel(a.Position), Payload(Rewrite, round.Id, a.Position))]
                :
                [
                    new Choice(Copy.RewriteLabel(a.Position), Payload(Rewrite, round.Id, a.Position)),
                    a.Visibility == AnswerVisibility.Shared
                        ? new Choice(Copy.KeepPrivateLabel(a.Position), Payload(Private, round.Id, a.Position))
                        : new Choice(Copy.ShareLabel(a.Position), Payload(Share, round.Id, a.Position)),
                    new Choice(Copy.HoldLabel(a.Position), Payload(Hold, round.Id, a.Position)),
                ])),
        ];
        await messenger.ReplyAsync(c, Copy.MyAnswers(me.DisplayName, c.Partner!.DisplayName, round, me.Id,
            couple.TimeZone, time.GetUtcNow()), ct, choices, wordsOf: [me.Id, .. round.QuestionAuthors])
            .ConfigureAwait(false);
    }

    private async Task AskForAsync(Conversation c, Answer answer, RoundQuestion question, PendingInputKind kind,
        string prompt, CancellationToken ct)
    {
        await pending.SetAsync(
            new PendingInput(c.Me.Id, answer.RoundId, answer.Position, kind, time.GetUtcNow()), ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, prompt, ct, Messenger.Row(
                new Choice(Copy.NeverMindLabel, Payload(Cancel, answer.RoundId, answer.Position))),
            wordsOf: Messenger.WordsOf(c.Me.Id, question.AuthorId), invitesAnswer: true).ConfigureAwait(false);
    }

    private async Task ChangeAsync(Conversation c, Couple couple, Answer changed, string done, CancellationToken ct)
    {
        await pending.ClearAsync(c.Me.Id, ct).ConfigureAwait(false);
        var reply = await rounds.UpdateAnswerAsync(changed, ct).ConfigureAwait(false)
            ? done
            : await WhyClosedAsync(c.Me.DisplayName, couple, changed.RoundId, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, reply, ct).ConfigureAwait(false);
    }

    private async Task<string> WhyClosedAsync(string name, Couple couple, long roundId, CancellationToken ct) =>
        await rounds.GetAsync(roundId, ct).ConfigureAwait(false) is { State: RoundState.Revealed } revealed
        && revealed.CoupleId == couple.Id
            ? Copy.AnswerAlreadyRevealed(name)
            : Copy.QuestionGone(name);

    private static string Payload(string verb, long roundId, int position) =>
        ButtonCatalog.Answer.Encode(verb, roundId, position);

    private static bool TryParse(IReadOnlyList<string> parts, out string verb, out long roundId, out int position)
    {
        roundId = 0;
        position = 0;
        verb = parts.Count > 0 ? parts[0] : "";
        return parts.Count == 3
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out roundId)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }

    // Digits with a separator, e.g. "2026-12-24", "24.12.2026" or "2026/12": meant as a date, even if unreadable.
    [GeneratedRegex(@"^\s*\d{1,4}\s*[-./]\s*\d{1,2}(\s*[-./]\s*\d{1,4})?\s*$")]
    private static partial Regex LooksLikeDate();
}

/// <summary>What a typed hold date came to.</summary>
public abstract record HoldOutcome
{
    public sealed record Until(DateTimeOffset At) : HoldOutcome;

    public sealed record Unreadable : HoldOutcome;

    public sealed record NotInFuture : HoldOutcome;

    public sealed record TooFar : HoldOutcome;
}
