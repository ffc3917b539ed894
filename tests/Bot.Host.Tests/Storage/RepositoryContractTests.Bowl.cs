using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    private Task<BowlQuestion> BowlQuestionAsync(Couple couple, string text, long? addedBy = null, DateTimeOffset? at = null) =>
        Bowl.AddAsync(
            new BowlQuestion(0, couple.Id, addedBy ?? couple.PartnerAId, text, at ?? Now, null), CancellationToken.None);

    [Fact]
    public async Task Bowl_AddThenList_RoundTripsEveryField_InTheOrderAdded()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync();
        var second = await BowlQuestionAsync(couple, "Second? 🥣\nwith a new line", couple.PartnerBId, Now.AddMinutes(5));
        var first = await BowlQuestionAsync(couple, "First?", at: Now.AddTicks(1234));
        await BowlQuestionAsync(other, "Not yours");

        var list = await Bowl.ListAsync(couple.Id, CancellationToken.None);

        Assert.Equal([first, second], list);
        Assert.Equal(
            (couple.Id, couple.PartnerBId, "Second? 🥣\nwith a new line", Now.AddMinutes(5), (DateTimeOffset?)null),
            (list[1].CoupleId, list[1].AddedById, list[1].Text, list[1].AddedAt, list[1].DrawnAt));
        Assert.Equal(Now, list[0].AddedAt);
        Assert.Empty(await Bowl.ListAsync(couple.Id + 1000, CancellationToken.None));
    }

    [Fact]
    public async Task Bowl_MarkDrawn_OnlyOnce_AndKeepsTheQuestionListed()
    {
        var couple = await CoupleAsync();
        var question = await BowlQuestionAsync(couple, "Once?");

        var first = await Bowl.MarkDrawnAsync(question.Id, Now.AddMinutes(1), CancellationToken.None);
        var again = await Bowl.MarkDrawnAsync(question.Id, Now.AddMinutes(2), CancellationToken.None);
        var missing = await Bowl.MarkDrawnAsync(question.Id + 1000, Now, CancellationToken.None);

        Assert.Equal((true, false, false), (first, again, missing));
        var listed = Assert.Single(await Bowl.ListAsync(couple.Id, CancellationToken.None));
        Assert.Equal(Now.AddMinutes(1), listed.DrawnAt);
        Assert.True(listed.IsDrawn);
    }

    [Fact]
    public async Task Bowl_RemoveWaiting_OnlyTheAuthorsOwnQuestion_WhileItWaits()
    {
        var couple = await CoupleAsync();
        var mine = await BowlQuestionAsync(couple, "Mine?");
        var drawn = await BowlQuestionAsync(couple, "Drawn?");
        await Bowl.MarkDrawnAsync(drawn.Id, Now, CancellationToken.None);

        var byPartner = await Bowl.RemoveWaitingAsync(mine.Id, couple.PartnerBId, CancellationToken.None);
        var drawnOne = await Bowl.RemoveWaitingAsync(drawn.Id, couple.PartnerAId, CancellationToken.None);
        var byAuthor = await Bowl.RemoveWaitingAsync(mine.Id, couple.PartnerAId, CancellationToken.None);
        var again = await Bowl.RemoveWaitingAsync(mine.Id, couple.PartnerAId, CancellationToken.None);

        Assert.Equal((false, false, true, false), (byPartner, drawnOne, byAuthor, again));
        Assert.Equal([drawn.Id], (await Bowl.ListAsync(couple.Id, CancellationToken.None)).Select(q => q.Id));
    }

    [Fact]
    public async Task Bowl_DeleteAddedBy_RemovesEveryQuestionOfThatPerson_WaitingOrDrawn()
    {
        var couple = await CoupleAsync();
        await BowlQuestionAsync(couple, "Waiting?");
        var drawn = await BowlQuestionAsync(couple, "Drawn?");
        await Bowl.MarkDrawnAsync(drawn.Id, Now, CancellationToken.None);
        var partners = await BowlQuestionAsync(couple, "Theirs?", couple.PartnerBId);

        await Bowl.DeleteAddedByAsync(couple.PartnerAId, CancellationToken.None);

        Assert.Equal([partners], await Bowl.ListAsync(couple.Id, CancellationToken.None));
    }
}
