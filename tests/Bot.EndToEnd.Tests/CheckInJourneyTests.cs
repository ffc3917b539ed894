using System.Diagnostics;

namespace Bot.EndToEnd.Tests;

public sealed class CheckInJourneyTests
{
    [Fact]
    public async Task Pairing_NewCouple_BothAreWelcomedAndPaired()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        var sam = bot.User(1002, "Sam");

        bot.Telegram.SendText(alex, "/start");
        var welcome = await bot.Telegram.WaitForMessageAsync(alex.Id);
        await Journeys.PairAsync(bot, alex, sam);

        Assert.Contains("Hi Alex", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("/pair", welcome.Text, StringComparison.Ordinal);
        Assert.Contains(bot.Telegram.SentTo(sam.Id), m => m.Text.Contains("You and Alex are paired, Sam", StringComparison.Ordinal));
        Assert.Contains(bot.Telegram.SentTo(alex.Id), m => m.Text.Contains("You and Sam are paired, Alex", StringComparison.Ordinal));
        Assert.Contains(bot.Telegram.RegisteredCommands, set => set.Any(c => c.Command == "checkin"));
    }

    [Fact]
    public async Task CheckIn_BothAnswer_RevealComesOnlyAfterBoth()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);

        await Journeys.OpenCheckInAsync(bot, alex, sam);
        var firstForSam = bot.Telegram.SentTo(sam.Id).First(m => m.Text.Contains("(1/3)", StringComparison.Ordinal));
        await Journeys.AnswerAllAsync(bot, alex, "alex-secret-one", "alex-secret-two", "alex-secret-three");
        await bot.SettleAsync();
        var samBeforeReveal = bot.Telegram.SentTo(sam.Id);
        await Journeys.AnswerAllAsync(bot, sam, "sam-one", "sam-two", "sam-three");
        var revealForAlex = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("sam-three", StringComparison.Ordinal));
        var revealForSam = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("alex-secret-three", StringComparison.Ordinal));

        Assert.Contains(firstForSam.Buttons.SelectMany(r => r), b => b.Text == "Skip this one");
        Assert.DoesNotContain(samBeforeReveal, m => m.Text.Contains("alex-secret", StringComparison.Ordinal));
        Assert.Contains(bot.Telegram.SentTo(alex.Id), m => m.Text.Contains("Your answers are sealed", StringComparison.Ordinal));
        foreach (var reveal in new[] { revealForAlex, revealForSam })
        {
            Assert.Contains("Alex\nalex-secret-one", reveal.Text, StringComparison.Ordinal);
            Assert.Contains("Sam\nsam-one", reveal.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EditingAnAnswerBeforeTheReveal_ChangesWhatBothSee()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);

        var before = bot.Telegram.SentTo(alex.Id).Count;
        var typo = bot.Telegram.SendText(alex, "alex-frist");
        await bot.Telegram.WaitForMessageAsync(alex.Id, after: before);
        await Journeys.AnswerAllAsync(bot, alex, "alex-two", "alex-three");
        before = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.EditText(alex, typo, "alex-first");
        var changed = await bot.Telegram.WaitForMessageAsync(alex.Id, after: before);
        await Journeys.AnswerAllAsync(bot, sam, "sam-one", "sam-two", "sam-three");
        var reveal = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("alex-three", StringComparison.Ordinal));

        Assert.StartsWith("Changed, Alex", changed.Text, StringComparison.Ordinal);
        Assert.Contains("Alex\nalex-first", reveal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("frist", reveal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_InTheMiddleOfARound_LosesNothing()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, "before-restart");
        await bot.SettleAsync();

        await bot.StopAsync();
        bot.Telegram.SendText(sam, "sam-while-down");
        await bot.RestartAsync();
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("(2/3)", StringComparison.Ordinal));
        await Journeys.AnswerAllAsync(bot, alex, "alex-two", "alex-three");
        await Journeys.AnswerAllAsync(bot, sam, "sam-two", "sam-three");
        var reveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("here are your answers", StringComparison.Ordinal));

        Assert.Contains("Alex\nbefore-restart", reveal.Text, StringComparison.Ordinal);
        Assert.Contains("Sam\nsam-while-down", reveal.Text, StringComparison.Ordinal);
        Assert.Contains("Sam\nsam-three", reveal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterIsHonouredByOnePause()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        bot.Telegram.FailNextSend(429, retryAfter: 2);
        var clock = Stopwatch.StartNew();

        bot.Telegram.SendText(alex, "/start");
        var welcome = await bot.Telegram.WaitForMessageAsync(alex.Id, timeout: TimeSpan.FromSeconds(15));

        Assert.Contains("Hi Alex", welcome.Text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"Delivered after {clock.Elapsed}, before retry_after ran out.");
        Assert.Equal(2, bot.Telegram.SendMessageAttempts);
    }

    [Fact]
    public async Task ScheduledCheckIn_FiresAtLocalTime_NudgesOnce_ThenExpiresWithoutReveal()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        bot.Telegram.SendText(alex, "/timezone Europe/Berlin");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Europe/Berlin", StringComparison.Ordinal));
        await bot.SettleAsync();

        // Sunday 8 March 2026, 19:00 in Berlin is 18:00 UTC.
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 8, 17, 59, 0, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        var earlyCount = bot.Telegram.SentTo(sam.Id).Count(m => m.Text.Contains("(1/3)", StringComparison.Ordinal));
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 8, 18, 0, 30, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("check-in time", StringComparison.Ordinal));
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("check-in time", StringComparison.Ordinal));
        await Journeys.PulseAsync(bot, alex, (3, 3));
        await Journeys.AnswerAllAsync(bot, alex, "a1", "a2", "a3");
        await bot.SettleAsync();

        await bot.AdvanceAsync(TimeSpan.FromHours(25));
        await bot.SweepAsync();
        await bot.SweepAsync();
        var nudge = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("gentle nudge", StringComparison.Ordinal));
        await bot.AdvanceAsync(TimeSpan.FromDays(5));
        await bot.SweepAsync();
        var closedForSam = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("nothing was shared", StringComparison.Ordinal));
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("nothing was shared", StringComparison.Ordinal));

        Assert.Equal(0, earlyCount);
        Assert.Equal(1, bot.Telegram.SentTo(sam.Id).Count(m => m.Text.Contains("gentle nudge", StringComparison.Ordinal)));
        Assert.DoesNotContain(bot.Telegram.SentTo(alex.Id), m => m.Text.Contains("gentle nudge", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Telegram.SentTo(sam.Id), m => m.Text.Contains("a1", StringComparison.Ordinal));
        Assert.Contains("Sam", nudge.Text, StringComparison.Ordinal);
        Assert.Contains("Sam", closedForSam.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredRitualQuestions_AreAskedInOrder()
    {
        await using var bot = await BotTestHost.StartAsync(new()
        {
            ["CheckIn:Questions:0"] = "What made you smile this week?",
            ["CheckIn:Questions:1"] = "What would you like more of?",
        });
        var (alex, sam) = await Journeys.PairedAsync(bot);

        bot.Telegram.SendText(alex, "/checkin");
        await Journeys.PulseAsync(bot, alex, (5, null));
        var first = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("(1/2)", StringComparison.Ordinal));
        await Journeys.AnswerAllAsync(bot, alex, "the sunset");
        var second = bot.Telegram.SentTo(alex.Id)[^1];

        Assert.Contains("(1/2) What made you smile this week?", first.Text, StringComparison.Ordinal);
        Assert.Contains("(2/2) What would you like more of?", second.Text, StringComparison.Ordinal);
    }
}
