using Bot.EndToEnd.Tests.Fakes;

namespace Bot.EndToEnd.Tests;

public sealed class TimeFairnessJourneyTests
{
    [Fact]
    public async Task NudgeSentInThePartnersNight_LandsWhenTheirQuietHoursEnd_AndOnlyOnceADay()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam, samBefore) = await ApartAsync(bot);

        var confirmation = (await Journeys.ReplyAsync(bot, alex, "/nudge")).Text;
        var again = (await Journeys.ReplyAsync(bot, alex, "/nudge")).Text;
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 4, 15, 59, 0, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        await bot.WaitForDeliverableSentAsync();
        var beforeMorning = bot.Telegram.SentTo(sam.Id).Count - samBefore;
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 4, 16, 0, 5, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        var nudge = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("Alex", StringComparison.Ordinal), after: samBefore);
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");

        Assert.Contains("It's 02:00 for Sam, so your nudge will reach them at 08:00 their time (17:00 yours)",
            confirmation, StringComparison.Ordinal);
        Assert.Contains("already nudged Sam today", again, StringComparison.Ordinal);
        Assert.Equal(0, beforeMorning);
        Assert.Contains("Sam", nudge.Text, StringComparison.Ordinal);
        Assert.Single(bot.Telegram.SentTo(sam.Id).Skip(samBefore));
    }

    [Fact]
    public async Task NoteInThePartnersNight_DoesNotHoldUpTheirRepliesMeanwhile()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam, samBefore) = await ApartAsync(bot);

        var held = (await Journeys.ReplyAsync(bot, alex, "/note sweet dreams")).Text;
        var samsOwnReply = (await Journeys.ReplyAsync(bot, sam, "/quiet")).Text;
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 4, 16, 0, 5, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        var note = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("a note from Alex", StringComparison.Ordinal), after: samBefore);

        Assert.Contains("It's 02:00 for Sam, so your note will reach them at 08:00", held, StringComparison.Ordinal);
        Assert.Contains("your quiet hours are 22:00–08:00", samsOwnReply, StringComparison.Ordinal);
        Assert.Equal("Sam, a note from Alex: sweet dreams 💌", note.Text);
        Assert.Equal(
            [samsOwnReply, note.Text],
            bot.Telegram.SentTo(sam.Id).Skip(samBefore).Select(m => m.Text));
    }

    [Fact]
    public async Task QuestionHeldForThePartnersMorning_IsWithdrawnWhenACooldownSetsItsRoundAside()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam, samBefore) = await ApartAsync(bot);

        await Journeys.ReplyAsync(bot, alex, "/checkin");
        await Journeys.ReplyAsync(bot, alex, "/cooldown 10m");
        await bot.AdvanceAsync(TimeSpan.FromMinutes(10));
        await bot.SweepAsync();
        await bot.AdvanceAsync(new DateTimeOffset(2026, 3, 4, 16, 0, 5, TimeSpan.Zero) - bot.Clock.GetUtcNow());
        var comeBack = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("(1/3)", StringComparison.Ordinal), after: samBefore);
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");

        Assert.DoesNotContain(bot.Telegram.SentTo(sam.Id).Skip(samBefore),
            m => m.Text.Contains("it's check-in time", StringComparison.Ordinal));
        Assert.Contains(Bot.Core.Application.Copy.CooldownQuestions[0], comeBack.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_QuietAndTimeZone_WithTypedOptions_ThenANudge()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);

        var set = (await Journeys.SlashReplyAsync(discord, dana, "quiet", new() { ["from"] = "23:00", ["until"] = "07:00" })).Content;
        var half = (await Journeys.SlashReplyAsync(discord, dana, "quiet", new() { ["from"] = "23:00" })).Content;
        var zone = (await Journeys.SlashReplyAsync(discord, dana, "timezone", new() { ["zone"] = "Asia/Tokyo" })).Content;
        var couple = (await Journeys.SlashReplyAsync(discord, eli, "timezone", new() { ["zone"] = "Europe/Berlin", ["for"] = "couple" })).Content;
        var shown = (await Journeys.SlashReplyAsync(discord, dana, "quiet")).Content;
        var off = (await Journeys.SlashReplyAsync(discord, dana, "quiet", new() { ["off"] = true })).Content;
        var nudged = (await Journeys.SlashReplyAsync(discord, eli, "nudge")).Content;
        var nudge = await discord.WaitForChannelMessageAsync(
            dana.DmChannelId, m => m.Content.Contains("Eli", StringComparison.Ordinal) && !m.Content.Contains("check-ins", StringComparison.Ordinal),
            TimeSpan.FromSeconds(15));

        Assert.Contains("your quiet hours are 23:00–07:00", set, StringComparison.Ordinal);
        Assert.Contains("I couldn't read that", half, StringComparison.Ordinal);
        Assert.Contains("in Asia/Tokyo", zone, StringComparison.Ordinal);
        Assert.Contains("Sundays at 19:00 (Europe/Berlin)", couple, StringComparison.Ordinal);
        Assert.Contains("23:00–07:00, your time (Asia/Tokyo)", shown, StringComparison.Ordinal);
        Assert.Contains("quiet hours are off", off, StringComparison.Ordinal);
        Assert.Contains("Dana will see your nudge in a moment", nudged, StringComparison.Ordinal);
        Assert.Contains("Dana", nudge.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewsInThePartnersNight_ArrivesAtOnceButWithoutASound()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam, samBefore) = await ApartAsync(bot);

        var reply = await Journeys.ReplyAsync(bot, alex, "/bucket add see the northern lights");
        var news = await bot.Telegram.WaitForMessageAsync(
            sam.Id, m => m.Text.Contains("northern lights", StringComparison.Ordinal), after: samBefore);

        Assert.True(news.Silent);
        Assert.False(reply.Silent);
    }

    /// <summary>Alex in Berlin, Sam in Los Angeles; and how many messages Sam had once the zone notices were out.</summary>
    private static async Task<(FakeTelegramUser Alex, FakeTelegramUser Sam, int SamBefore)> ApartAsync(BotTestHost bot)
    {
        var (alex, sam) = await Journeys.PairedAsync(bot);
        // The host starts on Wednesday 4 March 2026, 10:00 UTC: 11:00 in Berlin, 02:00 in Los Angeles.
        await Journeys.ReplyAsync(bot, alex, "/timezone Europe/Berlin");
        await Journeys.ReplyAsync(bot, sam, "/timezone America/Los_Angeles");
        // Sam hears that Alex moved their check-ins along; that notice must be out before counting.
        await bot.SettleAsync();
        await bot.WaitForDeliverableSentAsync();
        return (alex, sam, bot.Telegram.SentTo(sam.Id).Count);
    }
}
