using Bot.Testing.Discord;

namespace Bot.EndToEnd.Tests;

/// <summary>A quiz played by a couple split across Telegram and Discord: blind until both finished, then revealed to both.</summary>
public sealed class QuizJourneyTests
{
    private const int Items = 5;

    [Fact]
    public async Task QuizAcrossTelegramAndDiscord_StaysBlindUntilBothFinished_ThenRevealsToBoth()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: true, discord: true);
        var discord = bot.Discord!;
        var (alex, dana) = await Journeys.PairedAcrossAsync(bot);

        var start = await discord.InvokeSlashCommandAsync(dana, "quiz", new Dictionary<string, object> { ["quiz"] = "weekend" });
        await discord.WaitForInteractionAsync(start.Id, r => r.Original?.Content.Contains("(1/5) About you", StringComparison.Ordinal) == true);
        await PlayOnDiscordAsync(discord, dana, own: 1, guess: 2);
        await Journeys.DmAsync(discord, dana, "as soon as Alex has finished");

        Assert.DoesNotContain(bot.Telegram.SentTo(alex.Id), m => m.Text.Contains("here are your answers", StringComparison.Ordinal));
        Assert.DoesNotContain(discord.MessagesIn(dana.DmChannelId), m => m.Content.Contains("here are your answers", StringComparison.Ordinal));
        await PlayOnTelegramAsync(bot, alex, own: 2, guess: 1);

        var onTelegram = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("here are your answers", StringComparison.Ordinal));
        var onDiscord = await Journeys.DmAsync(discord, dana, "here are your answers");
        foreach (var reveal in new[] { onTelegram.Text, onDiscord.Content })
        {
            Assert.Contains("Together you knew 10 of 10 of each other's answers", reveal, StringComparison.Ordinal);
            Assert.Contains("• Dana: sleep in as long as I can (Alex guessed it ✓)", reveal, StringComparison.Ordinal);
        }
    }

    /// <summary>Answers every item on Telegram: own answer, then the guess, waiting for each prompt.</summary>
    private static async Task PlayOnTelegramAsync(BotTestHost bot, Fakes.FakeTelegramUser user, int own, int guess)
    {
        for (var item = 1; item <= Items; item++)
        {
            foreach (var (fragment, option) in new[] { ($"({item}/{Items}) About you", own), ($"({item}/{Items}) And now guess", guess) })
            {
                var prompt = await bot.Telegram.WaitForMessageAsync(user.Id, m => m.Text.Contains(fragment, StringComparison.Ordinal));
                bot.Telegram.PressButton(user, prompt, prompt.Buttons.SelectMany(r => r).ElementAt(option - 1).CallbackData);
            }
        }

        await bot.Telegram.WaitForMessageAsync(user.Id, m => m.Text.Contains("you've both finished", StringComparison.Ordinal));
    }

    /// <summary>Answers every item in Discord DMs by clicking the buttons, waiting for each prompt.</summary>
    private static async Task PlayOnDiscordAsync(FakeDiscordServer discord, FakeDiscordUser user, int own, int guess)
    {
        for (var item = 1; item <= Items; item++)
        {
            foreach (var (fragment, option) in new[] { ($"({item}/{Items}) About you", own), ($"({item}/{Items}) And now guess", guess) })
            {
                var prompt = await Journeys.DmAsync(discord, user, fragment);
                await discord.ClickButtonAsync(user, prompt, prompt.Buttons[option - 1].CustomId);
            }
        }
    }
}
