using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task Pulses_AddOncePerScale_AndReadBackByScaleThenPerson()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        var heardB = new PulseEntry(round.Id, couple.PartnerBId, PulseScale.Heard, null, Now);
        var lovedB = new PulseEntry(round.Id, couple.PartnerBId, PulseScale.Loved, 5, Now);
        var lovedA = new PulseEntry(round.Id, couple.PartnerAId, PulseScale.Loved, 3, Now.AddMinutes(1));

        var added = new List<bool>();
        foreach (var entry in new[] { heardB, lovedB, lovedA, lovedA with { Value = 1 } })
        {
            added.Add(await Pulses.AddAsync(entry, CancellationToken.None));
        }

        Assert.Equal([true, true, true, false], added);
        Assert.Equal([lovedA, lovedB, heardB], await Pulses.GetForRoundAsync(round.Id, CancellationToken.None));
        Assert.Empty(await Pulses.GetForRoundAsync(round.Id + 1000, CancellationToken.None));
    }

    [Fact]
    public async Task Pulses_GetRevealed_ReadsOnlyThatCouplesRevealedRoundsSinceTheDate()
    {
        var couple = await CoupleAsync();
        var other = await CoupleAsync();
        var old = await Rounds.AddAsync(NewRound(couple.Id) with { OpenedAt = Now.AddDays(-30) }, CancellationToken.None);
        var revealed = await Rounds.AddAsync(NewRound(couple.Id) with { State = RoundState.Revealed, ClosedAt = Now },
            CancellationToken.None);
        var expired = await Rounds.AddAsync(NewRound(couple.Id) with { State = RoundState.Expired, ClosedAt = Now },
            CancellationToken.None);
        var theirs = await Rounds.AddAsync(NewRound(other.Id) with { State = RoundState.Revealed, ClosedAt = Now },
            CancellationToken.None);
        await Rounds.CloseAsync(old.Id, RoundState.Revealed, Now, CancellationToken.None);
        foreach (var round in new[] { old, revealed, expired, theirs })
        {
            await Pulses.AddAsync(
                new PulseEntry(round.Id, round.CoupleId == couple.Id ? couple.PartnerAId : other.PartnerAId,
                    PulseScale.Loved, 4, Now), CancellationToken.None);
        }

        await Pulses.AddAsync(new PulseEntry(revealed.Id, couple.PartnerBId, PulseScale.Heard, null, Now),
            CancellationToken.None);

        var readings = await Pulses.GetRevealedAsync(couple.Id, Now.AddDays(-7), CancellationToken.None);

        Assert.Equal(
            [
                new PulseReading(Now, couple.PartnerAId, PulseScale.Loved, 4),
                new PulseReading(Now, couple.PartnerBId, PulseScale.Heard, null),
            ],
            readings);
    }

    [Fact]
    public async Task Pulses_DeleteBy_RemovesOnlyThatPersonsTaps()
    {
        var couple = await CoupleAsync();
        var round = await Rounds.AddAsync(NewRound(couple.Id), CancellationToken.None);
        await Pulses.AddAsync(new PulseEntry(round.Id, couple.PartnerAId, PulseScale.Loved, 2, Now), CancellationToken.None);
        await Pulses.AddAsync(new PulseEntry(round.Id, couple.PartnerBId, PulseScale.Loved, 4, Now), CancellationToken.None);

        await Pulses.DeleteByAsync(couple.PartnerAId, CancellationToken.None);

        var left = Assert.Single(await Pulses.GetForRoundAsync(round.Id, CancellationToken.None));
        Assert.Equal(couple.PartnerBId, left.PersonId);
    }
}
