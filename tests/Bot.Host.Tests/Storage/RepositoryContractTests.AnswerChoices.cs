using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    private async Task<(Couple Couple, Round Round)> AnsweredRoundAsync()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        foreach (var person in new[] { couple.PartnerAId, couple.PartnerBId })
        {
            await Rounds.AddAnswerAsync(new Answer(round.Id, 1, person, $"one by {person}", Now), CancellationToken.None);
            await Rounds.AddAnswerAsync(new Answer(round.Id, 2, person, $"two by {person}", Now), CancellationToken.None);
        }

        return (couple, round);
    }

    private async Task<Answer> AnswerAsync(Round round, long personId, int position) =>
        (await Rounds.GetAsync(round.Id, CancellationToken.None))!.AnswerOf(personId, position)!;

    [Fact]
    public async Task AddAnswer_IsSharedByDefault()
    {
        var (couple, round) = await AnsweredRoundAsync();

        var answer = await AnswerAsync(round, couple.PartnerAId, 1);

        Assert.Equal((AnswerVisibility.Shared, (DateTimeOffset?)null), (answer.Visibility, answer.HeldUntil));
    }

    [Fact]
    public async Task Answer_KeepsTheMessageItCameFrom_AndAnUpdateCanMoveItToAnother()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.AddAnswerAsync(
            new Answer(round.Id, 1, couple.PartnerAId, "typed", Now) { SourceMessageId = "tg-41" }, CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(round.Id, 1, couple.PartnerBId, "from a form", Now), CancellationToken.None);

        var typed = await AnswerAsync(round, couple.PartnerAId, 1);
        await Rounds.UpdateAnswerAsync(typed with { Text = "retyped", SourceMessageId = "tg-42" }, CancellationToken.None);

        Assert.Equal("tg-41", typed.SourceMessageId);
        Assert.Null((await AnswerAsync(round, couple.PartnerBId, 1)).SourceMessageId);
        Assert.Equal(("retyped", "tg-42"), ((await AnswerAsync(round, couple.PartnerAId, 1)).Text, (await AnswerAsync(round, couple.PartnerAId, 1)).SourceMessageId));
    }

    [Fact]
    public async Task UpdateAnswer_WhileOpen_ChangesTextVisibilityAndHoldOfThatAnswerOnly()
    {
        var (couple, round) = await AnsweredRoundAsync();
        var until = Now.AddDays(30);
        var answer = await AnswerAsync(round, couple.PartnerAId, 2);

        var held = await Rounds.UpdateAnswerAsync(
            answer with { Text = "rewritten ✨", Visibility = AnswerVisibility.Held, HeldUntil = until },
            CancellationToken.None);

        Assert.True(held);
        var changed = await AnswerAsync(round, couple.PartnerAId, 2);
        Assert.Equal(("rewritten ✨", AnswerVisibility.Held, (DateTimeOffset?)until, Now),
            (changed.Text, changed.Visibility, changed.HeldUntil, changed.AnsweredAt));
        Assert.Equal("two by " + couple.PartnerBId, (await AnswerAsync(round, couple.PartnerBId, 2)).Text);
        Assert.Equal(AnswerVisibility.Shared, (await AnswerAsync(round, couple.PartnerAId, 1)).Visibility);
    }

    [Fact]
    public async Task UpdateAnswer_OnceTheRoundIsClosed_OrForAnAnswerNeverGiven_ChangesNothing()
    {
        var (couple, round) = await AnsweredRoundAsync();
        var answer = await AnswerAsync(round, couple.PartnerAId, 1);
        var missing = await Rounds.UpdateAnswerAsync(
            new Answer(round.Id, 1, couple.PartnerAId + 1000, "x", Now), CancellationToken.None);
        await Rounds.CloseAsync(round.Id, RoundState.Revealed, Now, CancellationToken.None);

        var closed = await Rounds.UpdateAnswerAsync(
            answer with { Visibility = AnswerVisibility.Private }, CancellationToken.None);

        Assert.Equal((false, false), (missing, closed));
        Assert.Equal(AnswerVisibility.Shared, (await AnswerAsync(round, couple.PartnerAId, 1)).Visibility);
    }

    [Fact]
    public async Task FindDueHeld_ReturnsRevealedRoundsWithAnAnswerHeldPastTheReveal_WhoseDayHasCome()
    {
        var (couple, due) = await AnsweredRoundAsync();
        var (_, notYet) = await AnsweredRoundAsync();
        var (_, heldShorterThanTheReveal) = await AnsweredRoundAsync();
        var (_, stillOpen) = await AnsweredRoundAsync();
        var (_, privateOnly) = await AnsweredRoundAsync();
        await HoldAsync(due, 2, Now.AddDays(2));
        await HoldAsync(notYet, 1, Now.AddDays(4));
        await HoldAsync(heldShorterThanTheReveal, 1, Now.AddHours(1));
        await HoldAsync(stillOpen, 1, Now.AddDays(1));
        var secret = await AnswerAsync(privateOnly, (await Couples.GetAsync(privateOnly.CoupleId, default))!.PartnerAId, 1);
        await Rounds.UpdateAnswerAsync(secret with { Visibility = AnswerVisibility.Private }, CancellationToken.None);
        foreach (var revealed in new[] { due, notYet, privateOnly })
        {
            await Rounds.CloseAsync(revealed.Id, RoundState.Revealed, Now, CancellationToken.None);
        }

        await Rounds.CloseAsync(heldShorterThanTheReveal.Id, RoundState.Revealed, Now.AddHours(2), CancellationToken.None);

        var found = await Rounds.FindDueHeldAsync(Now.AddDays(3), 10, CancellationToken.None);

        Assert.Equal(due.Id, Assert.Single(found));
        var round = (await Rounds.GetAsync(due.Id, CancellationToken.None))!;
        var held = round.AnswerOf(couple.PartnerAId, 2)!;
        Assert.Equal((AnswerVisibility.Held, (DateTimeOffset?)Now.AddDays(2)), (held.Visibility, held.HeldUntil));
        Assert.Empty(await Rounds.FindDueHeldAsync(Now.AddDays(3), 0, CancellationToken.None));
    }

    [Fact]
    public async Task MarkHeldDelivered_OnlyOnce_AndTheRoundIsNoLongerDue()
    {
        var (couple, round) = await AnsweredRoundAsync();
        await HoldAsync(round, 1, Now.AddDays(1));
        await Rounds.CloseAsync(round.Id, RoundState.Revealed, Now, CancellationToken.None);

        var notHeld = await Rounds.MarkHeldDeliveredAsync(round.Id, 2, couple.PartnerAId, Now, CancellationToken.None);
        var first = await Rounds.MarkHeldDeliveredAsync(round.Id, 1, couple.PartnerAId, Now, CancellationToken.None);
        var again = await Rounds.MarkHeldDeliveredAsync(round.Id, 1, couple.PartnerAId, Now, CancellationToken.None);

        Assert.Equal((false, true, false), (notHeld, first, again));
        Assert.Empty(await Rounds.FindDueHeldAsync(Now.AddDays(2), 10, CancellationToken.None));
    }

    [Fact]
    public async Task PendingInput_SetReplacesGetReadsClearRemoves()
    {
        var (couple, round) = await AnsweredRoundAsync();
        var rewrite = new PendingInput(couple.PartnerAId, round.Id, 1, PendingInputKind.Rewrite, Now);
        var hold = new PendingInput(couple.PartnerAId, round.Id, 2, PendingInputKind.HoldDate, Now.AddMinutes(1));

        await PendingInputs.SetAsync(rewrite, CancellationToken.None);
        var first = await PendingInputs.GetAsync(couple.PartnerAId, CancellationToken.None);
        await PendingInputs.SetAsync(hold, CancellationToken.None);
        var replaced = await PendingInputs.GetAsync(couple.PartnerAId, CancellationToken.None);
        var other = await PendingInputs.GetAsync(couple.PartnerBId, CancellationToken.None);
        await PendingInputs.ClearAsync(couple.PartnerAId, CancellationToken.None);

        Assert.Equal(rewrite, first);
        Assert.Equal(hold, replaced);
        Assert.Null(other);
        Assert.Null(await PendingInputs.GetAsync(couple.PartnerAId, CancellationToken.None));
    }

    private async Task HoldAsync(Round round, int position, DateTimeOffset until)
    {
        var couple = (await Couples.GetAsync(round.CoupleId, CancellationToken.None))!;
        var answer = await AnswerAsync(round, couple.PartnerAId, position);
        Assert.True(await Rounds.UpdateAnswerAsync(
            answer with { Visibility = AnswerVisibility.Held, HeldUntil = until }, CancellationToken.None));
    }
}
