using System.Text.RegularExpressions;
using Bot.EndToEnd.Tests.Fakes;

namespace Bot.EndToEnd.Tests;

/// <summary>Small steps most journeys share.</summary>
internal static partial class Journeys
{
    /// <summary>Alex and Sam, both on Telegram, paired with each other.</summary>
    public static async Task<(FakeTelegramUser Alex, FakeTelegramUser Sam)> PairedAsync(BotTestHost bot)
    {
        var alex = bot.User(1001, "Alex");
        var sam = bot.User(1002, "Sam");
        await PairAsync(bot, alex, sam);
        return (alex, sam);
    }

    public static async Task<string> PairAsync(BotTestHost bot, FakeTelegramUser owner, FakeTelegramUser joiner)
    {
        var before = bot.Telegram.SentTo(owner.Id).Count;
        bot.Telegram.SendText(owner, "/pair");
        var invite = await bot.Telegram.WaitForMessageAsync(owner.Id, m => m.Text.Contains("/join ", StringComparison.Ordinal), after: before);
        var join = JoinLine().Match(invite.Text).Value;

        var joinerBefore = bot.Telegram.SentTo(joiner.Id).Count;
        bot.Telegram.SendText(joiner, join);
        await bot.Telegram.WaitForMessageAsync(joiner.Id, m => m.Text.Contains("paired", StringComparison.Ordinal), after: joinerBefore);
        await bot.Telegram.WaitForMessageAsync(owner.Id, m => m.Text.Contains("paired", StringComparison.Ordinal), after: before + 1);
        return join;
    }

    /// <summary>Starts a check-in with /checkin and waits until both partners have their first question.</summary>
    public static async Task OpenCheckInAsync(BotTestHost bot, FakeTelegramUser starter, FakeTelegramUser partner)
    {
        bot.Telegram.SendText(starter, "/checkin");
        await bot.Telegram.WaitForMessageAsync(starter.Id, m => m.Text.Contains("(1/", StringComparison.Ordinal));
        await bot.Telegram.WaitForMessageAsync(partner.Id, m => m.Text.Contains("(1/", StringComparison.Ordinal));
    }

    /// <summary>Answers the open check-in's questions one by one, waiting for each next prompt.</summary>
    public static async Task AnswerAllAsync(BotTestHost bot, FakeTelegramUser user, params string[] answers)
    {
        foreach (var answer in answers)
        {
            var before = bot.Telegram.SentTo(user.Id).Count;
            bot.Telegram.SendText(user, answer);
            await bot.Telegram.WaitForMessageAsync(user.Id, after: before);
        }
    }

    [GeneratedRegex(@"/join [A-Z0-9]{5}-[A-Z0-9]{5}")]
    public static partial Regex JoinLine();
}
