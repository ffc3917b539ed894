using Bot.Core.Domain;

namespace Bot.Core.Tests;

/// <summary>Whatever ends a round withdraws what it still has waiting, such as a question held for someone's morning.</summary>
public sealed class RoundEndTests
{
    // Monday 2 March 2026, 23:00 UTC: Bea (quiet 22:00–08:00, UTC) is asleep.
    private static readonly DateTimeOffset Night = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);

    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task HeldQuestion_WhenACooldownSetsTheRoundAside_IsWithdrawn()
    {
        var (alex, bea) = await HeldQuestionForBeaAsync();
        var round = _bot.OpenRound(bea)!;
        await _bot.SendAsync(alex, "/cooldown 1h");
        _bot.Advance(TimeSpan.FromHours(1));

        var report = await _bot.SweepAllAsync();

        Assert.Equal(1, report.CooldownsEnded);
        Assert.Equal(RoundState.Cancelled, _bot.Store.Rounds.All.Single(r => r.Id == round.Id).State);
        Assert.DoesNotContain(_bot.MessagesTo(bea), m => m.StepOfRound == round.Id);
    }

    [Fact]
    public async Task HeldQuestion_WhenTheRoundExpires_IsWithdrawn()
    {
        var (_, bea) = await HeldQuestionForBeaAsync();
        var round = _bot.OpenRound(bea)!;

        await _bot.Rounds.ExpireAsync(round, _bot.ActiveCouple(bea)!, CancellationToken.None);

        Assert.DoesNotContain(_bot.MessagesTo(bea), m => m.IsRoundStep);
    }

    [Fact]
    public async Task HeldQuestion_WhenTheCoupleUnpairs_IsWithdrawn()
    {
        var (_, bea) = await HeldQuestionForBeaAsync();

        await _bot.Rounds.CancelOpenAsync(_bot.ActiveCouple(bea)!.Id, CancellationToken.None);

        Assert.DoesNotContain(_bot.MessagesTo(bea), m => m.IsRoundStep);
    }

    [Fact]
    public async Task HeldQuestion_OfAnotherRound_StaysWhenOneEnds()
    {
        var (_, bea) = await HeldQuestionForBeaAsync();
        var held = Assert.Single(_bot.MessagesTo(bea), m => m.IsRoundStep);

        await _bot.Messenger.WithdrawStepsOfAsync(held.StepOfRound!.Value + 1, CancellationToken.None);

        Assert.Contains(held, _bot.MessagesTo(bea));
    }

    private async Task<(TestUser Alex, TestUser Bea)> HeldQuestionForBeaAsync()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        // Quiet hours hold only on a known clock.
        await _bot.SendAsync(bea, "/timezone UTC");
        _bot.AdvanceTo(Night);
        await _bot.SendAsync(alex, "/checkin");
        Assert.Contains(_bot.MessagesTo(bea), m => m.IsRoundStep && m.NotBefore > Night);
        return (alex, bea);
    }
}
