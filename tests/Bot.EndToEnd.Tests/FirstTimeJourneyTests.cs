namespace Bot.EndToEnd.Tests;

public sealed class FirstTimeJourneyTests
{
    [Fact]
    public async Task MonthlyFirstTime_FromTheBucketList_WeDidIt_MemoriesLandInTheJournal()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        bot.Telegram.SendText(sam, "/bucket add learn to tango");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("learn to tango", StringComparison.Ordinal));
        var alexBefore = bot.Telegram.SentTo(alex.Id).Count;
        var samBefore = bot.Telegram.SentTo(sam.Id).Count;

        // Paired on Wednesday 4 March 2026: the first idea comes on Saturday 4 April, 10:00 on their (UTC) clock.
        await bot.AdvanceAsync(new DateTimeOffset(2026, 4, 4, 10, 0, 20, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        var proposal = await bot.Telegram.WaitForMessageAsync(
            alex.Id, m => m.Text.Contains("this month's first time", StringComparison.Ordinal), after: alexBefore);
        await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("this month's first time", StringComparison.Ordinal), after: samBefore);
        bot.Telegram.PressButton(alex, proposal, proposal.Buttons[0][0].CallbackData);
        await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("Alex is in!", StringComparison.Ordinal), after: samBefore);
        var samBeforeFollowUp = bot.Telegram.SentTo(sam.Id).Count;
        await bot.AdvanceAsync(TimeSpan.FromDays(7));
        await bot.SweepAsync();
        var followUp = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("did you get to try it?", StringComparison.Ordinal), after: samBeforeFollowUp);
        bot.Telegram.PressButton(sam, followUp, followUp.Buttons[0][0].CallbackData);
        var question = await bot.Telegram.WaitForMessageAsync(
            alex.Id, m => m.Text.Contains("in one line", StringComparison.Ordinal), after: alexBefore);
        await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("in one line", StringComparison.Ordinal), after: samBeforeFollowUp);
        await Journeys.AnswerAllAsync(bot, alex, "you stepped on my toes and laughed");
        await Journeys.AnswerAllAsync(bot, sam, "the tiny studio with the squeaky floor");
        await bot.Telegram.WaitForMessageAsync(
            alex.Id, m => m.Text.Contains("a first time for your journal", StringComparison.Ordinal), after: alexBefore);
        var beforeHistory = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendText(alex, "/history 1");
        var history = await bot.Telegram.WaitForMessageAsync(alex.Id, after: beforeHistory);

        Assert.Contains("learn to tango", proposal.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["We'll try it", "Another idea", "Not this month"],
            proposal.Buttons.SelectMany(row => row).Select(b => b.Text));
        Assert.Contains("learn to tango", followUp.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("learn to tango", question.Text, StringComparison.Ordinal);
        Assert.Contains("Alex: you stepped on my toes and laughed", history.Text, StringComparison.Ordinal);
        Assert.Contains("Sam: the tiny studio with the squeaky floor", history.Text, StringComparison.Ordinal);
    }
}
