namespace Bot.EndToEnd.Tests;

public sealed class CooldownJourneyTests
{
    [Fact]
    public async Task Cooldown_WithAHeldNote_EndsInABlindComeBack_AndTheNoteArrivesAtTheEnd()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        var alexBefore = bot.Telegram.SentTo(alex.Id).Count;
        var samBefore = bot.Telegram.SentTo(sam.Id).Count;

        // The couple's clock is UTC; the host starts at Wednesday 4 March 2026, 10:00.
        bot.Telegram.SendText(alex, "/cooldown 30m money talk");
        var confirmation = await bot.Telegram.WaitForMessageAsync(alex.Id, after: alexBefore);
        var told = await bot.Telegram.WaitForMessageAsync(sam.Id, after: samBefore);
        var samAfterTold = bot.Telegram.SentTo(sam.Id).Count;
        bot.Telegram.SendText(sam, "/question play");
        var wait = await bot.Telegram.WaitForMessageAsync(sam.Id, after: samAfterTold);
        bot.Telegram.SendText(sam, "/note I'm sorry I snapped");
        var held = await bot.Telegram.WaitForMessageAsync(sam.Id, after: samAfterTold + 1);
        var alexBeforeEnd = bot.Telegram.SentTo(alex.Id).Count;

        await bot.AdvanceAsync(TimeSpan.FromMinutes(29));
        await bot.SweepAsync();
        await bot.SettleAsync();
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");
        var duringPause = bot.Telegram.SentTo(alex.Id).Count - alexBeforeEnd;
        await bot.AdvanceAsync(TimeSpan.FromSeconds(80));
        await bot.SweepAsync();
        var note = await bot.Telegram.WaitForMessageAsync(
            alex.Id, m => m.Text.Contains("a note from Sam", StringComparison.Ordinal), after: alexBeforeEnd);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("(1/3)", StringComparison.Ordinal), after: alexBeforeEnd);
        var samFirst = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("(1/3)", StringComparison.Ordinal), after: samAfterTold);
        await Journeys.AnswerAllAsync(bot, alex, "unheard", "a pause", "let me finish my sentences");
        var samBeforeReveal = bot.Telegram.SentTo(sam.Id);
        await Journeys.AnswerAllAsync(bot, sam, "worried", "reassurance", "hold my hand when we talk money");
        var revealForAlex = await bot.Telegram.WaitForMessageAsync(
            alex.Id, m => m.Text.Contains("you both came back", StringComparison.Ordinal), after: alexBeforeEnd);
        var revealForSam = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("you both came back", StringComparison.Ordinal), after: samAfterTold);

        Assert.Contains("Wednesday 4 March, 10:30", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("\"money talk\"", told.Text, StringComparison.Ordinal);
        Assert.Contains("Alex asked for a little pause", told.Text, StringComparison.Ordinal);
        Assert.Contains("wait until the cool-down ends", wait.Text, StringComparison.Ordinal);
        Assert.Contains("when the cool-down ends", held.Text, StringComparison.Ordinal);
        Assert.Equal(0, duringPause);
        Assert.Equal("Alex, a note from Sam: I'm sorry I snapped 💌", note.Text);
        Assert.Contains("What did you feel", samFirst.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(samBeforeReveal, m => m.Text.Contains("unheard", StringComparison.Ordinal));
        foreach (var reveal in new[] { revealForAlex, revealForSam })
        {
            Assert.Contains("Alex\nlet me finish my sentences", reveal.Text, StringComparison.Ordinal);
            Assert.Contains("Sam\nhold my hand when we talk money", reveal.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Downtime_PastACooldownEndAndIntoTheCheckIn_OpensTheComeBackAndTheCheckInGivesWay()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.ReplyAsync(bot, alex, "/cooldown 1h");
        var alexBefore = bot.Telegram.SentTo(alex.Id).Count;

        // The bot is down from before the pause ends (Wednesday 11:00) until the check-in is due (Sunday 19:00 UTC).
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 8, 19, 0, 0, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("(1/3)", StringComparison.Ordinal), after: alexBefore);
        await bot.SettleAsync();
        await bot.WaitForDeliverableSentAsync();
        var texts = bot.Telegram.SentTo(alex.Id).Skip(alexBefore).Select(m => m.Text).ToArray();

        var only = Assert.Single(texts);
        Assert.Contains("What did you feel", only, StringComparison.Ordinal);
        Assert.Contains("What did you feel", bot.Telegram.SentTo(sam.Id)[^1].Text, StringComparison.Ordinal);
    }
}
