using Bot.EndToEnd.Tests.Fakes;

namespace Bot.EndToEnd.Tests;

/// <summary>The warm start after /join, and reveals that read like a letter on each platform.</summary>
public sealed class WelcomeAndLetterJourneyTests
{
    [Fact]
    public async Task AfterJoin_EachPartnerTellsTheirClock_AndTheyAgreeTheirSlotWithButtons()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        var samWelcome = bot.Telegram.SentTo(sam.Id).Last(Journeys.IsWelcome);
        var alexWelcome = bot.Telegram.SentTo(alex.Id).Last(Journeys.IsWelcome);

        var samBefore = bot.Telegram.SentTo(sam.Id).Count;
        bot.Telegram.PressButton(sam, samWelcome, Button(samWelcome, "wz:Europe/Berlin:"));
        var quiet = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("Got it, Sam: Europe/Berlin", StringComparison.Ordinal), after: samBefore);
        var slot = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("Last step, Sam", StringComparison.Ordinal), after: samBefore);
        bot.Telegram.PressButton(sam, quiet, Button(quiet, "wq:2300-0700:"));
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("your quiet hours are 23:00–07:00", StringComparison.Ordinal), after: samBefore);
        bot.Telegram.PressButton(sam, slot, Button(slot, "ws:p:"));
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("Asked, Sam", StringComparison.Ordinal), after: samBefore);

        var alexBefore = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.PressButton(alex, alexWelcome, Button(alexWelcome, "wz:type:"));
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Type your city", StringComparison.Ordinal), after: alexBefore);
        bot.Telegram.SendText(alex, "Lisbon");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Got it, Alex: Europe/Lisbon", StringComparison.Ordinal), after: alexBefore);
        var proposal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Sam suggests your weekly check-in on Sundays at 19:00", StringComparison.Ordinal));
        var accept = Button(proposal, "ws:a:");
        bot.Telegram.PressButton(alex, proposal, accept);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("It's a date, Alex", StringComparison.Ordinal), after: alexBefore);
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("It's a date, Sam", StringComparison.Ordinal), after: samBefore);

        var twiceBefore = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.PressButton(alex, proposal, accept);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("settled your slot already", StringComparison.Ordinal), after: twiceBefore);
        var status = await Journeys.ReplyAsync(bot, alex, "/status");
        Assert.Contains("Sundays at 19:00 (Europe/Berlin)", status.Text, StringComparison.Ordinal);
        Assert.Contains("Quiet hours: yours 22:00–08:00, Sam's 23:00–07:00", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcrossPlatforms_TheDiscordPartnerAcceptsTheTelegramPartnersSlot()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: true, discord: true);
        var discord = bot.Discord!;
        var alex = bot.User(1001, "Alex");
        var dana = discord.AddUser("501", "dana", "Dana");
        await discord.WaitForBotReadyAsync();
        bot.Telegram.SendText(alex, "/pair");
        var invite = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("/join ", StringComparison.Ordinal));
        var code = Journeys.JoinLine().Match(invite.Text).Value["/join ".Length..];

        await discord.InvokeSlashCommandAsync(dana, "join", new Dictionary<string, object> { ["code"] = code });
        var danaWelcome = await Journeys.DmAsync(discord, dana, "where in the world");
        var alexWelcome = await bot.Telegram.WaitForMessageAsync(alex.Id, Journeys.IsWelcome);
        await discord.ClickButtonAsync(dana, danaWelcome, danaWelcome.Buttons.First(b => b.CustomId.StartsWith("wz:Europe/Berlin:", StringComparison.Ordinal)).CustomId);
        await Journeys.DmAsync(discord, dana, "Got it, Dana: Europe/Berlin");
        bot.Telegram.PressButton(alex, alexWelcome, Button(alexWelcome, "wz:Europe/London:"));
        var slot = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Last step, Alex", StringComparison.Ordinal));
        bot.Telegram.PressButton(alex, slot, Button(slot, "ws:p:"));
        var proposal = await Journeys.DmAsync(discord, dana, "Alex suggests your weekly check-in on Sundays at 19:00, Alex's time (Sunday 20:00 for you)");
        await discord.ClickButtonAsync(dana, proposal, proposal.Buttons.First(b => b.CustomId.StartsWith("ws:a:", StringComparison.Ordinal)).CustomId);

        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("It's a date, Alex", StringComparison.Ordinal));
        await Journeys.DmAsync(discord, dana, "It's a date, Dana");
    }

    [Fact]
    public async Task TelegramReveal_IsHtmlWithNamesInBoldAndAnswersQuoted_EveryWordEscaped()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        const string Tricky = "<b>bold</b> & </blockquote> &amp; <a href=\"x\">";

        await Journeys.AnswerAllAsync(bot, alex, Tricky, "alex-two", "alex-three");
        await Journeys.AnswerAllAsync(bot, sam, "sam-one", "sam-two", "sam-three");
        var reveal = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("alex-three", StringComparison.Ordinal));

        // The fake Bot API parsed the markup as Telegram does (it refuses unbalanced or unknown tags with a 400).
        Assert.NotNull(reveal.Html);
        Assert.Contains("<b>Alex</b>\n<blockquote>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;/blockquote&gt; &amp;amp; &lt;a href=&quot;x&quot;&gt;</blockquote>",
            reveal.Html, StringComparison.Ordinal);
        Assert.Contains("<b>Sam</b>\n<blockquote>sam-one</blockquote>", reveal.Html, StringComparison.Ordinal);
        Assert.Contains("Alex\n" + Tricky, reveal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakeTelegram_RefusesMarkupTelegramCannotParse()
    {
        Assert.False(FakeTelegramHtml.TryParse("<b>open", out _, out var unclosed));
        Assert.False(FakeTelegramHtml.TryParse("<b><i>x</b></i>", out _, out var crossed));
        Assert.False(FakeTelegramHtml.TryParse("<div>x</div>", out _, out var unknown));
        Assert.False(FakeTelegramHtml.TryParse("fish & chips", out _, out var bareAmpersand));
        Assert.True(FakeTelegramHtml.TryParse("<b>A</b>\n<blockquote expandable>&lt;3 &amp; &#128512;</blockquote>", out var visible, out _));

        Assert.Contains("Can't find end tag corresponding to start tag \"b\"", unclosed, StringComparison.Ordinal);
        Assert.Contains("expected \"</i>\", found \"</b>\"", crossed, StringComparison.Ordinal);
        Assert.Contains("Unsupported start tag \"div\"", unknown, StringComparison.Ordinal);
        Assert.StartsWith("can't parse entities", bareAmpersand, StringComparison.Ordinal);
        Assert.Equal("A\n<3 & 😀", visible);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task DiscordReveal_IsAnEmbedPerQuestion_LongAnswersContinueWithinDiscordsLimits()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);
        await discord.InvokeSlashCommandAsync(dana, "checkin");
        await Journeys.PulseOnDiscordAsync(discord, eli, 4, 5);
        await Journeys.PulseOnDiscordAsync(discord, dana, 3, 3);
        // Markdown characters double when escaped: each answer becomes about 3000 characters of field values.
        var longAnswer = string.Concat(Enumerable.Repeat("*_ ", 600));
        await Journeys.DmAsync(discord, eli, "(1/3)");
        foreach (var answer in new[] { "eli-one " + longAnswer, "eli-two " + longAnswer, "eli-three" })
        {
            await discord.SendDmMessageAsync(eli, answer);
        }

        var danaBefore = discord.MessagesIn(dana.DmChannelId).Count;
        foreach (var answer in new[] { "dana-one", "dana-two " + longAnswer, "dana-three" })
        {
            await discord.SendDmMessageAsync(dana, answer);
        }

        await Journeys.DmAsync(discord, dana, "Take a moment to talk about it");
        var pages = discord.MessagesIn(dana.DmChannelId).Skip(danaBefore).Where(m => m.Embeds.Count > 0).ToList();

        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.StartsWith("✨ Dana and Eli, here are your answers", pages[0].Content, StringComparison.Ordinal);
        var embeds = pages.SelectMany(p => p.Embeds).ToList();
        var first = embeds.First(e => e["description"]?.GetValue<string>().Contains("1.", StringComparison.Ordinal) == true);
        var fields = first["fields"]!.AsArray();
        Assert.Equal("Dana", fields[0]!["name"]!.GetValue<string>());
        Assert.Equal("dana-one", fields[0]!["value"]!.GetValue<string>());
        Assert.Equal("Eli", fields[1]!["name"]!.GetValue<string>());
        Assert.True(fields[1]!["inline"]!.GetValue<bool>());
        Assert.StartsWith("eli-one \\*\\_ \\*\\_", fields[1]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(embeds.SelectMany(e => e["fields"]!.AsArray()), f => f!["name"]!.GetValue<string>() == "Eli (continued)");
        Assert.All(pages, page => Assert.InRange(page.Embeds.Count, 1, 10));
    }

    private static string Button(SentMessage message, string prefix) =>
        message.Buttons.SelectMany(row => row).First(b => b.CallbackData.StartsWith(prefix, StringComparison.Ordinal)).CallbackData;
}
