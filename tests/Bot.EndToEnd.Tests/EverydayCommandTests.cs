using System.Text;
using Bot.Core.Application;

namespace Bot.EndToEnd.Tests;

/// <summary>
/// The everyday commands the other journeys don't walk through, tried the way a new couple would on each platform:
/// what the sender reads, what the partner reads, and that sealed things stay sealed until their time.
/// </summary>
public sealed class EverydayCommandTests
{
    [Fact]
    public async Task OnTelegram_DecksSupportBucketSchedulePauseSkipAndCapsule_EachAnswerAsExpected()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);

        var decks = await Journeys.ReplyAsync(bot, alex, "/decks");
        var support = await Journeys.ReplyAsync(bot, alex, "/support");
        var added = await Journeys.ReplyAsync(bot, alex, "/bucket add swim in a lake at night");
        var addedToldSam = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("added to your bucket list", StringComparison.Ordinal));
        var list = await Journeys.ReplyAsync(bot, sam, "/bucket");
        var ticked = await Journeys.ReplyAsync(bot, sam, "/bucket done 1");
        var tickedToldAlex = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("ticked off", StringComparison.Ordinal));
        var schedule = await Journeys.ReplyAsync(bot, alex, "/schedule fri 20:30");
        var badSchedule = await Journeys.ReplyAsync(bot, alex, "/schedule someday");
        var paused = await Journeys.ReplyAsync(bot, alex, "/pause 2w");
        var pausedToldSam = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("paused your check-ins", StringComparison.Ordinal));
        var statusWhilePaused = await Journeys.ReplyAsync(bot, sam, "/status");
        var resumed = await Journeys.ReplyAsync(bot, sam, "/resume");
        var resumedToldAlex = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("resumed your check-ins", StringComparison.Ordinal));

        Assert.Equal(10, decks.Buttons.SelectMany(r => r).Count());
        Assert.Contains("Deepening series", decks.Text, StringComparison.Ordinal);
        Assert.Contains("31 of 31 left", decks.Text, StringComparison.Ordinal);
        Assert.Contains("couples therapist", support.Text, StringComparison.Ordinal);
        Assert.Contains("not a therapist", support.Text, StringComparison.Ordinal);
        Assert.Contains("swim in a lake at night", added.Text, StringComparison.Ordinal);
        Assert.Contains("swim in a lake at night", addedToldSam.Text, StringComparison.Ordinal);
        Assert.Contains("1. swim in a lake at night (Alex)", list.Text, StringComparison.Ordinal);
        Assert.Contains("Ticked off, Sam", ticked.Text, StringComparison.Ordinal);
        Assert.Contains("Sam ticked off: swim in a lake at night", tickedToldAlex.Text, StringComparison.Ordinal);
        Assert.Contains("Fridays at 20:30 (UTC). Next one: Friday 6 March, 20:30", schedule.Text, StringComparison.Ordinal);
        Assert.Contains("Try /schedule sun 19:00 or /schedule friday 8pm", badSchedule.Text, StringComparison.Ordinal);
        Assert.Contains("until Wednesday 18 March, 10:00", paused.Text, StringComparison.Ordinal);
        Assert.Contains("Alex paused your check-ins until Wednesday 18 March", pausedToldSam.Text, StringComparison.Ordinal);
        Assert.Contains("paused until Wednesday 18 March", statusWhilePaused.Text, StringComparison.Ordinal);
        Assert.Contains("Welcome back, Sam", resumed.Text, StringComparison.Ordinal);
        Assert.Contains("Sam resumed your check-ins", resumedToldAlex.Text, StringComparison.Ordinal);

        // A deck question Alex passes on: Sam's answer and Alex's pass are revealed together, then kept in the journal.
        await Journeys.ReplyAsync(bot, alex, "/question play");
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("Play deck", StringComparison.Ordinal));
        var skipped = await Journeys.ReplyAsync(bot, alex, "/skip");
        bot.Telegram.SendText(sam, "sunny with a chance of pancakes");
        var reveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("pancakes", StringComparison.Ordinal));
        var history = await Journeys.ReplyAsync(bot, sam, "/history");

        Assert.Contains("Your answers are sealed", skipped.Text, StringComparison.Ordinal);
        Assert.Contains("Alex passed", reveal.Text, StringComparison.Ordinal);
        Assert.Contains("pancakes", history.Text, StringComparison.Ordinal);

        // A time capsule: Sam learns one waits, never what it says, until 09:00 on its day.
        var samBeforeCapsule = bot.Telegram.SentTo(sam.Id).Count;
        var sealedReply = await Journeys.ReplyAsync(bot, alex, "/capsule 2026-03-05 remember this spring");
        var waiting = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("time capsule", StringComparison.Ordinal), after: samBeforeCapsule);
        var past = await Journeys.ReplyAsync(bot, alex, "/capsule 2020-01-01 too late");
        var unreadable = await Journeys.ReplyAsync(bot, alex, "/capsule tomorrow hi");
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 5, 8, 59, 0, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        await bot.WaitForDeliverableSentAsync();
        var beforeItsTime = bot.Telegram.SentTo(sam.Id).Skip(samBeforeCapsule).Select(m => m.Text).ToArray();
        await bot.AdvanceAsync(TimeSpan.FromMinutes(1));
        await bot.SweepAsync();
        var opened = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("is open", StringComparison.Ordinal), after: samBeforeCapsule);

        Assert.Contains("will open for Sam on 5 March 2026", sealedReply.Text, StringComparison.Ordinal);
        Assert.Contains("It opens on 5 March 2026", waiting.Text, StringComparison.Ordinal);
        Assert.All(beforeItsTime, text => Assert.DoesNotContain("remember this spring", text, StringComparison.Ordinal));
        Assert.Contains("tomorrow at the earliest", past.Text, StringComparison.Ordinal);
        Assert.Contains("year-month-day", unreadable.Text, StringComparison.Ordinal);
        Assert.EndsWith("remember this spring", opened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnDiscord_TheSameEverydayCommands_WithTypedOptions_AndUnpairKeepingMyCopy()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);

        var decks = await Journeys.SlashReplyAsync(discord, dana, "decks");
        var support = await Journeys.SlashReplyAsync(discord, dana, "support");
        var wish = await Journeys.SlashReplyAsync(discord, dana, "bucket", new() { ["action"] = "add", ["wish"] = "learn to tango" });
        var wishToldEli = await Journeys.DmAsync(discord, eli, "added to your bucket list");
        var list = await Journeys.SlashReplyAsync(discord, eli, "bucket");
        var schedule = await Journeys.SlashReplyAsync(discord, dana, "schedule", new() { ["day"] = "fri", ["time"] = "20:30" });
        var paused = await Journeys.SlashReplyAsync(discord, dana, "pause", new() { ["for"] = "10d" });
        var pausedToldEli = await Journeys.DmAsync(discord, eli, "paused your check-ins");
        var resumed = await Journeys.SlashReplyAsync(discord, eli, "resume");
        var note = await Journeys.SlashReplyAsync(discord, dana, "note", new() { ["text"] = "dinner is on me", ["at"] = "6:30 pm" });
        var capsule = await Journeys.SlashReplyAsync(discord, dana, "capsule", new() { ["date"] = "2026-03-05", ["text"] = "our first spring" });
        var capsuleToldEli = await Journeys.DmAsync(discord, eli, "sealed a time capsule");
        var history = await Journeys.SlashReplyAsync(discord, eli, "history", new() { ["count"] = 5L });
        var idea = await Journeys.SlashReplyAsync(discord, eli, "firsttime");
        var ideaForDana = await Journeys.DmAsync(discord, dana, "learn to tango\n\nFancy it?");
        var ideaForEli = await Journeys.DmAsync(discord, eli, "learn to tango\n\nFancy it?");

        Assert.Contains("Deepening series", decks.Content, StringComparison.Ordinal);
        Assert.Equal(10, decks.Buttons.Count);
        Assert.Contains("couples therapist", support.Content, StringComparison.Ordinal);
        Assert.Contains("learn to tango", wish.Content, StringComparison.Ordinal);
        Assert.Contains("learn to tango", wishToldEli.Content, StringComparison.Ordinal);
        Assert.Contains("1. learn to tango (Dana)", list.Content, StringComparison.Ordinal);
        Assert.Contains("Fridays at 20:30", schedule.Content, StringComparison.Ordinal);
        Assert.Contains("until Saturday 14 March, 10:00", paused.Content, StringComparison.Ordinal);
        Assert.Contains("Dana paused your check-ins", pausedToldEli.Content, StringComparison.Ordinal);
        Assert.Contains("Welcome back, Eli", resumed.Content, StringComparison.Ordinal);
        Assert.Contains("18:30", note.Content, StringComparison.Ordinal);
        Assert.Contains("will open for Eli on 5 March 2026", capsule.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("our first spring", capsuleToldEli.Content, StringComparison.Ordinal);
        Assert.Contains("Nothing in your journal yet", history.Content, StringComparison.Ordinal);
        Assert.Equal(Copy.Done("Eli"), idea.Content);
        Assert.Contains("straight from your bucket list", ideaForDana.Content, StringComparison.Ordinal);
        Assert.Equal(ideaForDana.Content, ideaForEli.Content);
        Assert.Contains(ideaForDana.Buttons, b => b.Label == "We'll try it");

        // /unpair offers the three ways out as buttons; keeping my copy tells Eli and sends Dana the journal as files.
        var unpair = await Journeys.SlashReplyAsync(discord, dana, "unpair");
        var keep = unpair.Buttons.Single(b => b.Label == Copy.UnpairKeepLabel);
        var click = await discord.ClickButtonAsync(dana, unpair, keep.CustomId);
        var eliTold = await Journeys.DmAsync(discord, eli, "has ended your pairing");
        var copy = await discord.WaitForChannelMessageAsync(
            dana.DmChannelId, m => m.Attachments.Count > 0, TimeSpan.FromSeconds(15));
        var afterwards = await Journeys.SlashReplyAsync(discord, eli, "status");

        Assert.Equal(3, unpair.Buttons.Count(b => b.Label.StartsWith("Unpair", StringComparison.Ordinal)));
        Assert.NotNull(click);
        Assert.Contains("Dana has ended your pairing", eliTold.Content, StringComparison.Ordinal);
        Assert.Contains(copy.Attachments, a => a.FileName.EndsWith(".md", StringComparison.Ordinal));
        Assert.Contains("learn to tango", Encoding.UTF8.GetString(copy.Attachments.First(a => a.FileName.EndsWith(".md", StringComparison.Ordinal)).Content), StringComparison.Ordinal);
        Assert.DoesNotContain("paired with Dana", afterwards.Content, StringComparison.Ordinal);
    }
}
