using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class JournalTests
{
    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task History_WithNothingRevealed_SaysTheJournalIsEmpty()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/history");

        Assert.Equal(Copy.HistoryEmpty("Alex"), _bot.LastTextTo(alex));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("2.5")]
    [InlineData("3 4")]
    public async Task History_WithBadCount_RepliesWithHelp(string count)
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, $"/history {count}");

        Assert.Equal(Copy.HistoryHelp("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task History_ShowsOnlyRevealedRoundsWithBothAnswers()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "shared-A1", "shared-A2", "shared-A3");
        await _bot.AnswerAsync(bea, "shared-B1", "shared-B2", "shared-B3");
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "expired-A1");
        _bot.Advance(_bot.Options.ExpireAfter);
        await _bot.SweepAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(bea, "open-B1", "open-B2", "open-B3");
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/history");

        var reply = Assert.Single(_bot.Messages);
        Assert.StartsWith("Your journal, the last 1 check-in, newest first:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("— 2 March 2026 —", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Alex: shared-A2\nBea: shared-B2", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("expired-", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("open-", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_WithCount_ShowsThatManyNewestFirst()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        foreach (var week in new[] { "w1", "w2", "w3", "w4" })
        {
            await _bot.SendAsync(alex, "/checkin");
            await _bot.AnswerAsync(alex, $"{week}-a", $"{week}-a", $"{week}-a");
            await _bot.AnswerAsync(bea, $"{week}-b", $"{week}-b", $"{week}-b");
            _bot.Advance(TimeSpan.FromDays(7));
        }

        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/history 2");
        var two = _bot.LastTextTo(alex);
        await _bot.SendAsync(alex, "/history");
        var byDefault = _bot.LastTextTo(alex);

        Assert.StartsWith("Your journal, the last 2 check-ins", two, StringComparison.Ordinal);
        Assert.True(two.IndexOf("w4-a", StringComparison.Ordinal) < two.IndexOf("w3-a", StringComparison.Ordinal));
        Assert.DoesNotContain("w2-", two, StringComparison.Ordinal);
        Assert.Contains("w2-b", byDefault, StringComparison.Ordinal);
        Assert.DoesNotContain("w1-", byDefault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WithOpenRound_ShowsCountsButNeverAnswers()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "hidden-1", "hidden-2", "hidden-3");
        await _bot.AnswerAsync(bea, "hidden-4");
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/status");

        var reply = Assert.Single(_bot.Messages).Text;
        Assert.StartsWith("Bea, you're paired with Alex.", reply, StringComparison.Ordinal);
        Assert.Contains("Open check-in: you 1 of 3 answered, Alex done.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WithNothingOpen_SaysSoAndShowsTheSchedule()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/status");

        var reply = _bot.LastTextTo(alex);
        Assert.Contains("Next one: Sunday 8 March, 19:00.", reply, StringComparison.Ordinal);
        Assert.EndsWith("No check-in is open right now.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_DuringAPause_NamesTheFirstCheckInAfterIt()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/pause 2w");

        await _bot.SendAsync(alex, "/status");
        var status = _bot.LastTextTo(alex);
        await _bot.SendAsync(alex, "/schedule");
        var schedule = _bot.LastTextTo(alex);

        Assert.Contains("Next one: Sunday 22 March, 19:00.", status, StringComparison.Ordinal);
        Assert.Contains("paused until Monday 16 March", status, StringComparison.Ordinal);
        Assert.Contains("Next one: Sunday 22 March, 19:00.", schedule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/history")]
    [InlineData("/trend")]
    [InlineData("/bucket")]
    [InlineData("/cooldown")]
    [InlineData("/cooldown 30m money talk")]
    [InlineData("/timezone")]
    [InlineData("/firsttime")]
    public async Task CoupleData_InAGroupThatIsNotHome_IsRefused(string line)
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendInGroupAsync(alex, line);

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal(CoreHarness.Group, reply.To);
        Assert.Equal(Copy.PrivateOrHomeOnly("Alex"), reply.Text);
    }

    [Fact]
    public async Task CoupleData_InAGroupWhereTheReplyIsSeenOnlyByTheAsker_IsShown()
    {
        var (alex, _) = await _bot.CoupleAsync();
        var onlyAlexSees = new ChatAddress(Platform.Discord, "ixe:1:token");
        _bot.ClearOutbox();

        await _bot.HandleAsync(new CommandReceived(alex.User, alex.Name, CoreHarness.Group, false, "bucket", "")
        {
            ReplyTo = onlyAlexSees,
        });

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal(onlyAlexSees, reply.To);
        Assert.NotEqual(Copy.PrivateOrHomeOnly("Alex"), reply.Text);
    }

    [Fact]
    public async Task BucketList_ShownInTheHome_WaitsForTheCheckThatOnlyTheCoupleReadsIt()
    {
        var (alex, _) = await _bot.CoupleAsync();
        var couple = _bot.ActiveCouple(alex)!;
        await _bot.Store.Couples.UpdateAsync(couple with { Home = CoreHarness.Group }, CancellationToken.None);
        _bot.ClearOutbox();

        await _bot.SendInGroupAsync(alex, "/bucket");

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal(CoreHarness.Group, reply.To);
        Assert.Equal(couple.Id, reply.HomeOf);
    }
}
