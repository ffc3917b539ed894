using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class FirstTimeTests
{
    // Paired on Monday 2 March 2026, 10:00 UTC: a month later is Thursday 2 April, so Saturday 4 April, 10:00.
    private static readonly DateTimeOffset FirstProposal = new(2026, 4, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly CoreHarness _bot = new();

    private Task<FirstTimeSweepResult> SweepAsync() => _bot.FirstTimeSweeper.RunAsync(CancellationToken.None);

    private static string Payload(IEnumerable<string> payloads, string action) =>
        payloads.Last(p => p.StartsWith("ft:", StringComparison.Ordinal) && p.EndsWith(":" + action, StringComparison.Ordinal));

    [Fact]
    public async Task Pairing_SchedulesTheFirstProposal_OnASaturdayMorningAboutAMonthLater()
    {
        var (alex, _) = await _bot.CoupleAsync();

        Assert.Equal(FirstProposal, _bot.ActiveCouple(alex)!.NextFirstTimeAt);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-01T12:00Z", "2026-04-04T08:00Z")]
    [InlineData("Europe/Berlin", "2026-09-26T12:00Z", "2026-10-31T09:00Z")]
    [InlineData("America/New_York", "2026-02-07T18:00Z", "2026-03-07T15:00Z")]
    [InlineData("UTC", "2026-01-31T09:00Z", "2026-02-28T10:00Z")]
    public void NextProposalAt_IsTenOnTheCouplesClock_AcrossDaylightSavingChanges(string zone, string after, string expected)
    {
        var next = FirstTimeService.NextProposalAt(zone, DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Equal(DayOfWeek.Saturday, DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek);
    }

    [Fact]
    public async Task Sweep_AtTheDueTime_ProposesAnOpenBucketWishFirst_WithThreeChoices_Once()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/bucket add learn to tango");
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstProposal.AddMinutes(-1));
        var early = await SweepAsync();
        _bot.AdvanceTo(FirstProposal);

        var due = await SweepAsync();
        var again = await SweepAsync();

        Assert.Equal((0, 1, 0), (early.Proposed, due.Proposed, again.Proposed));
        var proposal = _bot.LastMessageTo(alex);
        Assert.Equal(Copy.FirstTimeProposal("Alex", "Bea", "learn to tango", fromBucketList: true), proposal.Text);
        Assert.Equal([_bot.Stored(bea).Id], proposal.WordsOf);
        Assert.Equal(
            [Copy.FirstTimeTryLabel, Copy.FirstTimeAnotherLabel, Copy.FirstTimeNotThisMonthLabel],
            proposal.Choices.SelectMany(row => row).Select(c => c.Label));
        Assert.Equal(proposal.Text, _bot.LastTextTo(bea));
        Assert.True(proposal.Choices.SelectMany(r => r).All(c => System.Text.Encoding.UTF8.GetByteCount(c.Payload) <= 64));
        Assert.Equal(new DateTimeOffset(2026, 5, 9, 10, 0, 0, TimeSpan.Zero), _bot.ActiveCouple(alex)!.NextFirstTimeAt);
    }

    [Fact]
    public async Task Proposals_MonthAfterMonth_NeverRepeat_UntilEveryIdeaWasOffered()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bucket add see the northern lights");
        var couple = _bot.ActiveCouple(alex)!;
        var offered = new List<string>();

        for (var i = 0; i <= _bot.Ideas.Ideas.Count; i++)
        {
            await _bot.FirstTimes.ProposeAsync(couple, CancellationToken.None);
            offered.Add(_bot.Store.FirstTimes.All[^1].Ref);
        }

        Assert.Equal(FirstTimeSource.BucketList, _bot.Store.FirstTimes.All[0].Source);
        Assert.Equal(offered.Count, offered.Distinct().Count());
        Assert.All(_bot.Store.FirstTimes.All.SkipLast(1), f => Assert.Equal(FirstTimeState.Replaced, f.State));
        await _bot.FirstTimes.ProposeAsync(couple, CancellationToken.None);
        Assert.Equal(FirstTimeSource.Idea, _bot.Store.FirstTimes.All[^1].Source);
    }

    [Fact]
    public async Task Sweep_ForAPausedCouple_SkipsThatMonth_AndSchedulesTheNext()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstProposal.AddDays(-1));
        await _bot.SendAsync(alex, "/pause 1w");
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstProposal);

        var sweep = await SweepAsync();

        Assert.Equal((0, 1), (sweep.Proposed, sweep.Skipped));
        Assert.Empty(_bot.TextsTo(alex));
        Assert.Empty(_bot.TextsTo(bea));
        Assert.Empty(_bot.Store.FirstTimes.All);
        Assert.Equal(new DateTimeOffset(2026, 5, 9, 10, 0, 0, TimeSpan.Zero), _bot.ActiveCouple(alex)!.NextFirstTimeAt);
    }

    [Fact]
    public async Task Sweep_AtNightAfterTheBotWasDown_WaitsForTheNextMorning()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstProposal.AddHours(12));
        _bot.ClearOutbox();

        var night = await SweepAsync();
        _bot.AdvanceTo(FirstProposal.AddDays(1));
        var morning = await SweepAsync();

        Assert.Equal((0, 1), (night.Proposed, morning.Proposed));
        Assert.Equal(new DateTimeOffset(2026, 5, 9, 10, 0, 0, TimeSpan.Zero), _bot.ActiveCouple(alex)!.NextFirstTimeAt);
    }

    [Fact]
    public async Task Sweep_DuringACooldown_WaitsUntilAfterIt()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstProposal.AddMinutes(-5));
        await _bot.SendAsync(alex, "/cooldown 1h");
        _bot.AdvanceTo(FirstProposal);

        var sweep = await SweepAsync();

        Assert.Equal(0, sweep.Proposed);
        Assert.Equal(FirstProposal.AddDays(1), _bot.ActiveCouple(alex)!.NextFirstTimeAt);
    }

    [Fact]
    public async Task AnotherIdea_ProposesADifferentOne_AndNotThisMonth_TellsBoth()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/firsttime");
        var first = _bot.Store.FirstTimes.All.Single();

        await _bot.PressAsync(bea, Payload(_bot.PayloadsTo(bea), "n"));
        var second = _bot.Store.FirstTimes.All[^1];
        await _bot.PressAsync(alex, Payload(_bot.PayloadsTo(alex), "x"));
        await _bot.PressAsync(bea, Payload(_bot.PayloadsTo(bea), "y"));

        Assert.NotEqual(first.Ref, second.Ref);
        Assert.Equal(FirstTimeState.Replaced, _bot.Store.FirstTimes.All[0].State);
        Assert.Equal(FirstTimeState.Declined, _bot.Store.FirstTimes.All[^1].State);
        Assert.Contains(Copy.FirstTimeDeclined("Alex"), _bot.TextsTo(alex));
        Assert.Contains(Copy.FirstTimeDeclined("Alex"), _bot.TextsTo(bea));
        Assert.Equal(Copy.FirstTimeAlreadyDecided("Bea"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task WeTryIt_AWeekLater_AsksWhetherTheyDidIt_ThenAOneLineMemoryGoesIntoTheJournal()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstProposal);
        await SweepAsync();
        await _bot.PressAsync(alex, Payload(_bot.PayloadsTo(alex), "y"));
        var idea = _bot.Ideas.Find(_bot.Store.FirstTimes.All.Single().Ref)!;
        Assert.Contains(Copy.FirstTimeAccepted("Alex", idea.Text), _bot.TextsTo(bea));
        _bot.ClearOutbox();
        _bot.Advance(FirstTimeService.FollowUpAfter - TimeSpan.FromMinutes(1));
        var early = await SweepAsync();
        _bot.Advance(TimeSpan.FromMinutes(1));

        var followUp = await SweepAsync();
        var again = await SweepAsync();

        Assert.Equal((0, 1, 0), (early.FollowedUp, followUp.FollowedUp, again.FollowedUp));
        Assert.Equal(Copy.FirstTimeFollowUp("Alex", "Bea", idea.Text), _bot.LastTextTo(bea));
        await _bot.PressAsync(bea, Payload(_bot.PayloadsTo(bea), "d"));
        var round = _bot.OpenRound(alex)!;
        Assert.Equal(RoundKind.Memory, round.Kind);
        Assert.Equal(Copy.MemoryQuestion(idea.Text), Assert.Single(round.Questions).Text);
        Assert.StartsWith(Copy.MemoryRoundOpened("Alex", "Bea"), _bot.LastTextTo(alex), StringComparison.Ordinal);

        var tooLong = new string('x', FirstTimeService.MemoryMaxLength + 1);
        await _bot.TextAsync(alex, tooLong);
        Assert.Equal(Copy.MemoryTooLong("Alex", tooLong.Length, FirstTimeService.MemoryMaxLength), _bot.LastTextTo(alex));
        await _bot.TextAsync(alex, "your laugh when the bread collapsed");
        await _bot.TextAsync(bea, "flour everywhere");

        Assert.Contains("a first time for your journal", _bot.LastTextTo(alex), StringComparison.Ordinal);
        await _bot.SendAsync(bea, "/history 1");
        var history = _bot.LastTextTo(bea);
        Assert.Contains("Alex: your laugh when the bread collapsed", history, StringComparison.Ordinal);
        Assert.Contains("Bea: flour everywhere", history, StringComparison.Ordinal);
        Assert.Equal(FirstTimeState.Done, _bot.Store.FirstTimes.All.Single().State);
    }

    [Fact]
    public async Task FirstTimeDone_FromABucketWish_KeepsTheWishOutOfTheJournalQuestion()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/bucket add night swimming");
        await _bot.SendAsync(alex, "/firsttime");

        await _bot.SendAsync(alex, "/firsttime done");

        var question = Assert.Single(_bot.OpenRound(alex)!.Questions);
        Assert.Equal(Copy.MemoryQuestion(null), question.Text);
        Assert.DoesNotContain("night swimming", question.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstTimeDone_WithAnotherRoundOpen_AsksToFinishItFirst()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/firsttime");
        await _bot.SendAsync(alex, "/question play");

        await _bot.SendAsync(alex, "/firsttime done");

        Assert.Equal(Copy.FirstTimeFinishOpenFirst("Alex"), _bot.LastTextTo(alex));
        Assert.Equal(FirstTimeState.Proposed, _bot.Store.FirstTimes.All.Single().State);
    }

    [Fact]
    public async Task FirstTime_AskedForNow_CountsAsTheMonths_AndTheNextComesAMonthLater()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 20, 18, 0, 0, TimeSpan.Zero));

        await _bot.SendAsync(alex, "/firsttime");

        Assert.Single(_bot.Store.FirstTimes.All);
        Assert.StartsWith("✨ Alex and Bea", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 4, 25, 10, 0, 0, TimeSpan.Zero), _bot.ActiveCouple(alex)!.NextFirstTimeAt);
        _bot.AdvanceTo(FirstProposal);
        Assert.Equal(0, (await SweepAsync()).Proposed);
    }

    [Fact]
    public async Task FirstTime_DuringCooldown_WaitsKindly()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 30m");

        await _bot.SendAsync(alex, "/firsttime");

        Assert.Equal(Copy.CooldownWaitToPlay("Alex", "Monday 2 March, 10:30"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.Store.FirstTimes.All);
    }

    [Fact]
    public async Task FirstTimeDone_WithNothingProposed_SaysSo()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/firsttime done");

        Assert.Equal(Copy.FirstTimeNothingToRemember("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task FirstTime_WithACurrentIdea_ShowsIt_AndUnknownWordsGetHelp()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/firsttime");
        var idea = _bot.Ideas.Find(_bot.Store.FirstTimes.All.Single().Ref)!;

        await _bot.SendAsync(bea, "/firsttime");
        var shown = _bot.LastTextTo(bea);
        await _bot.SendAsync(bea, "/firsttime tomorrow");

        Assert.Equal(Copy.FirstTimeCurrent("Bea", idea.Text, accepted: false), shown);
        Assert.Equal(Copy.FirstTimeHelp("Bea"), _bot.LastTextTo(bea));
        Assert.Single(_bot.Store.FirstTimes.All);
    }

    [Fact]
    public async Task FirstTimeButton_FromAnotherCouple_IsStale()
    {
        var (alex, _) = await _bot.CoupleAsync();
        var (cleo, _) = await _bot.CoupleAsync("Cleo", "Dan");
        await _bot.SendAsync(alex, "/firsttime");

        await _bot.PressAsync(cleo, Payload(_bot.PayloadsTo(alex), "y"));

        Assert.Equal(Copy.StaleButton("Cleo"), _bot.LastTextTo(cleo));
        Assert.Equal(FirstTimeState.Proposed, _bot.Store.FirstTimes.All.Single().State);
    }

    [Fact]
    public async Task Proposal_WithAHome_GoesToTheHomeGroup_WithItsButtons()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendInGroupAsync(alex, "/home");
        await _bot.PressInGroupAsync(bea, _bot.Messages.Last(m => m.To == CoreHarness.Group).Choices[0][0].Payload);
        _bot.ClearOutbox();
        _bot.AdvanceTo(FirstProposal);

        await SweepAsync();

        var posted = Assert.Single(_bot.Messages);
        Assert.Equal(CoreHarness.Group, posted.To);
        Assert.Equal(3, posted.Choices.SelectMany(r => r).Count());
    }

    [Fact]
    public void IdeasDeck_HasItsOwnOriginalIdeas_AndIsNotAQuestionDeck()
    {
        Assert.InRange(_bot.Ideas.Ideas.Count, 20, 40);
        Assert.DoesNotContain(_bot.Catalog.Decks, d => d.Id == FirstTimeIdeas.LedgerId);
        Assert.Null(_bot.Catalog.Find("first times"));
        Assert.All(_bot.Ideas.Ideas, i => Assert.InRange(i.Text.Length, 20, 200));
    }
}
