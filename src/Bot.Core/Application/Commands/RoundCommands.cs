using Bot.Core.Domain;

namespace Bot.Core.Application.Commands;

/// <summary>/checkin: start a check-in now, or see where the open one stands.</summary>
public sealed class CheckInCommand(RoundService rounds, Messenger messenger, TimeProvider time) : CoupleCommand
{
    protected override async Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct)
    {
        var partner = c.Partner!;
        if (await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false) is { } open)
        {
            await messenger.ReplyAsync(c, Copy.RoundStanding(c.Me.DisplayName, partner.DisplayName, open, c.Me.Id, partner.Id), ct)
                .ConfigureAwait(false);
            await rounds.AskAgainAsync(c.Me, open, ct).ConfigureAwait(false);
            return;
        }

        if (await CooldownService.HoldsPlayAsync(messenger, c, couple, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            return;
        }

        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        await rounds.OpenWeeklyAsync(couple, a, b, ct, c.Me).ConfigureAwait(false);
        if (!c.IsPrivate && !c.IsInHome)
        {
            await messenger.ReplyAsync(c, Copy.CheckInStartedHere(c.Me.DisplayName), ct).ConfigureAwait(false);
        }
    }
}

/// <summary>/skip: pass on the current question.</summary>
public sealed class SkipCommand(RoundService rounds, Messenger messenger) : CoupleCommand
{
    protected override async Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct)
    {
        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        if (round?.NextQuestionFor(c.Me.Id) is null)
        {
            await messenger.ReplyAsync(c, Copy.NothingToSkip(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await rounds.AnswerAsync(c, couple, round, null, ct).ConfigureAwait(false);
    }
}

/// <summary>/answers: your answers in the open round, to change, keep private or hold.</summary>
public sealed class AnswersCommand(AnswerChoiceService answerChoices) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        answerChoices.ListAsync(c, couple, ct);
}

/// <summary>/question [deck]: a deck question for both, answered blind.</summary>
public sealed class QuestionCommand(DeckService decks) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        decks.QuestionAsync(c, couple, arguments.Choice("deck"), ct);
}

/// <summary>/decks: the decks and how many questions are left in each.</summary>
public sealed class DecksCommand(DeckService decks) : ICommandHandler
{
    public Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return decks.ListAsync(c, c.Couple, ct);
    }
}

/// <summary>/draw [deck]: a question from the couple's bowl, or from a deck.</summary>
public sealed class DrawCommand(BowlService bowl) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        bowl.DrawAsync(c, couple, arguments.Choice("deck"), ct);
}
