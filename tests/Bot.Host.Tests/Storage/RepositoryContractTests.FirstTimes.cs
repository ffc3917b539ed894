using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    private Task<FirstTime> ProposeAsync(Couple couple, string reference = "ft-01",
        FirstTimeSource source = FirstTimeSource.Idea) =>
        FirstTimes.AddAsync(
            new FirstTime(0, couple.Id, source, reference, FirstTimeState.Proposed, Now, null, null),
            CancellationToken.None);

    [Fact]
    public async Task FirstTimes_AddThenGet_RoundTripsEveryField()
    {
        var couple = await CoupleAsync();

        var added = await ProposeAsync(couple, "42", FirstTimeSource.BucketList);
        var read = await FirstTimes.GetAsync(added.Id, CancellationToken.None);

        Assert.Equal(added, read);
        Assert.Equal((couple.Id, FirstTimeSource.BucketList, "42", FirstTimeState.Proposed, Now),
            (read!.CoupleId, read.Source, read.Ref, read.State, read.ProposedAt));
        Assert.Null(await FirstTimes.GetAsync(added.Id + 1000, CancellationToken.None));
    }

    [Fact]
    public async Task FirstTimes_GetCurrent_IsTheLatestProposedOrAccepted()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync();
        var old = await ProposeAsync(couple, "ft-01");
        var latest = await ProposeAsync(couple, "ft-02");
        await ProposeAsync(other, "ft-03");

        var current = await FirstTimes.GetCurrentAsync(couple.Id, CancellationToken.None);
        await FirstTimes.TryMoveAsync(latest.Id, FirstTimeState.Proposed, FirstTimeState.Declined, Now, null,
            CancellationToken.None);
        var afterDecline = await FirstTimes.GetCurrentAsync(couple.Id, CancellationToken.None);
        await FirstTimes.TryMoveAsync(old.Id, FirstTimeState.Proposed, FirstTimeState.Done, Now, null,
            CancellationToken.None);

        Assert.Equal(latest.Id, current!.Id);
        Assert.Equal(old.Id, afterDecline!.Id);
        Assert.Null(await FirstTimes.GetCurrentAsync(couple.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FirstTimes_TryMove_OnlyFromTheExpectedState_SettingTheFollowUp()
    {
        var couple = await CoupleAsync();
        var proposal = await ProposeAsync(couple);

        var accepted = await FirstTimes.TryMoveAsync(proposal.Id, FirstTimeState.Proposed, FirstTimeState.Accepted,
            Now, Now.AddDays(7), CancellationToken.None);
        var raced = await FirstTimes.TryMoveAsync(proposal.Id, FirstTimeState.Proposed, FirstTimeState.Declined,
            Now, null, CancellationToken.None);

        Assert.Equal((true, false), (accepted, raced));
        var read = await FirstTimes.GetAsync(proposal.Id, CancellationToken.None);
        Assert.Equal((FirstTimeState.Accepted, Now.AddDays(7), Now), (read!.State, read.FollowUpAt, read.DecidedAt));
    }

    [Fact]
    public async Task FirstTimes_FollowUps_AreFoundWhenDue_AndTakenOnce()
    {
        var couple = await CoupleAsync();
        var due = await ProposeAsync(couple, "ft-01");
        await FirstTimes.TryMoveAsync(due.Id, FirstTimeState.Proposed, FirstTimeState.Accepted, Now, Now.AddMinutes(-1),
            CancellationToken.None);
        var future = await ProposeAsync(couple, "ft-02");
        await FirstTimes.TryMoveAsync(future.Id, FirstTimeState.Proposed, FirstTimeState.Accepted, Now,
            Now.AddMinutes(1), CancellationToken.None);
        await ProposeAsync(couple, "ft-03");

        var found = await FirstTimes.FindDueFollowUpsAsync(Now, 10, CancellationToken.None);
        var taken = await FirstTimes.TryTakeFollowUpAsync(due.Id, Now.AddMinutes(-1), CancellationToken.None);
        var again = await FirstTimes.TryTakeFollowUpAsync(due.Id, Now.AddMinutes(-1), CancellationToken.None);

        Assert.Equal([due.Id], found);
        Assert.Equal((true, false), (taken, again));
        Assert.Empty(await FirstTimes.FindDueFollowUpsAsync(Now, 10, CancellationToken.None));
        Assert.Equal(FirstTimeState.Accepted, (await FirstTimes.GetAsync(due.Id, CancellationToken.None))!.State);
    }
}
