namespace Bot.EndToEnd.Tests;

public sealed class LoveNoteJourneyTests
{
    [Fact]
    public async Task NoteAtATime_ReachesThePartnerOnlyAfterTheSweepAtThatTime()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        var sam = bot.User(1002, "Sam");
        await Journeys.PairAsync(bot, alex, sam);
        var before = bot.Telegram.SentTo(alex.Id).Count;

        // The couple's clock is UTC here; the host starts at Wednesday 4 March 2026, 10:00.
        bot.Telegram.SendText(alex, "/note can't wait to see you tonight at 18:00");
        var confirmation = await bot.Telegram.WaitForMessageAsync(alex.Id, after: before);
        var samBefore = bot.Telegram.SentTo(sam.Id).Count;
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 4, 17, 59, 0, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");
        var early = bot.Telegram.SentTo(sam.Id).Count - samBefore;
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 4, 18, 0, 20, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        var note = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("a note from Alex", StringComparison.Ordinal), after: samBefore);
        await bot.SweepAsync();
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");

        Assert.Contains("Wednesday 4 March, 18:00", confirmation.Text, StringComparison.Ordinal);
        Assert.Equal(0, early);
        Assert.Equal("Sam, a note from Alex: can't wait to see you tonight 💌", note.Text);
        Assert.Single(bot.Telegram.SentTo(sam.Id).Skip(samBefore));
    }
}
