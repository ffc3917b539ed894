using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Testing.Fakes;

namespace Bot.Core.Tests;

public sealed class PulseTests
{
    private readonly CoreHarness _bot = new();

    private Round Round => _bot.Store.Rounds.All[^1];

    /// <summary>One weekly check-in, pulse tapped and answered by both, then the clock moves a week on.</summary>
    private async Task WeekAsync(TestUser alex, TestUser bea, (int? Loved, int? Heard) a, (int? Loved, int? Heard) b)
    {
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, a.Loved, a.Heard);
        await _bot.PulseAsync(bea, b.Loved, b.Heard);
        await _bot.AnswerAsync(alex, "1", "2", "3");
        await _bot.AnswerAsync(bea, "1", "2", "3");
        _bot.Advance(TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task PulseTaps_AreAskedOneScaleAtATime_WithFiveValuesAndSkip_ThenTheQuestions()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        var first = _bot.LastMessageTo(alex);

        await _bot.PressAsync(alex, $"pulse:{Round.Id}:1:4");
        var second = _bot.LastMessageTo(alex);
        await _bot.PressAsync(alex, $"pulse:{Round.Id}:2:0");

        Assert.Equal(
            [["1", "2", "3", "4", "5"], [Copy.PulseSkipLabel]],
            first.Choices.Select(row => row.Select(c => c.Label).ToList()).ToList());
        Assert.Equal($"pulse:{Round.Id}:1:5", first.Choices[0][4].Payload);
        Assert.Equal($"{Copy.PulseNoted("Alex")}\n\n{Copy.PulseQuestion(PulseScale.Heard)}", second.Text);
        Assert.StartsWith(Copy.PulseDone("Alex"), _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Contains($"(1/3) {Round.Questions[0].Text}", _bot.LastTextTo(alex), StringComparison.Ordinal);
        var id = _bot.Stored(alex).Id;
        Assert.Equal(
            [(PulseScale.Loved, (int?)4), (PulseScale.Heard, null)],
            _bot.Store.Pulses.All.Where(e => e.PersonId == id).Select(e => (e.Scale, e.Value)));
    }

    [Fact]
    public async Task Reveal_ShowsBothPartnersPulse_AndNothingOfItReachesThePartnerBefore()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, 4, 2);
        await _bot.AnswerAsync(alex, "a", "b", "c");
        var beforeReveal = _bot.TextsTo(bea);
        await _bot.PulseAsync(bea, 5, null);

        await _bot.AnswerAsync(bea, "d", "e", "f");

        Assert.All(beforeReveal, text => Assert.DoesNotContain("/5", text, StringComparison.Ordinal));
        var reveal = _bot.LastTextTo(bea);
        Assert.Contains("Felt loved — Alex 4/5 · Bea 5/5\nFelt heard — Alex 2/5 · Bea skipped\n", reveal,
            StringComparison.Ordinal);
        Assert.Equal(reveal, _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Text_BeforeThePulseIsTapped_IsNotTakenAsAnAnswer_AndTheScaleIsAskedAgain()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");

        await _bot.TextAsync(alex, "my answer");

        Assert.Equal($"{Copy.PulseFirst("Alex")}\n\n{Copy.PulseQuestion(PulseScale.Loved)}", _bot.LastTextTo(alex));
        Assert.Empty(Round.Answers);
        Assert.Empty(_bot.Store.Pulses.All);
    }

    [Fact]
    public async Task SkipCommand_DuringThePulse_SkipsTheCurrentScale()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");

        await _bot.SendAsync(alex, "/skip");

        var entry = Assert.Single(_bot.Store.Pulses.All);
        Assert.Equal((PulseScale.Loved, (int?)null), (entry.Scale, entry.Value));
        Assert.EndsWith(Copy.PulseQuestion(PulseScale.Heard), _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Empty(Round.Answers);
    }

    [Fact]
    public async Task PulseButton_TappedTwice_OrFromAnEarlierRound_GetsTheStaleReply()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        var earlier = $"pulse:{Round.Id}:1:3";
        await _bot.PressAsync(alex, earlier);

        await _bot.PressAsync(alex, earlier);
        var twice = _bot.LastTextTo(alex);
        await _bot.Store.Rounds.CloseAsync(Round.Id, RoundState.Cancelled, _bot.Clock.GetUtcNow(), default);
        await _bot.SendAsync(bea, "/checkin");
        await _bot.PressAsync(bea, $"pulse:{Round.Id - 1}:1:3");

        Assert.Equal(Copy.QuestionGone("Alex"), twice);
        Assert.Equal(Copy.QuestionGone("Bea"), _bot.LastTextTo(bea));
        Assert.Equal([(int?)3], _bot.Store.Pulses.All.Select(e => e.Value));
    }

    [Theory]
    [InlineData("pulse:")]
    [InlineData("pulse:x:1:3")]
    [InlineData("pulse:{0}:3:3")]
    [InlineData("pulse:{0}:1:6")]
    [InlineData("pulse:{0}:1")]
    [InlineData("pulse:{0}:2:3")]
    public async Task MalformedOrOutOfOrderPulseButtons_GetTheStaleReply(string pattern)
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");

        await _bot.PressAsync(alex, string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Round.Id));

        Assert.Equal(Copy.QuestionGone("Alex"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.Store.Pulses.All);
    }

    [Fact]
    public async Task DeckQuestion_AsksNoPulse()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/question play");

        Assert.Contains(Round.Questions[0].Text, _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.PayloadsTo(alex), p => p.StartsWith("pulse:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminder_ForSomeoneWhoHasNotTappedYet_AsksThePulseAgain()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        _bot.Advance(_bot.Options.RemindAfter);

        await _bot.SweepAsync();

        Assert.Equal($"{Copy.Reminder("Alex", "Bea")}\n\n{Copy.PulseQuestion(PulseScale.Loved)}", _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Trend_WithFewerThanTwoWeeks_RepliesKindlyWithoutAChart()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await WeekAsync(alex, bea, (4, 4), (5, 3));

        await _bot.SendAsync(alex, "/trend");

        Assert.Equal(Copy.TrendTooLittle("Alex", 1), _bot.LastTextTo(alex));
        Assert.Null(_bot.LastMessageTo(alex).Attachment);
        Assert.Empty(_bot.Chart.Drawn);
    }

    [Fact]
    public async Task Trend_SendsAChartOfBothPartnersPulse_WithACaption()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await WeekAsync(alex, bea, (4, 3), (5, null));
        await WeekAsync(alex, bea, (2, 2), (null, null));
        _bot.Advance(TimeSpan.FromDays(7));
        await WeekAsync(alex, bea, (5, 4), (4, 4));

        await _bot.SendAsync(bea, "/trend");

        var message = _bot.LastMessageTo(bea);
        Assert.Equal(Copy.TrendCaption("Alex", "Bea", PulseTrendService.DefaultWeeks), message.Text);
        var attachment = Assert.IsType<Attachment>(message.Attachment);
        Assert.Equal((AttachmentKind.Photo, "image/png"), (attachment.Kind, attachment.ContentType));
        Assert.Equal(FakePulseChart.Image, attachment.Content.ToArray());
        var trend = Assert.Single(_bot.Chart.Drawn);
        Assert.Equal(12, trend.Weeks.Count);
        Assert.Equal(3, trend.WeeksWithData);
        var alexLoved = trend.Series.Single(s => s.PersonName == "Alex" && s.Scale == PulseScale.Loved);
        Assert.Equal([4.0, 2.0, null, 5.0, null], alexLoved.Values.TakeLast(5));
        var beaHeard = trend.Series.Single(s => s.PersonName == "Bea" && s.Scale == PulseScale.Heard);
        Assert.Equal([null, null, null, 4.0, null], beaHeard.Values.TakeLast(5));
    }

    [Fact]
    public async Task Trend_CountsOnlyRevealedCheckIns()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await WeekAsync(alex, bea, (4, 4), (4, 4));
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, 1, 1);
        await _bot.PulseAsync(bea, 1, 1);
        _bot.Advance(_bot.Options.ExpireAfter);
        await _bot.SweepAsync();

        await _bot.SendAsync(alex, "/trend");

        Assert.Equal(Copy.TrendTooLittle("Alex", 1), _bot.LastTextTo(alex));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("53")]
    [InlineData("lots")]
    public async Task Trend_WithAnUnreadableNumberOfWeeks_ExplainsTheCommand(string arguments)
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, $"/trend {arguments}");

        Assert.Equal(Copy.TrendHelp("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Trend_InAGroupThatIsNotHome_IsRefused()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendInGroupAsync(alex, "/trend");

        Assert.Equal(Copy.PrivateOrHomeOnly("Alex"), _bot.Messages[^1].Text);
    }

    [Fact]
    public async Task Forget_DeletesThePersonsPulse()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await WeekAsync(alex, bea, (4, 4), (5, 5));

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");

        Assert.All(_bot.Store.Pulses.All, e => Assert.Equal(_bot.Stored(bea).Id, e.PersonId));
        Assert.Equal(2, _bot.Store.Pulses.All.Count);
    }
}
