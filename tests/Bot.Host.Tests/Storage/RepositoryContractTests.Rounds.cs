using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task AddRound_StoresQuestionsByPositionAndAssignsId()
    {
        var couple = await CoupleAsync();
        var round = NewRound(couple.Id) with
        {
            Id = 999,
            Kind = RoundKind.Deck,
            DeckId = "dreams",
            Questions = [new RoundQuestion(2, "d-2", "Second"), new RoundQuestion(1, "d-1", "First")],
        };

        var added = await Rounds.AddAsync(round, CancellationToken.None);

        Assert.NotEqual(999, added.Id);
        Assert.Equal(RoundKind.Deck, added.Kind);
        Assert.Equal("dreams", added.DeckId);
        Assert.Equal(RoundState.Open, added.State);
        Assert.Equal([Now, Now.AddDays(1), Now.AddDays(3)], [added.OpenedAt, added.RemindAt, added.ExpiresAt]);
        Assert.Null(added.RemindedAt);
        Assert.Null(added.ClosedAt);
        Assert.Equal([new RoundQuestion(1, "d-1", "First"), new RoundQuestion(2, "d-2", "Second")], added.Questions);
        Assert.Empty(added.Answers);
        AssertSameRound(added, await Rounds.GetAsync(added.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AddRound_WithAnswers_Throws()
    {
        var couple = await CoupleAsync();
        var round = NewRound(couple.Id) with { Answers = [new Answer(0, 1, couple.PartnerAId, "Hi", Now)] };

        var add = () => Rounds.AddAsync(round, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(add);
    }

    [Fact]
    public async Task GetRound_UnknownId_ReturnsNull()
    {
        var round = await Rounds.GetAsync(404, CancellationToken.None);

        Assert.Null(round);
    }

    [Fact]
    public async Task GetOpen_ReturnsTheCouplesOpenRoundOnly()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync();
        var closed = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.CloseAsync(closed.Id, RoundState.Revealed, Now, CancellationToken.None);
        var open = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.AddAsync(NewRound(other.Id), CancellationToken.None);

        var found = await Rounds.GetOpenAsync(couple.Id, CancellationToken.None);

        AssertSameRound(open, found);
    }

    [Fact]
    public async Task GetOpen_NoOpenRound_ReturnsNull()
    {
        var couple = await CoupleAsync();

        var found = await Rounds.GetOpenAsync(couple.Id, CancellationToken.None);

        Assert.Null(found);
    }

    [Fact]
    public async Task AddRound_SecondOpenRoundForCouple_Throws()
    {
        var couple = await CoupleAsync();
        await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);

        var add = () => Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(add);
    }

    [Fact]
    public async Task AddAnswer_StoresItOnTheRound()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        var answer = new Answer(round.Id, 1, couple.PartnerAId, "Your laugh", Now.AddMinutes(3));

        var added = await Rounds.AddAnswerAsync(answer, CancellationToken.None);

        Assert.True(added);
        Assert.Equal([answer], (await Rounds.GetAsync(round.Id, CancellationToken.None))!.Answers);
    }

    [Fact]
    public async Task AddAnswer_Twice_ReturnsFalseAndKeepsTheFirst()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(round.Id, 1, couple.PartnerAId, "First", Now), CancellationToken.None);

        var added = await Rounds.AddAnswerAsync(
            new Answer(round.Id, 1, couple.PartnerAId, "Second", Now), CancellationToken.None);

        Assert.False(added);
        var stored = await Rounds.GetAsync(round.Id, CancellationToken.None);
        Assert.Equal("First", stored!.AnswerOf(couple.PartnerAId, 1)!.Text);
    }

    [Fact]
    public async Task AddAnswer_Skipped_IsStoredWithoutText()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);

        await Rounds.AddAnswerAsync(new Answer(round.Id, 2, couple.PartnerBId, null, Now), CancellationToken.None);

        var answer = (await Rounds.GetAsync(round.Id, CancellationToken.None))!.AnswerOf(couple.PartnerBId, 2);
        Assert.True(answer!.IsSkipped);
    }

    [Fact]
    public async Task AddAnswer_ToAPositionTheRoundLacks_Throws()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);

        var answer = new Answer(round.Id, 9, couple.PartnerAId, "?", Now);

        var add = () => Rounds.AddAnswerAsync(answer, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(add);
    }

    [Fact]
    public async Task GetRound_ReturnsAnswersByPositionThenPerson()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(round.Id, 2, couple.PartnerBId, "b2", Now), CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(round.Id, 2, couple.PartnerAId, "a2", Now), CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(round.Id, 1, couple.PartnerBId, "b1", Now), CancellationToken.None);

        var loaded = await Rounds.GetAsync(round.Id, CancellationToken.None);

        Assert.Equal(["b1", "a2", "b2"], loaded!.Answers.Select(a => a.Text));
    }

    [Fact]
    public async Task CloseRound_Twice_ReturnsFalseAndKeepsTheFirstClose()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);

        var first = await Rounds.CloseAsync(round.Id, RoundState.Revealed, Now.AddHours(1), CancellationToken.None);
        var second = await Rounds.CloseAsync(round.Id, RoundState.Expired, Now.AddHours(2), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var closed = await Rounds.GetAsync(round.Id, CancellationToken.None);
        Assert.Equal(RoundState.Revealed, closed!.State);
        Assert.Equal(Now.AddHours(1), closed.ClosedAt);
    }

    [Fact]
    public async Task CloseRound_IntoOpen_Throws()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);

        var close = () => Rounds.CloseAsync(round.Id, RoundState.Open, Now, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(close);
    }

    [Fact]
    public async Task MarkReminded_OfARoundRevealedMeanwhile_ReturnsFalse()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.CloseAsync(round.Id, RoundState.Revealed, Now, CancellationToken.None);

        var reminded = await Rounds.MarkRemindedAsync(round.Id, Now.AddDays(1), CancellationToken.None);

        Assert.False(reminded);
        Assert.Null((await Rounds.GetAsync(round.Id, CancellationToken.None))!.RemindedAt);
    }

    [Fact]
    public async Task MarkReminded_Twice_ReturnsFalse()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);

        var first = await Rounds.MarkRemindedAsync(round.Id, Now.AddDays(1), CancellationToken.None);
        var second = await Rounds.MarkRemindedAsync(round.Id, Now.AddDays(2), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(Now.AddDays(1), (await Rounds.GetAsync(round.Id, CancellationToken.None))!.RemindedAt);
    }

    [Fact]
    public async Task FindDueReminders_ReturnsOpenUnremindedDueRoundsEarliestFirst()
    {
        var later = await Rounds.AddAsync(NewRound((await CoupleAsync()).Id, remindAt: Now), CancellationToken.None);
        var earlier = await Rounds.AddAsync(
            NewRound((await CoupleAsync()).Id, remindAt: Now.AddHours(-1)), CancellationToken.None);
        await Rounds.AddAsync(NewRound((await CoupleAsync()).Id, remindAt: Now.AddMinutes(1)), CancellationToken.None);
        var reminded = await Rounds.AddAsync(
            NewRound((await CoupleAsync()).Id, remindAt: Now.AddHours(-2)), CancellationToken.None);
        await Rounds.MarkRemindedAsync(reminded.Id, Now, CancellationToken.None);
        var closed = await Rounds.AddAsync(
            NewRound((await CoupleAsync()).Id, remindAt: Now.AddHours(-3)), CancellationToken.None);
        await Rounds.CloseAsync(closed.Id, RoundState.Revealed, Now, CancellationToken.None);

        var due = await Rounds.FindDueRemindersAsync(Now, 10, CancellationToken.None);

        Assert.Equal([earlier.Id, later.Id], due);
    }

    [Fact]
    public async Task FindDueReminders_StopsAtTheLimit()
    {
        var first = await Rounds.AddAsync(
            NewRound((await CoupleAsync()).Id, remindAt: Now.AddHours(-2)), CancellationToken.None);
        await Rounds.AddAsync(NewRound((await CoupleAsync()).Id, remindAt: Now.AddHours(-1)), CancellationToken.None);

        var due = await Rounds.FindDueRemindersAsync(Now, 1, CancellationToken.None);

        Assert.Equal([first.Id], due);
    }

    [Fact]
    public async Task FindDueExpiries_ReturnsOpenDueRoundsEarliestFirst()
    {
        var coupleLater = await CoupleAsync();
        var later = await Rounds.AddAsync(NewRound(coupleLater.Id, expiresAt: Now), CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(later.Id, 1, coupleLater.PartnerAId, "Hi", Now), CancellationToken.None);
        var earlier = await Rounds.AddAsync(
            NewRound((await CoupleAsync()).Id, expiresAt: Now.AddHours(-1)), CancellationToken.None);
        await Rounds.MarkRemindedAsync(earlier.Id, Now, CancellationToken.None);
        await Rounds.AddAsync(NewRound((await CoupleAsync()).Id, expiresAt: Now.AddMinutes(1)), CancellationToken.None);
        var cancelled = await Rounds.AddAsync(
            NewRound((await CoupleAsync()).Id, expiresAt: Now.AddHours(-2)), CancellationToken.None);
        await Rounds.CloseAsync(cancelled.Id, RoundState.Cancelled, Now, CancellationToken.None);

        var due = await Rounds.FindDueExpiriesAsync(Now, 10, CancellationToken.None);

        Assert.Equal([earlier.Id, later.Id], due);
    }

    [Fact]
    public async Task GetRevealed_ReturnsTheCouplesRevealedRoundsNewestFirst()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync();
        var ids = new List<long>();
        for (var week = 0; week < 4; week++)
        {
            var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
            await Rounds.CloseAsync(round.Id, RoundState.Revealed, Now.AddDays(7 * week), CancellationToken.None);
            ids.Add(round.Id);
        }

        var expired = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.CloseAsync(expired.Id, RoundState.Expired, Now.AddDays(40), CancellationToken.None);
        var elsewhere = await Rounds.AddAsync(NewRound(other.Id), CancellationToken.None);
        await Rounds.CloseAsync(elsewhere.Id, RoundState.Revealed, Now.AddDays(50), CancellationToken.None);
        await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);

        var revealed = await Rounds.GetRevealedAsync(couple.Id, 3, CancellationToken.None);

        Assert.Equal([ids[3], ids[2], ids[1]], revealed.Select(r => r.Id));
        Assert.All(revealed, r => Assert.Equal(RoundState.Revealed, r.State));
    }

    [Fact]
    public async Task DeleteAnswersBy_RemovesThePersonsAnswersFromEveryRound()
    {
        var couple = await CoupleAsync();
        var old = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(old.Id, 1, couple.PartnerAId, "mine", Now), CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(old.Id, 1, couple.PartnerBId, "theirs", Now), CancellationToken.None);
        await Rounds.CloseAsync(old.Id, RoundState.Revealed, Now, CancellationToken.None);
        var open = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.AddAnswerAsync(new Answer(open.Id, 2, couple.PartnerAId, "mine too", Now), CancellationToken.None);

        await Rounds.DeleteAnswersByAsync(couple.PartnerAId, CancellationToken.None);

        var oldAfter = await Rounds.GetAsync(old.Id, CancellationToken.None);
        var openAfter = await Rounds.GetAsync(open.Id, CancellationToken.None);
        Assert.Equal(["theirs"], oldAfter!.Answers.Select(a => a.Text));
        Assert.Empty(openAfter!.Answers);
    }

    private static void AssertSameRound(Round expected, Round? actual)
    {
        // Round holds lists, which records compare by reference; compare the parts.
        Assert.NotNull(actual);
        Assert.Equal(expected with { Questions = [], Answers = [] }, actual with { Questions = [], Answers = [] });
        Assert.Equal(expected.Questions, actual.Questions);
        Assert.Equal(expected.Answers, actual.Answers);
    }
}
