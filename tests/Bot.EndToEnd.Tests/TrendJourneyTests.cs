using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.EndToEnd.Tests.Fakes;
using Bot.Testing.Discord;
using SkiaSharp;

namespace Bot.EndToEnd.Tests;

public sealed class TrendJourneyTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Lets the clock reach the couple's Sunday 19:00 check-in, then taps both scales and answers all three questions
    /// for both partners, and waits until each sees the other's last answer (the reveal).
    /// </summary>
    private static async Task WeeklyCheckInAsync(BotTestHost bot, FakeTelegramUser alex, FakeTelegramUser sam,
        DateTimeOffset sundayEvening, (int Loved, int Heard) alexPulse, (int Loved, int Heard) samPulse, string week)
    {
        var alexBefore = bot.Telegram.SentTo(alex.Id).Count;
        var samBefore = bot.Telegram.SentTo(sam.Id).Count;
        await bot.AdvanceAsync(sundayEvening - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        await PulseAsync(bot, alex, alexPulse, alexBefore);
        await PulseAsync(bot, sam, samPulse, samBefore);
        await Journeys.AnswerAllAsync(bot, alex, $"alex-{week}-1", $"alex-{week}-2", $"alex-{week}-3");
        await Journeys.AnswerAllAsync(bot, sam, $"sam-{week}-1", $"sam-{week}-2", $"sam-{week}-3");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains($"sam-{week}-3", StringComparison.Ordinal), after: alexBefore);
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains($"alex-{week}-3", StringComparison.Ordinal), after: samBefore);
    }

    /// <summary>Taps the two pulse scales sent after <paramref name="after"/>, then waits for the first question.</summary>
    private static async Task PulseAsync(BotTestHost bot, FakeTelegramUser user, (int Loved, int Heard) pulse, int after)
    {
        foreach (var (scale, value) in new[] { (Copy.PulseQuestion(PulseScale.Loved), pulse.Loved), (Copy.PulseQuestion(PulseScale.Heard), pulse.Heard) })
        {
            var prompt = await bot.Telegram.WaitForMessageAsync(
                user.Id, m => m.Text.EndsWith(scale, StringComparison.Ordinal), TimeSpan.FromSeconds(15), after);
            var button = prompt.Buttons.SelectMany(r => r).Single(b => b.Text == value.ToString(CultureInfo.InvariantCulture));
            Assert.StartsWith("pulse:", button.CallbackData, StringComparison.Ordinal);
            bot.Telegram.PressButton(user, prompt, button.CallbackData);
        }

        await bot.Telegram.WaitForMessageAsync(user.Id, m => m.Text.Contains("(1/", StringComparison.Ordinal), after: after);
    }


    /// <summary>The first DM to <paramref name="user"/> containing <paramref name="fragment"/> that is not in <paramref name="seen"/>.</summary>
    private static Task<FakeMessage> NewDmAsync(FakeDiscordServer discord, FakeDiscordUser user, string fragment, HashSet<string> seen) =>
        discord.WaitForChannelMessageAsync(user.DmChannelId,
            m => !seen.Contains(m.Id) && m.Readable.Contains(fragment, StringComparison.Ordinal), TimeSpan.FromSeconds(15));

    /// <summary>The Discord side of <see cref="WeeklyCheckInAsync"/>: the scheduled check-in, clicked and answered in DMs.</summary>
    private static async Task DiscordWeeklyCheckInAsync(BotTestHost bot, FakeDiscordUser dana, FakeDiscordUser eli,
        DateTimeOffset sundayEvening, (int Loved, int Heard) danaPulse, (int Loved, int Heard) eliPulse, string week)
    {
        var discord = bot.Discord!;
        var seen = discord.MessagesIn(dana.DmChannelId).Concat(discord.MessagesIn(eli.DmChannelId)).Select(m => m.Id).ToHashSet();
        await bot.AdvanceAsync(sundayEvening - bot.Clock.GetUtcNow());
        await bot.SweepAsync();
        foreach (var (user, pulse) in new[] { (dana, danaPulse), (eli, eliPulse) })
        {
            foreach (var (scale, value) in new[] { (Copy.PulseQuestion(PulseScale.Loved), pulse.Loved), (Copy.PulseQuestion(PulseScale.Heard), pulse.Heard) })
            {
                var prompt = await NewDmAsync(discord, user, scale, seen);
                var button = prompt.Buttons.Single(b => b.Label == value.ToString(CultureInfo.InvariantCulture));
                await discord.ClickButtonAsync(user, prompt, button.CustomId);
            }

            await NewDmAsync(discord, user, "(1/", seen);
        }

        foreach (var (user, name) in new[] { (dana, "dana"), (eli, "eli") })
        {
            foreach (var (answer, next) in new[] { ("1", "(2/"), ("2", "(3/"), ("3", "") })
            {
                await discord.SendDmMessageAsync(user, $"{name}-{week}-{answer}");
                if (next.Length > 0)
                {
                    await NewDmAsync(discord, user, next, seen);
                }
            }
        }

        await NewDmAsync(discord, dana, $"eli-{week}-3", seen);
        await NewDmAsync(discord, eli, $"dana-{week}-3", seen);
    }

    [Fact]
    public async Task Trend_AfterTwoWeeklyCheckIns_ArrivesAsAPngPhotoOfThePulseInTheAskersChat()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await WeeklyCheckInAsync(bot, alex, sam, new DateTimeOffset(2026, 3, 8, 19, 0, 30, TimeSpan.Zero), (2, 3), (4, 4), "w1");
        await WeeklyCheckInAsync(bot, alex, sam, new DateTimeOffset(2026, 3, 15, 19, 0, 30, TimeSpan.Zero), (4, 5), (5, 3), "w2");
        var alexBefore = bot.Telegram.SentTo(alex.Id).Count;
        var samBefore = bot.Telegram.SentTo(sam.Id).Count;

        bot.Telegram.SendText(alex, "/trend");
        var photo = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.File is not null, TimeSpan.FromSeconds(20), alexBefore);
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");

        var file = photo.File!;
        Assert.Equal(("photo", "pulse.png"), (file.Kind, file.FileName));
        Assert.Equal(Copy.TrendCaption("Alex", "Sam", PulseTrendService.DefaultWeeks), photo.Text);
        Assert.Equal(PngSignature, file.Content.AsSpan(0, PngSignature.Length).ToArray());
        Assert.Equal("IHDR", Encoding.ASCII.GetString(file.Content, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(file.Content.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(file.Content.AsSpan(20, 4));
        Assert.Equal((900, 520), (width, height));
        Assert.Equal("IEND", Encoding.ASCII.GetString(file.Content, file.Content.Length - 8, 4));
        using var bitmap = SKBitmap.Decode(file.Content);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.Pixels.Distinct().Count() > 2, "the chart should draw more than a blank canvas");
        Assert.Single(bot.Telegram.SentTo(alex.Id).Skip(alexBefore));
        Assert.Equal(samBefore, bot.Telegram.SentTo(sam.Id).Count);
    }

    [Fact]
    public async Task Trend_WithOnlyOneWeekOfPulse_GetsAKindTextReplyAndNoPhoto()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await WeeklyCheckInAsync(bot, alex, sam, new DateTimeOffset(2026, 3, 8, 19, 0, 30, TimeSpan.Zero), (3, 3), (4, 5), "w1");
        var before = bot.Telegram.SentTo(alex.Id).Count;

        bot.Telegram.SendText(alex, "/trend");
        var reply = await bot.Telegram.WaitForMessageAsync(alex.Id, after: before);
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");

        Assert.Equal(Copy.TrendTooLittle("Alex", 1), reply.Text);
        Assert.Contains("Not much to draw yet, Alex", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.File);
        Assert.Single(bot.Telegram.SentTo(alex.Id).Skip(before));
        Assert.DoesNotContain(bot.Telegram.SentTo(alex.Id).Concat(bot.Telegram.SentTo(sam.Id)), m => m.File is not null);
    }

    [Fact]
    public async Task Trend_OnDiscord_ArrivesAsAPngAttachmentOfTheSlashCommandReply()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);
        await DiscordWeeklyCheckInAsync(bot, dana, eli, new DateTimeOffset(2026, 3, 8, 19, 0, 30, TimeSpan.Zero), (3, 4), (5, 5), "w1");
        await DiscordWeeklyCheckInAsync(bot, dana, eli, new DateTimeOffset(2026, 3, 15, 19, 0, 30, TimeSpan.Zero), (4, 4), (2, 3), "w2");

        var trend = await discord.InvokeSlashCommandAsync(dana, "trend");
        var record = await discord.WaitForInteractionAsync(trend.Id, r => r.Original?.Attachments.Count == 1, TimeSpan.FromSeconds(20));

        var png = Assert.Single(record.Original!.Attachments);
        Assert.Equal("pulse.png", png.FileName);
        Assert.Equal(Copy.TrendCaption("Dana", "Eli", PulseTrendService.DefaultWeeks), record.Original.Content);
        Assert.Equal(PngSignature, png.Content.AsSpan(0, PngSignature.Length).ToArray());
        using var bitmap = SKBitmap.Decode(png.Content);
        Assert.NotNull(bitmap);
        Assert.Equal((900, 520), (bitmap.Width, bitmap.Height));
        Assert.Empty(record.Followups);
    }
}
