using Bot.EndToEnd.Tests.Fakes;

namespace Bot.EndToEnd.Tests;

/// <summary>A couple's home group: words go there only while it is theirs alone, and a home that breaks loses nothing.</summary>
public sealed class HomeJourneyTests
{
    private const long Group = -5001;

    [Fact]
    public async Task Reveal_AfterSomeoneElseJoinedTheHome_GoesToEachPrivatelyAndTheHomeHearsNoWords()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await HomeAsync(bot);
        var robin = bot.User(1003, "Robin");

        bot.Telegram.JoinGroup(robin, Group);
        var alexWarned = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("someone else joined", StringComparison.Ordinal));
        await RevealAsync(bot, alex, sam);
        var alexReveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("h-s3", StringComparison.Ordinal));
        var samReveal = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("h-a3", StringComparison.Ordinal));
        var notice = await bot.Telegram.WaitForMessageAsync(Group, m => m.Text.Contains("waiting in your private chats", StringComparison.Ordinal));
        await bot.WaitForDeliverableSentAsync();

        Assert.Contains("just the two of you there again", alexWarned.Text, StringComparison.Ordinal);
        Assert.Contains("Alex\nh-a1", alexReveal.Text, StringComparison.Ordinal);
        Assert.Contains("Sam\nh-s1", samReveal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("h-a1", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Telegram.SentTo(Group), m => m.Text.Contains("h-a1", StringComparison.Ordinal) || m.Text.Contains("h-s1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reveal_AfterAPartnerLeftTheHome_GoesToEachPrivately()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await HomeAsync(bot);

        bot.Telegram.LeaveGroup(sam, Group);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Sam left your home group", StringComparison.Ordinal));
        await RevealAsync(bot, alex, sam);
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("h-a3", StringComparison.Ordinal));
        await bot.Telegram.WaitForMessageAsync(Group, m => m.Text.Contains("waiting in your private chats", StringComparison.Ordinal));
        await bot.WaitForDeliverableSentAsync();

        Assert.DoesNotContain(bot.Telegram.SentTo(Group), m => m.Text.Contains("h-a1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_UpgradedToASupergroup_IsFollowedAndGetsTheReveal()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await HomeAsync(bot);
        const long supergroup = -1001234567890;

        bot.Telegram.MigrateGroup(alex, Group, supergroup);
        await bot.SettleAsync();
        await RevealAsync(bot, alex, sam);
        var reveal = await bot.Telegram.WaitForMessageAsync(supergroup, m => m.Text.Contains("h-s3", StringComparison.Ordinal));

        Assert.Contains("Alex\nh-a1", reveal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_UpgradedWithoutTheBotHearingOfIt_IsFollowedWhenItPostsThere()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await HomeAsync(bot);
        const long supergroup = -1001234567891;

        bot.Telegram.MigrateGroup(alex, Group, supergroup, announced: false);
        await RevealAsync(bot, alex, sam);
        var reveal = await bot.Telegram.WaitForMessageAsync(supergroup, m => m.Text.Contains("h-s3", StringComparison.Ordinal));

        Assert.Contains("Alex\nh-a1", reveal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Telegram.SentTo(alex.Id), m => m.Text.Contains("can't post in your home group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_RemovingTheBot_TellsBothPrivatelyAndTheRevealComesPrivately()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await HomeAsync(bot);

        bot.Telegram.RemoveBotFromGroup(alex, Group);
        var samTold = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("can't post in your home group", StringComparison.Ordinal));
        await RevealAsync(bot, alex, sam);
        var alexReveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("h-s3", StringComparison.Ordinal));

        Assert.Contains("Nothing was lost", samTold.Text, StringComparison.Ordinal);
        Assert.Contains("Sam\nh-s1", alexReveal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_RefusingTheReveal_FallsBackToPrivateChatsWithoutLosingIt()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await HomeAsync(bot);

        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, "h-a1", "h-a2", "h-a3");
        await Journeys.AnswerAllAsync(bot, sam, "h-s1", "h-s2");
        await bot.WaitForDeliverableSentAsync();
        bot.Telegram.FailNextSend(400, "Bad Request: not enough rights to send text messages to the chat", chatId: Group);
        bot.Telegram.SendText(sam, "h-s3");
        var alexTold = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("can't post in your home group", StringComparison.Ordinal));
        var alexReveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("h-s3", StringComparison.Ordinal));
        var samReveal = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("h-a3", StringComparison.Ordinal));

        Assert.Contains("Sam\nh-s1", alexReveal.Text, StringComparison.Ordinal);
        Assert.Contains("Alex\nh-a1", samReveal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Telegram.SentTo(Group), m => m.Text.Contains("h-a1", StringComparison.Ordinal));
        Assert.Contains("Nothing was lost", alexTold.Text, StringComparison.Ordinal);
    }

    /// <summary>Alex and Sam, paired, with the group of the two of them as their home.</summary>
    private static async Task<(FakeTelegramUser Alex, FakeTelegramUser Sam)> HomeAsync(BotTestHost bot)
    {
        var (alex, sam) = await Journeys.PairedAsync(bot);
        bot.Telegram.AddGroup(Group, "Alex & Sam", alex, sam);
        bot.Telegram.SendTextInGroup(alex, Group, "/home@" + bot.Telegram.BotUsername);
        var proposal = await bot.Telegram.WaitForMessageAsync(Group, m => m.Buttons.Count > 0);
        bot.Telegram.PressButton(sam, proposal, proposal.Buttons[0][0].CallbackData);
        await bot.Telegram.WaitForMessageAsync(Group, m => m.Text.Contains("is now Alex and Sam's home", StringComparison.Ordinal));
        return (alex, sam);
    }

    private static async Task RevealAsync(BotTestHost bot, FakeTelegramUser alex, FakeTelegramUser sam)
    {
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, "h-a1", "h-a2", "h-a3");
        await Journeys.AnswerAllAsync(bot, sam, "h-s1", "h-s2", "h-s3");
    }
}
