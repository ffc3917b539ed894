using System.Text;
using System.Text.Json;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.EndToEnd.Tests;

public sealed class ExportJourneyTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task Export_OnTelegram_ArrivesAsTwoDocuments_WithRevealedButNotUnrevealedAnswers()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, "alex *one*", "alex-two", "alex-three");
        await Journeys.AnswerAllAsync(bot, sam, "sam-one", "sam-two");
        bot.Telegram.SendText(sam, "sam-three");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("sam-three", StringComparison.Ordinal));
        await bot.AdvanceAsync(TimeSpan.FromHours(1));
        bot.Telegram.SendText(alex, "/question dreams");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Dreams and plans", StringComparison.Ordinal));
        await Journeys.AnswerAllAsync(bot, alex, "alex-sealed-dream");
        var before = bot.Telegram.SentTo(alex.Id).Count;

        bot.Telegram.SendText(alex, "/export");
        var files = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.File?.FileName.EndsWith(".json", StringComparison.Ordinal) == true, after: before);
        var sent = bot.Telegram.SentTo(alex.Id).Skip(before).ToList();

        Assert.Equal(["journal-2026-03-04.md", "journal-2026-03-04.json"], sent.Select(m => m.File?.FileName));
        Assert.All(sent, m => Assert.Equal("document", m.File!.Kind));
        Assert.Contains("Here's your journal with Sam, Alex", sent[0].Text, StringComparison.Ordinal);
        var markdown = Encoding.UTF8.GetString(sent[0].File!.Content);
        Assert.Contains("**Alex:** alex \\*one\\*", markdown, StringComparison.Ordinal);
        Assert.Contains("**Sam:** sam-three", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("alex-sealed-dream", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(files.File!.Content);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(["Alex", "Sam"], json.RootElement.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
        Assert.Single(json.RootElement.GetProperty("checkIns").EnumerateArray());
        Assert.DoesNotContain("alex-sealed-dream", Encoding.UTF8.GetString(files.File.Content), StringComparison.Ordinal);
        Assert.Equal(before + 2, bot.Telegram.SentTo(alex.Id).Count);
        Assert.DoesNotContain(bot.Telegram.SentTo(sam.Id), m => m.File is not null);
    }

    [Fact]
    public async Task Export_OnTelegram_WhenNotPaired_GetsAFriendlyReplyAndNoFile()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");

        bot.Telegram.SendText(alex, "/export");
        var reply = await bot.Telegram.WaitForMessageAsync(alex.Id);

        Assert.Contains("not paired yet", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.File);
    }

    [Fact]
    public async Task PhotoWithATextLongerThanACaption_OnTelegram_GoesAsTextFirstThenThePhotoWithTheButtons()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        bot.Telegram.SendText(alex, "/start");
        await bot.Telegram.WaitForMessageAsync(alex.Id);
        var before = bot.Telegram.SentTo(alex.Id).Count;
        var text = string.Join(' ', Enumerable.Repeat("closer", 200)) + " end";

        await EnqueueAsync(bot, new OutgoingMessage(new ChatAddress(Platform.Telegram, "1001"), text, [[new Choice("Nice", "nice:1")]], [])
        {
            Attachment = new Attachment(AttachmentKind.Photo, "trend.png", "image/png", Png),
        });
        var photo = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.File is not null, after: before);
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");
        var sent = bot.Telegram.SentTo(alex.Id).Skip(before).ToList();

        Assert.Equal(2, sent.Count);
        Assert.Equal(text, sent[0].Text);
        Assert.Null(sent[0].File);
        Assert.Empty(sent[0].Buttons);
        Assert.Equal(("photo", "trend.png", ""), (photo.File!.Kind, photo.File.FileName, photo.Text));
        Assert.Equal(Png, photo.File.Content);
        Assert.Equal("nice:1", Assert.Single(Assert.Single(photo.Buttons)).CallbackData);
    }

    [Fact]
    public async Task FileSend_RateLimited_IsRetriedAndDeliveredOnce()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        bot.Telegram.SendText(alex, "/start");
        await bot.Telegram.WaitForMessageAsync(alex.Id);
        bot.Telegram.FailNextSend(429, retryAfter: 1, chatId: alex.Id);

        await EnqueueAsync(bot, new OutgoingMessage(new ChatAddress(Platform.Telegram, "1001"), "Your week", [], [])
        {
            Attachment = new Attachment(AttachmentKind.Photo, "trend.png", "image/png", Png),
        });
        var photo = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.File is not null, TimeSpan.FromSeconds(15));
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM outbox)");

        Assert.Equal("Your week", photo.Text);
        Assert.Single(bot.Telegram.SentTo(alex.Id), m => m.File is not null);
        Assert.Equal(2, bot.Telegram.CallLog.Count(c => c == "sendPhoto"));
    }

    [Fact]
    public async Task Export_OnDiscord_ArrivesAsAttachmentsOfTheReplyAndItsFollowUp()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);
        await discord.InvokeSlashCommandAsync(dana, "bucket", new Dictionary<string, object> { ["action"] = "add", ["wish"] = "see the sea" });
        await discord.WaitForChannelMessageAsync(eli.DmChannelId, m => m.Content.Contains("see the sea", StringComparison.Ordinal));

        var export = await discord.InvokeSlashCommandAsync(dana, "export");
        var record = await discord.WaitForInteractionAsync(
            export.Id, r => r.Original?.Attachments.Count == 1 && r.Followups.Count == 1, TimeSpan.FromSeconds(15));

        var markdown = Assert.Single(record.Original!.Attachments);
        var json = Assert.Single(record.Followups[0].Attachments);
        Assert.Equal(("journal-2026-03-04.md", "journal-2026-03-04.json"), (markdown.FileName, json.FileName));
        Assert.Contains("Here's your journal with Eli, Dana", record.Original.Content, StringComparison.Ordinal);
        Assert.Contains("- [ ] see the sea (added by Dana)", Encoding.UTF8.GetString(markdown.Content), StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json.Content);
        Assert.Equal("see the sea", parsed.RootElement.GetProperty("bucketList")[0].GetProperty("text").GetString());
        Assert.Contains(discord.GlobalCommands, c => c?["name"]?.GetValue<string>() == "export" && c["options"] is null);
    }

    private static async Task EnqueueAsync(BotTestHost bot, OutgoingMessage message)
    {
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().RunAsync(
                ct => scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(message, ct),
                CancellationToken.None);
        }

        bot.Services.GetRequiredService<OutboxSignal>().Notify();
    }
}
