using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task Quizzes_TakeEachStepOnce_OnlyWhileOpen_AndReadBackTheAnswers()
    {
        var couple = await CoupleAsync();
        var play = await Quizzes.AddAsync(
            new QuizPlay(0, couple.Id, "weekend", couple.PartnerAId, QuizPlayState.Open, Now, null, []), CancellationToken.None);

        var first = await Quizzes.AddChoiceAsync(new QuizAnswer(play.Id, couple.PartnerAId, 1, 2, null, Now), CancellationToken.None);
        var twice = await Quizzes.AddChoiceAsync(new QuizAnswer(play.Id, couple.PartnerAId, 1, 3, null, Now), CancellationToken.None);
        var guess = await Quizzes.SetGuessAsync(play.Id, couple.PartnerAId, 1, 4, CancellationToken.None);
        var guessTwice = await Quizzes.SetGuessAsync(play.Id, couple.PartnerAId, 1, 1, CancellationToken.None);
        var guessUnanswered = await Quizzes.SetGuessAsync(play.Id, couple.PartnerAId, 2, 1, CancellationToken.None);

        Assert.Equal((true, false, true, false, false), (first, twice, guess, guessTwice, guessUnanswered));
        Assert.Equal(play.Id, (await Quizzes.GetOpenAsync(couple.Id, CancellationToken.None))!.Id);
        var answer = Assert.Single((await Quizzes.GetAsync(play.Id, CancellationToken.None))!.Answers);
        Assert.Equal(new QuizAnswer(play.Id, couple.PartnerAId, 1, 2, 4, Now), answer);

        Assert.True(await Quizzes.CloseAsync(play.Id, QuizPlayState.Revealed, Now.AddHours(1), CancellationToken.None));
        Assert.False(await Quizzes.CloseAsync(play.Id, QuizPlayState.SetAside, Now.AddHours(2), CancellationToken.None));
        Assert.False(await Quizzes.AddChoiceAsync(
            new QuizAnswer(play.Id, couple.PartnerBId, 1, 1, null, Now), CancellationToken.None));
        Assert.Null(await Quizzes.GetOpenAsync(couple.Id, CancellationToken.None));
        var revealed = Assert.Single(await Quizzes.GetRevealedAsync(couple.Id, Now, 5, CancellationToken.None));
        Assert.Equal((QuizPlayState.Revealed, (DateTimeOffset?)Now.AddHours(1)), (revealed.State, revealed.ClosedAt));
        Assert.Empty(await Quizzes.GetRevealedAsync(couple.Id, Now.AddHours(2), 5, CancellationToken.None));
    }

    [Fact]
    public async Task Quizzes_DeleteAnswersBy_RemovesOnlyThatPersonsAnswers()
    {
        var couple = await CoupleAsync();
        var play = await Quizzes.AddAsync(
            new QuizPlay(0, couple.Id, "weekend", couple.PartnerAId, QuizPlayState.Open, Now, null, []), CancellationToken.None);
        await Quizzes.AddChoiceAsync(new QuizAnswer(play.Id, couple.PartnerAId, 1, 2, null, Now), CancellationToken.None);
        await Quizzes.AddChoiceAsync(new QuizAnswer(play.Id, couple.PartnerBId, 1, 1, null, Now), CancellationToken.None);

        await Quizzes.DeleteAnswersByAsync(couple.PartnerAId, CancellationToken.None);

        Assert.Equal([couple.PartnerBId],
            (await Quizzes.GetAsync(play.Id, CancellationToken.None))!.Answers.Select(a => a.PersonId));
    }

    [Fact]
    public async Task SupportOffers_MarkOnlyFromTheStateSeen_AndNeverWhileOff()
    {
        var couple = await CoupleAsync();
        var person = couple.PartnerAId;

        Assert.Equal(Bot.Core.Ports.SupportOfferState.Default, await SupportOffers.GetAsync(person, CancellationToken.None));
        Assert.True(await SupportOffers.TryMarkOfferedAsync(person, null, Now, CancellationToken.None));
        Assert.False(await SupportOffers.TryMarkOfferedAsync(person, null, Now.AddDays(1), CancellationToken.None));
        Assert.True(await SupportOffers.TryMarkOfferedAsync(person, Now, Now.AddDays(100), CancellationToken.None));
        await SupportOffers.SetOffAsync(person, true, CancellationToken.None);
        Assert.False(await SupportOffers.TryMarkOfferedAsync(person, Now.AddDays(100), Now.AddDays(200), CancellationToken.None));

        Assert.Equal(new Bot.Core.Ports.SupportOfferState(true, Now.AddDays(100)),
            await SupportOffers.GetAsync(person, CancellationToken.None));
    }

    [Fact]
    public async Task YearReviews_FindCouplesPairedLongEnough_UntilTheirNextLook_AndMarkEachYearOnce()
    {
        var couple = await CoupleAsync();
        var later = Now.AddDays(400);

        Assert.Empty(await YearReviews.FindDueAsync(later, Now.AddMinutes(-1), 10, CancellationToken.None));
        Assert.Contains(couple.Id, await YearReviews.FindDueAsync(later, Now, 10, CancellationToken.None));
        await YearReviews.SetNextCheckAsync(couple.Id, later.AddDays(1), CancellationToken.None);
        Assert.DoesNotContain(couple.Id, await YearReviews.FindDueAsync(later, Now, 10, CancellationToken.None));
        Assert.Contains(couple.Id, await YearReviews.FindDueAsync(later.AddDays(1), Now, 10, CancellationToken.None));

        Assert.True(await YearReviews.TryMarkAsync(couple.Id, couple.PartnerAId, 1, later, CancellationToken.None));
        Assert.False(await YearReviews.TryMarkAsync(couple.Id, couple.PartnerAId, 1, later, CancellationToken.None));
        Assert.True(await YearReviews.HasAsync(couple.Id, couple.PartnerAId, 1, CancellationToken.None));
        Assert.False(await YearReviews.HasAsync(couple.Id, couple.PartnerBId, 1, CancellationToken.None));
    }

    [Fact]
    public async Task YearReviews_Stats_CountWhatTheCoupleSharedInTheSpan()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Rounds.CloseAsync(round.Id, RoundState.Revealed, Now.AddDays(1), CancellationToken.None);
        var expired = await Rounds.AddAsync(NewRound(couple.Id) with { OpenedAt = Now.AddDays(2) }, CancellationToken.None);
        await Rounds.CloseAsync(expired.Id, RoundState.Expired, Now.AddDays(3), CancellationToken.None);
        var wish = await BucketList.AddAsync(new BucketItem(0, couple.Id, "a wish", couple.PartnerAId, Now, null), CancellationToken.None);
        await BucketList.MarkDoneAsync(couple.Id, wish.Id, Now.AddDays(4), CancellationToken.None);
        var play = await Quizzes.AddAsync(
            new QuizPlay(0, couple.Id, "weekend", couple.PartnerAId, QuizPlayState.Open, Now, null, []), CancellationToken.None);
        await Quizzes.CloseAsync(play.Id, QuizPlayState.Revealed, Now.AddDays(5), CancellationToken.None);

        var stats = await YearReviews.GetStatsAsync(couple.Id, Now, Now.AddDays(10), CancellationToken.None);
        var none = await YearReviews.GetStatsAsync(couple.Id, Now.AddDays(10), Now.AddDays(20), CancellationToken.None);

        Assert.Equal(new Bot.Core.Ports.YearStats(1, 0, 1, 1, 0), stats);
        Assert.Equal(new Bot.Core.Ports.YearStats(0, 0, 0, 0, 0), none);
    }
}
