using Bot.Core.Application;
using Bot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.EndToEnd.Tests;

public sealed class DiscordJourneyTests
{
    [Fact]
    public async Task DiscordCouple_RunsTheWholeRitual_WithTheAnswerFormAndPlainDms()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);

        var checkin = await discord.InvokeSlashCommandAsync(dana, "checkin");
        await Journeys.PulseOnDiscordAsync(discord, eli, 4, 5);
        await Journeys.PulseOnDiscordAsync(discord, dana, null, 3);
        var firstForEli = await Journeys.DmAsync(discord, eli, "(1/3)");
        await discord.ClickButtonAsync(eli, firstForEli, "answer:1:1");
        var form = await discord.WaitForModalAsync(eli);
        await discord.SubmitModalAsync(eli, form.CustomId, new Dictionary<string, string> { [form.TextInputIds[0]] = "eli-one" });
        await Journeys.DmAsync(discord, eli, "(2/3)");
        var eliTwo = await discord.SendDmMessageAsync(eli, "eli-two");
        await Journeys.DmAsync(discord, eli, "(3/3)");
        await discord.EditDmMessageAsync(eli, eliTwo, "eli-two, edited");
        var editReply = await Journeys.DmAsync(discord, eli, "Answer 2 now reads");
        await discord.SendDmMessageAsync(eli, "eli-three");
        await Journeys.DmAsync(discord, eli, "Your answers are sealed");
        var danaBeforeReveal = discord.MessagesIn(dana.DmChannelId);
        foreach (var answer in new[] { "dana-one", "dana-two", "dana-three" })
        {
            await discord.SendDmMessageAsync(dana, answer);
        }

        var revealForEli = await Journeys.DmAsync(discord, eli, "dana-three");
        var revealForDana = await Journeys.DmAsync(discord, dana, "eli-three");
        var started = await discord.WaitForInteractionAsync(checkin.Id, r => r.Original is not null);

        Assert.Equal(["answer:1:1", "skip:1:1"], firstForEli.Buttons.Select(b => b.CustomId));
        Assert.StartsWith("Changed, Eli", editReply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(danaBeforeReveal, m => m.Readable.Contains("eli-", StringComparison.Ordinal));
        Assert.Contains("Dana", started.Original!.Content, StringComparison.Ordinal);
        foreach (var reveal in new[] { revealForEli, revealForDana })
        {
            Assert.Contains("Eli: eli-one", reveal.Readable, StringComparison.Ordinal);
            Assert.Contains("Dana: dana-one", reveal.Readable, StringComparison.Ordinal);
            Assert.Contains("Eli: eli-two, edited", reveal.Readable, StringComparison.Ordinal);
            Assert.Contains("Felt loved — Dana skipped · Eli 4/5", reveal.Readable, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DiscordCouple_KeepsAnAnswerPrivate_AndRewritesOneThroughTheAnswerForm()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);
        await discord.InvokeSlashCommandAsync(dana, "checkin");
        await Journeys.PulseOnDiscordAsync(discord, eli, 3, 4);
        await Journeys.PulseOnDiscordAsync(discord, dana, 5, 5);
        FakeMessage? sealedMessage = null;
        foreach (var (answer, next) in new[] { ("eli-first-draft", "(2/3)"), ("eli-secret-two", "(3/3)"), ("eli-three", "Your answers are sealed") })
        {
            await discord.SendDmMessageAsync(eli, answer);
            sealedMessage = await Journeys.DmAsync(discord, eli, next);
        }

        Assert.NotNull(sealedMessage);
        Assert.Equal(
            [Copy.KeepPrivateLabel(3), Copy.HoldLabel(3), Copy.MyAnswersLabel],
            sealedMessage.Buttons.Select(b => b.Label));
        await discord.ClickButtonAsync(eli, sealedMessage, sealedMessage.Buttons.Single(b => b.Label == Copy.MyAnswersLabel).CustomId);
        var list = await Journeys.DmAsync(discord, eli, "Your answers so far");
        await discord.ClickButtonAsync(eli, list, list.Buttons.Single(b => b.Label == Copy.KeepPrivateLabel(2)).CustomId);
        await Journeys.DmAsync(discord, eli, "stays with you");
        await discord.ClickButtonAsync(eli, list, list.Buttons.Single(b => b.Label == Copy.RewriteLabel(1)).CustomId);
        var ask = await Journeys.DmAsync(discord, eli, "new words for answer 1");
        await discord.ClickButtonAsync(eli, ask, "answer");
        var form = await discord.WaitForModalAsync(eli);
        await discord.SubmitModalAsync(eli, form.CustomId, new Dictionary<string, string> { [form.TextInputIds[0]] = "eli-one-better" });
        await Journeys.DmAsync(discord, eli, "Changed");
        foreach (var answer in new[] { "dana-one", "dana-two", "dana-three" })
        {
            await discord.SendDmMessageAsync(dana, answer);
        }

        var reveal = await Journeys.DmAsync(discord, dana, "eli-three");

        Assert.Equal(["answer", Copy.NeverMindLabel], ask.Buttons.Select(b => b.CustomId == "answer" ? "answer" : b.Label));
        Assert.Contains("Eli: eli-one-better", reveal.Readable, StringComparison.Ordinal);
        Assert.Contains("Eli: *kept this one to themselves 🔒*", reveal.Readable, StringComparison.Ordinal);
        Assert.Contains("Felt heard — Dana 5/5 · Eli 4/5", reveal.Readable, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.MessagesIn(dana.DmChannelId), m => m.Readable.Contains("eli-secret-two", StringComparison.Ordinal)
            || m.Readable.Contains("eli-first-draft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerFormFromAnEarlierQuestion_IsNotTakenForTheCurrentOne_AndGivesTheWordsBack()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);
        await discord.InvokeSlashCommandAsync(dana, "checkin");
        await Journeys.PulseOnDiscordAsync(discord, eli, 4, 4);
        var first = await Journeys.DmAsync(discord, eli, "(1/3)");
        await discord.SendDmMessageAsync(eli, "eli-one");
        await Journeys.DmAsync(discord, eli, "(2/3)");

        await discord.ClickButtonAsync(eli, first, first.Buttons[0].CustomId);
        var form = await discord.WaitForModalAsync(eli);
        await discord.SubmitModalAsync(eli, form.CustomId, new Dictionary<string, string> { [form.TextInputIds[0]] = "meant for one" });
        var told = await Journeys.DmAsync(discord, eli, "earlier question");
        await discord.SendDmMessageAsync(eli, "eli-two");
        await Journeys.DmAsync(discord, eli, "(3/3)");

        Assert.Contains("meant for one", told.Content, StringComparison.Ordinal);
        Assert.Contains("Question 2", told.Content, StringComparison.Ordinal);
        Assert.Equal(1, discord.MessagesIn(eli.DmChannelId).Count(m => m.Content.Contains("(3/3)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CoupleAcrossTelegramAndDiscord_PairsAndRevealsOnBothPlatforms()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: true, discord: true);
        var discord = bot.Discord!;
        var (alex, dana) = await Journeys.PairedAcrossAsync(bot);
        bot.Telegram.SendText(alex, "/checkin");
        await Journeys.PulseOnDiscordAsync(discord, dana, 5, 5);
        await Journeys.PulseAsync(bot, alex, (4, 4));
        await Journeys.AnswerAllAsync(bot, alex, "tg-one", "tg-two", "tg-three");
        foreach (var answer in new[] { "dc-one", "dc-two", "dc-three" })
        {
            await discord.SendDmMessageAsync(dana, answer);
        }

        var onDiscord = await Journeys.DmAsync(discord, dana, "tg-three");
        var onTelegram = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("dc-three", StringComparison.Ordinal));

        Assert.Contains("Alex: tg-one", onDiscord.Readable, StringComparison.Ordinal);
        Assert.Contains("Dana\ndc-one", onTelegram.Text, StringComparison.Ordinal);
        Assert.Contains("<b>Dana</b>\n<blockquote>dc-one</blockquote>", onTelegram.Html, StringComparison.Ordinal);
        Assert.Contains(onDiscord.Embeds, e => e["fields"]?.AsArray().Count == 2);
    }

    [Fact]
    public async Task InAServerChannel_PrivateRepliesAreEphemeral()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var dana = discord.AddUser("501", "dana", "Dana");
        var channel = await Journeys.OurServerChannelAsync(discord);

        var status = await discord.InvokeSlashCommandAsync(dana, "status", guildChannel: channel);
        var pair = await discord.InvokeSlashCommandAsync(dana, "pair", guildChannel: channel);
        var statusReply = await discord.WaitForInteractionAsync(status.Id, r => r.Original?.Content.Length > 0);
        var pairReply = await discord.WaitForInteractionAsync(pair.Id, r => r.Original?.Content.Length > 0);

        Assert.True(statusReply.Original!.IsEphemeral);
        Assert.Contains("not paired", statusReply.Original.Content, StringComparison.Ordinal);
        Assert.True(pairReply.Original!.IsEphemeral);
        Assert.Contains("in private", pairReply.Original.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.MessagesIn(channel.Id), m => !m.IsEphemeral);
    }

    [Fact]
    public async Task RejectedToken_StopsTheAdapterCleanlyWithAClearExit()
    {
        await using var bot = await BotTestHost.StartAsync(
            new() { ["Discord:Token"] = "not-the-right-token" }, telegram: false, discord: true);
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(Bot.Host.HostExit.PlatformRefused, bot.Services.GetRequiredService<Bot.Host.HostExit>().Code);
        Assert.Equal(0, bot.Discord!.IdentifyCount);
    }

    [Fact]
    public async Task HomeInAServerChannel_IsProposedInTheOpen_ButTheWordsGoByDm_AndTheChannelGetsANotice()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var dana = discord.AddUser("501", "dana", "Dana");
        var eli = discord.AddUser("502", "eli", "Eli");
        var channel = await Journeys.OurServerChannelAsync(discord);
        await Journeys.PairOnDiscordAsync(discord, dana, eli);

        await discord.InvokeSlashCommandAsync(dana, "home", guildChannel: channel);
        var proposal = await discord.WaitForChannelMessageAsync(channel.Id, m => !m.IsEphemeral && m.Buttons.Count > 0);
        await discord.ClickButtonAsync(eli, proposal, proposal.Buttons[0].CustomId);
        await discord.WaitForChannelMessageAsync(channel.Id, m => !m.IsEphemeral && m.Content.Contains("home", StringComparison.Ordinal) && m.Id != proposal.Id);
        await discord.InvokeSlashCommandAsync(eli, "question", new Dictionary<string, object> { ["deck"] = "dreams" }, channel);
        await Journeys.DmAsync(discord, dana, "Dreams and plans");
        await Journeys.DmAsync(discord, eli, "Dreams and plans");
        await discord.SendDmMessageAsync(dana, "dana-dream");
        await discord.SendDmMessageAsync(eli, "eli-dream");
        var forDana = await Journeys.DmAsync(discord, dana, "eli-dream");
        var forEli = await Journeys.DmAsync(discord, eli, "dana-dream");
        var notice = await discord.WaitForChannelMessageAsync(channel.Id,
            m => m.Content.Contains(Copy.HomeWordsSentPrivately("Dana", "Eli"), StringComparison.Ordinal)
                || m.Content.Contains(Copy.HomeWordsSentPrivately("Eli", "Dana"), StringComparison.Ordinal));

        Assert.Contains("Dana: dana-dream", forEli.Readable, StringComparison.Ordinal);
        Assert.Contains("Eli: eli-dream", forDana.Readable, StringComparison.Ordinal);
        Assert.False(notice.IsEphemeral);
        // A bot cannot list who may read a server channel, so no partner's words are ever posted there.
        Assert.DoesNotContain(discord.MessagesIn(channel.Id), m => m.Readable.Contains("-dream", StringComparison.Ordinal)
            || m.Content.Contains("(1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cooldown_WithTypedOptions_TellsThePartner_AndEndsEarlyIntoTheComeBack()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var dana = discord.AddUser("501", "dana", "Dana");
        var eli = discord.AddUser("502", "eli", "Eli");
        var channel = await Journeys.OurServerChannelAsync(discord);
        await Journeys.PairOnDiscordAsync(discord, dana, eli);
        var early = await discord.InvokeSlashCommandAsync(dana, "cooldown", new Dictionary<string, object> { ["for"] = "2d" });
        var malformed = await discord.WaitForInteractionAsync(early.Id, r => r.Original?.Content.Length > 0);

        var start = await discord.InvokeSlashCommandAsync(dana, "cooldown",
            new Dictionary<string, object> { ["for"] = "90m", ["topic"] = "the move" });
        var confirmed = await discord.WaitForInteractionAsync(start.Id, r => r.Original?.Content.Length > 0);
        var told = await Journeys.DmAsync(discord, eli, "little pause");
        var bad = await discord.InvokeSlashCommandAsync(dana, "cooldown", new Dictionary<string, object> { ["for"] = "45m" },
            channel);
        var refused = await discord.WaitForInteractionAsync(bad.Id, r => r.Original?.Content.Length > 0);
        var again = await discord.InvokeSlashCommandAsync(eli, "cooldown", new Dictionary<string, object> { ["for"] = "2h" });
        var running = await discord.WaitForInteractionAsync(again.Id, r => r.Original?.Content.Length > 0);
        var end = await discord.InvokeSlashCommandAsync(eli, "cooldown", new Dictionary<string, object> { ["end"] = true });
        var danaQuestion = await Journeys.DmAsync(discord, dana, "(1/3)");
        await Journeys.DmAsync(discord, eli, "(1/3)");
        await Journeys.DmAsync(discord, dana, "ready to come back");
        await discord.WaitForInteractionAsync(end.Id, r => r.Original is not null);

        Assert.Contains("couldn't read \"2d\"", malformed.Original!.Content, StringComparison.Ordinal);
        Assert.Contains("Wednesday 4 March, 11:30", confirmed.Original!.Content, StringComparison.Ordinal);
        Assert.Contains("\"the move\"", told.Content, StringComparison.Ordinal);
        Assert.Contains("already running until Wednesday 4 March, 11:30", running.Original!.Content, StringComparison.Ordinal);
        Assert.True(refused.Original!.IsEphemeral);
        Assert.Contains("already running", refused.Original.Content, StringComparison.Ordinal);
        Assert.Contains("What did you feel", danaQuestion.Content, StringComparison.Ordinal);
        Assert.Contains(danaQuestion.Buttons, b => b.CustomId.StartsWith("answer:", StringComparison.Ordinal));
    }
}
