using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.EndToEnd.Tests.Fakes;
using Bot.Testing.Discord;

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
        // The warm start follows: each is asked for their clock. Waiting for it keeps later "next message" waits true.
        await bot.Telegram.WaitForMessageAsync(joiner.Id, IsWelcome, after: joinerBefore);
        await bot.Telegram.WaitForMessageAsync(owner.Id, IsWelcome, after: before + 1);
        return join;
    }

    /// <summary>The warm start's first question, asked of each partner right after pairing.</summary>
    public static bool IsWelcome(SentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Text.Contains("where in the world", StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts a check-in with /checkin, taps both pulse scales for both partners (4 and 5 unless given), and waits
    /// until both have their first question.
    /// </summary>
    public static async Task OpenCheckInAsync(BotTestHost bot, FakeTelegramUser starter, FakeTelegramUser partner,
        (int? Loved, int? Heard)? starterPulse = null, (int? Loved, int? Heard)? partnerPulse = null)
    {
        bot.Telegram.SendText(starter, "/checkin");
        await PulseAsync(bot, starter, starterPulse ?? (4, 5));
        await PulseAsync(bot, partner, partnerPulse ?? (4, 5));
    }

    /// <summary>Taps the two pulse scales of the weekly check-in (null taps Skip), then waits for the first question.</summary>
    public static async Task PulseAsync(BotTestHost bot, FakeTelegramUser user, (int? Loved, int? Heard) pulse)
    {
        foreach (var (scale, value) in new[] { (Copy.PulseQuestion(PulseScale.Loved), pulse.Loved), (Copy.PulseQuestion(PulseScale.Heard), pulse.Heard) })
        {
            await bot.Telegram.WaitForMessageAsync(user.Id, m => m.Text.EndsWith(scale, StringComparison.Ordinal));
            var prompt = bot.Telegram.SentTo(user.Id).Last(m => m.Text.EndsWith(scale, StringComparison.Ordinal));
            var label = value?.ToString(CultureInfo.InvariantCulture) ?? Copy.PulseSkipLabel;
            bot.Telegram.PressButton(user, prompt, prompt.Buttons.SelectMany(r => r).Single(b => b.Text == label).CallbackData);
        }

        await bot.Telegram.WaitForMessageAsync(user.Id, m => m.Text.Contains("(1/", StringComparison.Ordinal));
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

    /// <summary>Clicks the two pulse scales in the person's DMs (null clicks Skip), then waits for the first question.</summary>
    public static async Task PulseOnDiscordAsync(FakeDiscordServer discord, FakeDiscordUser user, int? loved, int? heard)
    {
        foreach (var (scale, value) in new[] { (Copy.PulseQuestion(PulseScale.Loved), loved), (Copy.PulseQuestion(PulseScale.Heard), heard) })
        {
            await DmAsync(discord, user, scale);
            var prompt = discord.MessagesIn(user.DmChannelId).Last(m => m.Content.EndsWith(scale, StringComparison.Ordinal));
            var label = value?.ToString(CultureInfo.InvariantCulture) ?? Copy.PulseSkipLabel;
            await discord.ClickButtonAsync(user, prompt, prompt.Buttons.Single(b => b.Label == label).CustomId);
        }

        await DmAsync(discord, user, "(1/");
    }

    /// <summary>A server the partners share with the bot, and its channel "us"; returns once the bot is ready.</summary>
    public static async Task<FakeGuildChannel> OurServerChannelAsync(FakeDiscordServer discord)
    {
        discord.AddGuild("200", "Our place");
        var channel = discord.AddGuildChannel("200", "300", "us");
        await discord.WaitForBotReadyAsync();
        return channel;
    }

    /// <summary>
    /// Alex on Telegram (who makes the code) and Dana on Discord (who joins with it), paired, once each was told.
    /// </summary>
    public static async Task<(FakeTelegramUser Alex, FakeDiscordUser Dana)> PairedAcrossAsync(BotTestHost bot)
    {
        var discord = bot.Discord ?? throw new InvalidOperationException("Start the host with Discord too.");
        var alex = bot.User(1001, "Alex");
        var dana = discord.AddUser("501", "dana", "Dana");
        await discord.WaitForBotReadyAsync();
        bot.Telegram.SendText(alex, "/pair");
        var invite = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("/join ", StringComparison.Ordinal));
        var code = JoinLine().Match(invite.Text).Value["/join ".Length..];
        var join = await discord.InvokeSlashCommandAsync(dana, "join", new Dictionary<string, object> { ["code"] = code });
        await discord.WaitForInteractionAsync(join.Id, r => r.Original?.Content.Contains("You and Alex are paired", StringComparison.Ordinal) == true);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("You and Dana are paired", StringComparison.Ordinal));
        return (alex, dana);
    }

    /// <summary>Dana and Eli, both on Discord, paired with each other.</summary>
    public static async Task<(FakeDiscordUser Dana, FakeDiscordUser Eli)> PairedOnDiscordAsync(FakeDiscordServer discord)
    {
        var dana = discord.AddUser("501", "dana", "Dana");
        var eli = discord.AddUser("502", "eli", "Eli");
        await discord.WaitForBotReadyAsync();
        await PairOnDiscordAsync(discord, dana, eli);
        return (dana, eli);
    }

    /// <summary>Pairs two Discord users with /pair and /join, waiting until both were told.</summary>
    public static async Task PairOnDiscordAsync(FakeDiscordServer discord, FakeDiscordUser owner, FakeDiscordUser joiner)
    {
        var pair = await discord.InvokeSlashCommandAsync(owner, "pair");
        var invite = await discord.WaitForInteractionAsync(pair.Id, r => r.Original?.Content.Contains("/join ", StringComparison.Ordinal) == true);
        var code = JoinLine().Match(invite.Original!.Content).Value["/join ".Length..];
        var join = await discord.InvokeSlashCommandAsync(joiner, "join", new Dictionary<string, object> { ["code"] = code });
        await discord.WaitForInteractionAsync(join.Id, r => r.Original?.Content.Contains("paired", StringComparison.Ordinal) == true);
        await discord.WaitForChannelMessageAsync(owner.DmChannelId, m => m.Content.Contains("paired", StringComparison.Ordinal));
        await discord.WaitForChannelMessageAsync(owner.DmChannelId, m => m.Content.Contains("where in the world", StringComparison.Ordinal));
        await discord.WaitForChannelMessageAsync(joiner.DmChannelId, m => m.Content.Contains("where in the world", StringComparison.Ordinal));
    }

    /// <summary>Sends a line on Telegram and waits for the bot's next message to that person.</summary>
    public static async Task<SentMessage> ReplyAsync(BotTestHost bot, FakeTelegramUser user, string line)
    {
        var before = bot.Telegram.SentTo(user.Id).Count;
        bot.Telegram.SendText(user, line);
        return await bot.Telegram.WaitForMessageAsync(user.Id, after: before);
    }

    /// <summary>Runs a slash command and waits for the bot's first reply to it.</summary>
    public static async Task<FakeMessage> SlashReplyAsync(
        FakeDiscordServer discord, FakeDiscordUser user, string command, Dictionary<string, object>? options = null)
    {
        var interaction = await discord.InvokeSlashCommandAsync(user, command, options);
        var reply = await discord.WaitForInteractionAsync(interaction.Id, r => r.Original?.Content.Length > 0);
        return reply.Original!;
    }

    /// <summary>Waits (up to 15 s) for a message in the person's Discord DMs that contains the fragment.</summary>
    public static Task<FakeMessage> DmAsync(FakeDiscordServer discord, FakeDiscordUser user, string fragment) =>
        discord.WaitForChannelMessageAsync(user.DmChannelId, m => m.Readable.Contains(fragment, StringComparison.Ordinal),
            TimeSpan.FromSeconds(15));

    [GeneratedRegex(@"/join [A-Z0-9]{5}-[A-Z0-9]{5}")]
    public static partial Regex JoinLine();
}
