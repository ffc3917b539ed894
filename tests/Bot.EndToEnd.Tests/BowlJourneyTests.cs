namespace Bot.EndToEnd.Tests;

public sealed class BowlJourneyTests
{
    private const string AlexAsks = "What made you laugh this week?";
    private const string SamAsks = "Where should our next little trip go?";

    [Fact]
    public async Task BothDropQuestionsIn_ListShowsOnlyYourOwn_DrawOpensABlindRoundAndRevealsIt()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        var samStart = bot.Telegram.SentTo(sam.Id).Count;

        var alexBefore = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendText(alex, "/bowl add " + AlexAsks);
        var added = await bot.Telegram.WaitForMessageAsync(alex.Id, after: alexBefore);
        var told = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("dropped a question", StringComparison.Ordinal), after: samStart);
        var samBefore = bot.Telegram.SentTo(sam.Id).Count;
        bot.Telegram.SendText(sam, "/bowl add " + SamAsks);
        var samAdded = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.StartsWith("Dropped in", StringComparison.Ordinal), after: samBefore);
        alexBefore = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendText(alex, "/bowl");
        var list = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("waiting", StringComparison.Ordinal), after: alexBefore);
        var samBeforeDraw = bot.Telegram.SentTo(sam.Id).ToList();

        bot.Telegram.SendText(sam, "/draw");
        var forAlex = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Out of the bowl", StringComparison.Ordinal));
        var forSam = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("Out of the bowl", StringComparison.Ordinal));
        var question = forAlex.Text.Contains(AlexAsks, StringComparison.Ordinal) ? AlexAsks : SamAsks;
        await Journeys.AnswerAllAsync(bot, alex, "alex-answer");
        bot.Telegram.SendText(sam, "sam-answer");
        var revealForAlex = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("sam-answer", StringComparison.Ordinal));
        var revealForSam = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("alex-answer", StringComparison.Ordinal));

        Assert.Equal("Dropped in, Alex 🥣 It's the only question in the bowl so far.", added.Text);
        Assert.DoesNotContain(AlexAsks, told.Text, StringComparison.Ordinal);
        Assert.Contains("There are 2 questions in the bowl now.", samAdded.Text, StringComparison.Ordinal);
        Assert.Contains("1. " + AlexAsks, list.Text, StringComparison.Ordinal);
        Assert.Contains("Sam has 1 waiting too", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SamAsks, list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(samBeforeDraw, m => m.Text.Contains(AlexAsks, StringComparison.Ordinal));
        Assert.EndsWith(question, forAlex.Text, StringComparison.Ordinal);
        Assert.EndsWith(question, forSam.Text, StringComparison.Ordinal);
        Assert.Equal("Skip this one", Assert.Single(forSam.Buttons.SelectMany(row => row)).Text);
        foreach (var reveal in new[] { revealForAlex, revealForSam })
        {
            Assert.Contains($"{question}\nAlex\nalex-answer\nSam\nsam-answer", reveal.Text, StringComparison.Ordinal);
        }

        await bot.WaitForDatabaseAsync("SELECT COUNT(*) = 1 FROM bowl_questions WHERE drawn_at IS NOT NULL");
    }

    [Fact]
    public async Task OnDiscord_BowlAddWithOptions_ThenDraw_AsksBothByDm()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);

        var add = await discord.InvokeSlashCommandAsync(
            dana, "bowl", new Dictionary<string, object> { ["action"] = "add", ["question"] = AlexAsks });
        var added = await discord.WaitForInteractionAsync(add.Id, r => r.Original?.Content.Length > 0);
        var told = await Journeys.DmAsync(discord, eli, "dropped a question");
        var remove = await discord.InvokeSlashCommandAsync(
            eli, "bowl", new Dictionary<string, object> { ["action"] = "remove", ["number"] = 1 });
        var refused = await discord.WaitForInteractionAsync(remove.Id, r => r.Original?.Content.Length > 0);
        var draw = await discord.InvokeSlashCommandAsync(eli, "draw");
        var forDana = await Journeys.DmAsync(discord, dana, "Out of the bowl");
        var forEli = await Journeys.DmAsync(discord, eli, "Out of the bowl");
        var drawn = await discord.WaitForInteractionAsync(draw.Id, r => r.Original?.Content.Length > 0);

        Assert.StartsWith("Dropped in, Dana", added.Original!.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(AlexAsks, told.Content, StringComparison.Ordinal);
        Assert.Contains("no questions waiting", refused.Original!.Content, StringComparison.Ordinal);
        Assert.EndsWith(AlexAsks, forDana.Content, StringComparison.Ordinal);
        Assert.EndsWith(AlexAsks, forEli.Content, StringComparison.Ordinal);
        Assert.Contains("a question Dana dropped in", forEli.Content, StringComparison.Ordinal);
        Assert.Contains(forEli.Buttons, b => b.CustomId.StartsWith("answer:", StringComparison.Ordinal));
        Assert.DoesNotContain(AlexAsks, drawn.Original!.Content, StringComparison.Ordinal);
    }
}
