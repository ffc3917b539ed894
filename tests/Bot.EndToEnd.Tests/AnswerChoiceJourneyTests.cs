using Bot.Core.Application;
using Bot.EndToEnd.Tests.Fakes;

namespace Bot.EndToEnd.Tests;

public sealed class AnswerChoiceJourneyTests
{
    private static async Task<SentMessage> PressAsync(
        BotTestHost bot, FakeTelegramUser user, SentMessage message, string label, string replyFragment)
    {
        var before = bot.Telegram.SentTo(user.Id).Count;
        var button = message.Buttons.SelectMany(r => r).Single(b => b.Text == label);
        bot.Telegram.PressButton(user, message, button.CallbackData);
        return await bot.Telegram.WaitForMessageAsync(
            user.Id, m => m.Text.Contains(replyFragment, StringComparison.Ordinal), after: before);
    }

    private static async Task<SentMessage> SayAsync(BotTestHost bot, FakeTelegramUser user, string text, string replyFragment)
    {
        var before = bot.Telegram.SentTo(user.Id).Count;
        bot.Telegram.SendText(user, text);
        return await bot.Telegram.WaitForMessageAsync(
            user.Id, m => m.Text.Contains(replyFragment, StringComparison.Ordinal), after: before);
    }

    [Fact]
    public async Task PulseTaps_PrivateAnswer_AndAChangeBeforeTheReveal_ShowUpAsChosen()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam, (4, 2), (5, null));
        await Journeys.AnswerAllAsync(bot, alex, "alex-first-draft", "alex-private-two", "alex-three");

        var thirdQuestion = bot.Telegram.SentTo(alex.Id).Last(m => m.Text.Contains("(3/3)", StringComparison.Ordinal));
        await PressAsync(bot, alex, thirdQuestion, Copy.KeepPrivateLabel(2), "stays with you");
        var list = await SayAsync(bot, alex, "/answers", "Your answers so far");
        var ask = await PressAsync(bot, alex, list, Copy.RewriteLabel(1), "new words for answer 1");
        await SayAsync(bot, alex, "alex-one-better", "Changed");
        await bot.SettleAsync();
        var samBeforeReveal = bot.Telegram.SentTo(sam.Id);
        await Journeys.AnswerAllAsync(bot, sam, "sam-one", "sam-two", "sam-three");
        var reveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("sam-three", StringComparison.Ordinal));
        var history = await SayAsync(bot, sam, "/history", "Your journal");

        Assert.Contains("alex-private-two\n→ kept private", list.Text, StringComparison.Ordinal);
        Assert.Contains("alex-first-draft", ask.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(samBeforeReveal, m => m.Text.Contains("alex-", StringComparison.Ordinal));
        Assert.Contains("Felt loved — Alex 4/5 · Sam 5/5\nFelt heard — Alex 2/5 · Sam skipped", reveal.Text, StringComparison.Ordinal);
        Assert.Contains("Alex\nalex-one-better\nSam\nsam-one", reveal.Text, StringComparison.Ordinal);
        Assert.Contains($"{Copy.KeptToThemselves("Alex")}\nSam\nsam-two", reveal.Text, StringComparison.Ordinal);
        Assert.Contains(Copy.KeptToThemselves("Alex"), history.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Telegram.SentTo(sam.Id), m => m.Text.Contains("alex-private-two", StringComparison.Ordinal)
            || m.Text.Contains("alex-first-draft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HeldAnswer_IsSharedWithBothWhenTheClockReachesItsDay_AndOnlyOnce()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, "alex-one", "alex-two", "alex-held-three");

        var sealedMessage = bot.Telegram.SentTo(alex.Id)[^1];
        await PressAsync(bot, alex, sealedMessage, Copy.HoldLabel(3), "Until which day");
        var typo = await SayAsync(bot, alex, "2026-02-30", "couldn't read");
        var held = await SayAsync(bot, alex, "2026-03-07", "hold answer 3");
        await Journeys.AnswerAllAsync(bot, sam, "sam-one", "sam-two", "sam-three");
        var reveal = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("here are your answers", StringComparison.Ordinal));

        // The host's clock starts on Wednesday 4 March 2026; the couple's zone is UTC, so the answer opens at 09:00 UTC.
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 7, 8, 59, 0, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");
        var early = bot.Telegram.SentTo(sam.Id).Count(m => m.Text.Contains("alex-held-three", StringComparison.Ordinal));
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 7, 9, 0, 30, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        var forSam = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("alex-held-three", StringComparison.Ordinal));
        var forAlex = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("held an answer", StringComparison.Ordinal));
        await bot.SweepAsync();
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");

        Assert.Contains("2026-02-30", typo.Text, StringComparison.Ordinal);
        Assert.Contains("7 March 2026", held.Text, StringComparison.Ordinal);
        Assert.Contains(Copy.HoldingUntil("Alex", "7 March 2026"), reveal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alex-held-three", reveal.Text, StringComparison.Ordinal);
        Assert.Equal(0, early);
        Assert.Contains("Alex: alex-held-three", forSam.Text, StringComparison.Ordinal);
        Assert.Equal(forSam.Text, forAlex.Text);
        Assert.Single(bot.Telegram.SentTo(sam.Id), m => m.Text.Contains("alex-held-three", StringComparison.Ordinal));
    }
}
