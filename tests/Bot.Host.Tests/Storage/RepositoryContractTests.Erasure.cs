using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task Erasure_Request_CanBeTakenOnceAndOnlyByWhoeverAsked()
    {
        var couple = await CoupleAsync();
        await Erasure.RequestAsync(couple.Id, couple.PartnerAId, Now, CancellationToken.None);

        var byOther = await Erasure.TryTakeRequestAsync(couple.Id, couple.PartnerBId, CancellationToken.None);
        var byAsker = await Erasure.TryTakeRequestAsync(couple.Id, couple.PartnerAId, CancellationToken.None);
        var again = await Erasure.TryTakeRequestAsync(couple.Id, couple.PartnerAId, CancellationToken.None);

        Assert.Equal((false, true, false), (byOther, byAsker, again));
    }

    [Fact]
    public async Task Erasure_IsRequested_SaysWhetherThisPersonsAskStillWaits()
    {
        var couple = await CoupleAsync();
        await Erasure.RequestAsync(couple.Id, couple.PartnerAId, Now, CancellationToken.None);

        var byAsker = await Erasure.IsRequestedAsync(couple.Id, couple.PartnerAId, CancellationToken.None);
        var byOther = await Erasure.IsRequestedAsync(couple.Id, couple.PartnerBId, CancellationToken.None);
        await Erasure.TryTakeRequestAsync(couple.Id, couple.PartnerAId, CancellationToken.None);
        var afterAnswer = await Erasure.IsRequestedAsync(couple.Id, couple.PartnerAId, CancellationToken.None);

        Assert.Equal((true, false, false), (byAsker, byOther, afterAnswer));
    }

    [Fact]
    public async Task Rounds_ReplaceQuestionsBy_ReplacesOnlyThatAuthorsQuestions_AndForgetsThemAsAuthor()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(
            NewRound(couple.Id) with
            {
                Kind = RoundKind.Bowl,
                Questions = [new RoundQuestion(1, "bowl:1", "mine?", couple.PartnerAId), new RoundQuestion(2, null, "ours?")],
            },
            CancellationToken.None);

        await Rounds.ReplaceQuestionsByAsync(couple.PartnerAId, "(gone)", CancellationToken.None);
        await Rounds.ReplaceQuestionsByAsync(couple.PartnerBId, "(not mine)", CancellationToken.None);

        var questions = (await Rounds.GetAsync(round.Id, CancellationToken.None))!.Questions;
        Assert.Equal([("(gone)", (long?)null), ("ours?", null)], questions.Select(q => (q.Text, q.AuthorId)));
    }

    [Fact]
    public async Task Couples_GetLatestForPerson_FindsTheNewestCouple_EndedOrNot()
    {
        var first = await CoupleAsync();
        await Couples.UpdateAsync(first with { EndedAt = Now }, CancellationToken.None);
        var stranger = await PersonAsync("stranger");

        var latest = await Couples.GetLatestForPersonAsync(first.PartnerBId, CancellationToken.None);
        var none = await Couples.GetLatestForPersonAsync(stranger.Id, CancellationToken.None);

        Assert.Equal((first.Id, (DateTimeOffset?)Now), (latest!.Id, latest.EndedAt));
        Assert.Null(none);
    }

    [Fact]
    public async Task Erasure_ALaterRequest_ReplacesTheEarlierOne()
    {
        var couple = await CoupleAsync();
        await Erasure.RequestAsync(couple.Id, couple.PartnerAId, Now, CancellationToken.None);
        await Erasure.RequestAsync(couple.Id, couple.PartnerBId, Now.AddMinutes(1), CancellationToken.None);

        Assert.False(await Erasure.TryTakeRequestAsync(couple.Id, couple.PartnerAId, CancellationToken.None));
        Assert.True(await Erasure.TryTakeRequestAsync(couple.Id, couple.PartnerBId, CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_Erase_DeletesTheCouplesRoundsLedgerListAndNotes_AndNothingOfAnotherCouple()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync(tag: "other");
        foreach (var c in new[] { couple, other })
        {
            var round = await Rounds.AddAsync(NewRound(c.Id), CancellationToken.None);
            await Rounds.AddAnswerAsync(new Answer(round.Id, 1, c.PartnerAId, "words", Now), CancellationToken.None);
            await Pulses.AddAsync(new PulseEntry(round.Id, c.PartnerBId, PulseScale.Loved, 4, Now), CancellationToken.None);
            await Rounds.CloseAsync(round.Id, RoundState.Revealed, Now, CancellationToken.None);
            await Ledger.AddAsync(c.Id, "date-night", "dn-1", Now, CancellationToken.None);
            await BucketList.AddAsync(new BucketItem(0, c.Id, "wish", c.PartnerBId, Now, null), CancellationToken.None);
            await LoveNotes.AddAsync(
                new LoveNote(0, c.Id, c.PartnerAId, c.PartnerBId, "note", Now, Now.AddDays(1), null, false),
                CancellationToken.None);
            await Bowl.AddAsync(new BowlQuestion(0, c.Id, c.PartnerAId, "bowl?", Now, null), CancellationToken.None);
            await FirstTimes.AddAsync(
                new FirstTime(0, c.Id, FirstTimeSource.Idea, "ft-1", FirstTimeState.Proposed, Now, null, null),
                CancellationToken.None);
        }

        await Erasure.EraseAsync(couple.Id, CancellationToken.None);

        Assert.Empty(await Rounds.GetRevealedAsync(couple.Id, 20, CancellationToken.None));
        Assert.Empty(await Pulses.GetRevealedAsync(couple.Id, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Empty(await Ledger.GetDrawnAsync(couple.Id, "date-night", CancellationToken.None));
        Assert.Empty(await BucketList.ListAsync(couple.Id, CancellationToken.None));
        Assert.Equal(0, await LoveNotes.CountPendingFromAsync(couple.PartnerAId, CancellationToken.None));
        Assert.Empty(await Bowl.ListAsync(couple.Id, CancellationToken.None));
        Assert.Null(await FirstTimes.GetCurrentAsync(couple.Id, CancellationToken.None));
        var kept = Assert.Single(await Rounds.GetRevealedAsync(other.Id, 20, CancellationToken.None));
        Assert.Equal("words", Assert.Single(kept.Answers).Text);
        Assert.Single(await Pulses.GetRevealedAsync(other.Id, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Single(await Ledger.GetDrawnAsync(other.Id, "date-night", CancellationToken.None));
        Assert.Single(await BucketList.ListAsync(other.Id, CancellationToken.None));
        Assert.Equal(1, await LoveNotes.CountPendingFromAsync(other.PartnerAId, CancellationToken.None));
        Assert.Single(await Bowl.ListAsync(other.Id, CancellationToken.None));
        Assert.NotNull(await FirstTimes.GetCurrentAsync(other.Id, CancellationToken.None));
    }
}
