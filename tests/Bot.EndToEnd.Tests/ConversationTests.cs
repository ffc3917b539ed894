using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.EndToEnd.Tests;

public sealed class ConversationTests
{
    [Fact]
    public async Task BadInputs_EachGetsAClearFriendlyReply()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        var sam = bot.User(1002, "Sam");

        var unknown = (await Journeys.ReplyAsync(bot, alex, "/dance")).Text;
        var notPaired = (await Journeys.ReplyAsync(bot, alex, "hello there")).Text;
        var wrongCode = (await Journeys.ReplyAsync(bot, alex, "/join ZZZZZ-ZZZZZ")).Text;
        var noCode = (await Journeys.ReplyAsync(bot, alex, "/join")).Text;
        var before = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendSticker(alex);
        var sticker = (await bot.Telegram.WaitForMessageAsync(alex.Id, after: before)).Text;
        await Journeys.PairAsync(bot, alex, sam);
        var badSchedule = (await Journeys.ReplyAsync(bot, alex, "/schedule someday 25:99")).Text;
        var badZone = (await Journeys.ReplyAsync(bot, alex, "/timezone Mars/Olympus")).Text;
        var badHistory = (await Journeys.ReplyAsync(bot, alex, "/history lots")).Text;
        var nothingOpen = (await Journeys.ReplyAsync(bot, alex, "just saying hi")).Text;
        var badDeck = (await Journeys.ReplyAsync(bot, alex, "/question astrology")).Text;
        await Journeys.ReplyAsync(bot, alex, "/checkin");
        before = bot.Telegram.SentTo(alex.Id).Count;
        var tooLongUpdate = bot.Telegram.SendText(alex, new string('x', 3500));
        var tooLong = (await bot.Telegram.WaitForMessageAsync(alex.Id, after: before)).Text;
        before = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.EditText(alex, tooLongUpdate, "I meant to say this");
        var edited = (await bot.Telegram.WaitForMessageAsync(alex.Id, after: before)).Text;

        Assert.Contains("I don't know /dance", unknown, StringComparison.Ordinal);
        Assert.Contains("/pair", notPaired, StringComparison.Ordinal);
        Assert.Contains("I don't know that code", wrongCode, StringComparison.Ordinal);
        Assert.Contains("add the code", noCode, StringComparison.Ordinal);
        Assert.Contains("only read text", sticker, StringComparison.Ordinal);
        Assert.Contains("/schedule sun 19:00", badSchedule, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", badZone, StringComparison.Ordinal);
        Assert.Contains("/history 5", badHistory, StringComparison.Ordinal);
        Assert.Contains("Nothing is waiting", nothingOpen, StringComparison.Ordinal);
        Assert.Contains("date-night", badDeck, StringComparison.Ordinal);
        Assert.Contains("3500 characters", tooLong, StringComparison.Ordinal);
        Assert.Contains("doesn't change anything", edited, StringComparison.Ordinal);
        Assert.Contains("/answers", edited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThirdPerson_CanNeitherJoinNorSeeTheCouplesAnswers()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        var sam = bot.User(1002, "Sam");
        var kim = bot.User(1003, "Kim");
        var join = await Journeys.PairAsync(bot, alex, sam);

        var usedCode = (await Journeys.ReplyAsync(bot, kim, join)).Text;
        var history = (await Journeys.ReplyAsync(bot, kim, "/history")).Text;
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, "private-a1", "private-a2", "private-a3");
        await Journeys.AnswerAllAsync(bot, sam, "private-s1", "private-s2", "private-s3");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("private-s3", StringComparison.Ordinal));
        var status = (await Journeys.ReplyAsync(bot, kim, "/status")).Text;

        Assert.Contains("already been used", usedCode, StringComparison.Ordinal);
        Assert.Contains("not paired", history, StringComparison.Ordinal);
        Assert.Contains("not paired", status, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Telegram.SentTo(kim.Id), m => m.Text.Contains("private-", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Telegram.SentTo(kim.Id), m => m.Text.Contains("Sam", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeckQuestion_FromAButton_IsAnsweredBlindAndLandsInTheJournal()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);

        bot.Telegram.SendText(alex, "/question");
        var picker = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Which deck", StringComparison.Ordinal));
        bot.Telegram.PressButton(alex, picker, "deck:date-night");
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("Date night deck", StringComparison.Ordinal));
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Date night deck", StringComparison.Ordinal));
        await Journeys.AnswerAllAsync(bot, alex, "alex-date-answer");
        var samPrompt = bot.Telegram.SentTo(sam.Id)[^1];
        bot.Telegram.PressButton(sam, samPrompt, samPrompt.Buttons[0][0].CallbackData);
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("alex-date-answer", StringComparison.Ordinal));
        var journal = (await Journeys.ReplyAsync(bot, sam, "/history")).Text;

        Assert.Contains("Alex: alex-date-answer", journal, StringComparison.Ordinal);
        Assert.Contains("Sam: passed", journal, StringComparison.Ordinal);
        Assert.True(bot.Telegram.AnsweredCallbacks.Count >= 2);
    }

    [Fact]
    public async Task Forget_AfterConfirming_DeletesMyWordsAndTellsMyPartner()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        bot.Telegram.SendText(alex, "/question appreciation");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Appreciation deck", StringComparison.Ordinal));
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("Appreciation deck", StringComparison.Ordinal));
        await Journeys.AnswerAllAsync(bot, alex, "alex-words-to-forget");
        await Journeys.AnswerAllAsync(bot, sam, "sam-words-stay");

        bot.Telegram.SendText(alex, "/forget");
        var confirm = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("can't be undone", StringComparison.Ordinal));
        bot.Telegram.PressButton(alex, confirm, confirm.Buttons.SelectMany(r => r).First().CallbackData);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("has been deleted", StringComparison.Ordinal));
        var told = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("deleted their words", StringComparison.Ordinal));
        var samStatus = (await Journeys.ReplyAsync(bot, sam, "/status")).Text;

        Assert.Contains("Alex", told.Text, StringComparison.Ordinal);
        Assert.Contains("not paired", samStatus, StringComparison.Ordinal);
        await using var scope = bot.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<Bot.Host.Storage.StorageSession>()
            .QueryAsync<(long RoundId, long Position, long PersonId, string Text)>(
                "SELECT round_id, position, person_id, text FROM answers WHERE text IS NOT NULL", null, CancellationToken.None);
        var cipher = bot.Services.GetRequiredService<Bot.Host.Security.FieldCipher>();
        var answers = stored.Select(a => cipher.Decrypt(
            a.Text, Bot.Host.Storage.SealedColumns.AnswerText.At(a.RoundId, a.Position, a.PersonId))).ToList();
        Assert.DoesNotContain(stored, a => a.Text.Contains("sam-words-stay", StringComparison.Ordinal));
        Assert.DoesNotContain("alex-words-to-forget", answers);
        Assert.Contains("sam-words-stay", answers);
    }

    [Fact]
    public async Task Unpair_WithButtons_CancelKeepsThingsAndConfirmTellsBoth()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);

        bot.Telegram.SendText(alex, "/unpair");
        var ask = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Are you sure", StringComparison.Ordinal));
        bot.Telegram.PressButton(alex, ask, "cancel");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("nothing changed", StringComparison.Ordinal));
        var unpairPayload = ask.Buttons.SelectMany(r => r).Single(b => b.CallbackData.Contains(":keep:", StringComparison.Ordinal)).CallbackData;
        bot.Telegram.PressButton(alex, ask, unpairPayload);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("no longer paired", StringComparison.Ordinal));
        var told = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("ended your pairing", StringComparison.Ordinal));
        bot.Telegram.PressButton(alex, ask, unpairPayload);
        var again = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("not paired", StringComparison.Ordinal));

        Assert.Contains("Sam", told.Text, StringComparison.Ordinal);
        Assert.Contains("/pair", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpair_DeletingOurs_ErasesTheJournalOnlyOnceThePartnerAgrees()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, "a1", "a2", "a3");
        await Journeys.AnswerAllAsync(bot, sam, "s1", "s2", "s3");

        bot.Telegram.SendText(alex, "/unpair");
        var ask = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Are you sure", StringComparison.Ordinal));
        bot.Telegram.PressButton(alex, ask, ask.Buttons.SelectMany(r => r).Single(b => b.CallbackData.Contains(":ours:", StringComparison.Ordinal)).CallbackData);
        var question = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("would also like the journal", StringComparison.Ordinal));
        var answersBefore = await CountAnswersAsync(bot);
        bot.Telegram.PressButton(sam, question, question.Buttons.SelectMany(r => r).Single(b => b.CallbackData.Contains(":yes:", StringComparison.Ordinal)).CallbackData);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("is deleted, for good", StringComparison.Ordinal));

        Assert.True(answersBefore > 0);
        Assert.Equal(0, await CountAnswersAsync(bot));
    }

    private static async Task<int> CountAnswersAsync(BotTestHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<Bot.Host.Storage.StorageSession>()
            .QueryAsync<long>("SELECT round_id FROM answers", null, CancellationToken.None);
        return rows.Count;
    }

    [Fact]
    public async Task BlockedPartner_IsMarkedUnreachableAndNotRetried()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await bot.SettleAsync();
        bot.Telegram.BlockBot(sam.Id);

        bot.Telegram.SendText(alex, "/checkin");
        await Journeys.PulseAsync(bot, alex, (4, 4));
        var status = (await Journeys.ReplyAsync(bot, alex, "/status")).Text;

        Assert.Contains("can't reach Sam", status, StringComparison.Ordinal);
        await using var scope = bot.Services.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<Bot.Host.Storage.StorageSession>()
            .QueryAsync<string>("SELECT text FROM outbox WHERE chat_id = @Chat", new { Chat = sam.Id.ToString(CultureInfo.InvariantCulture) }, CancellationToken.None);
        Assert.Empty(pending);
        Assert.DoesNotContain(bot.Telegram.SentTo(sam.Id), m => m.Text.Contains("(1/3)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomeGroup_GetsTheRevealWhileQuestionsStayPrivate()
    {
        await using var bot = await BotTestHost.StartAsync();
        var group = bot.Telegram.AddGroup(-5001, "Alex & Sam");
        var (alex, sam) = await Journeys.PairedAsync(bot);

        bot.Telegram.SendTextInGroup(alex, group, "/home@" + bot.Telegram.BotUsername);
        var proposal = await bot.Telegram.WaitForMessageAsync(group, m => m.Buttons.Count > 0);
        bot.Telegram.PressButton(alex, proposal, proposal.Buttons[0][0].CallbackData);
        await bot.Telegram.WaitForMessageAsync(group, m => m.Text.Contains("for Sam to tap", StringComparison.Ordinal));
        bot.Telegram.PressButton(sam, proposal, proposal.Buttons[0][0].CallbackData);
        await bot.Telegram.WaitForMessageAsync(group, m => m.Text.Contains("is now Alex and Sam's home", StringComparison.Ordinal));
        bot.Telegram.SendTextInGroup(sam, group, "/checkin");
        await bot.Telegram.WaitForMessageAsync(group, m => m.Text.Contains("Check-in time", StringComparison.Ordinal));
        await Journeys.PulseAsync(bot, alex, (5, 4));
        await Journeys.PulseAsync(bot, sam, (3, null));
        bot.Telegram.SendTextInGroup(alex, group, "this is group chatter, not an answer");
        await Journeys.AnswerAllAsync(bot, alex, "g-a1", "g-a2", "g-a3");
        await Journeys.AnswerAllAsync(bot, sam, "g-s1", "g-s2", "g-s3");
        var samHeardBack = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("home group", StringComparison.Ordinal));
        var reveal = await bot.Telegram.WaitForMessageAsync(group, m => m.Text.Contains("g-s3", StringComparison.Ordinal));

        Assert.Contains("Alex\ng-a1", reveal.Text, StringComparison.Ordinal);
        Assert.Contains("Felt loved — Alex 5/5 · Sam 3/5", reveal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("g-a1", samHeardBack.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Telegram.SentTo(group), m => m.Text.Contains("(1/3)", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Telegram.SentTo(sam.Id), m => m.Text.Contains("g-a1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_WithoutAnyToken_ExitsNonZeroNamingTheSetting()
    {
        using var error = new StringWriter();

        var exitCode = await Bot.Host.BotHost.RunAsync(["--Telegram:Token="], error).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Telegram__Token", error.ToString(), StringComparison.Ordinal);
    }
}
