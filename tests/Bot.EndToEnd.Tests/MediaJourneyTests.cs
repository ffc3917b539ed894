using System.IO.Compression;
using System.Text;

namespace Bot.EndToEnd.Tests;

/// <summary>Voice notes, photos and videos as answers and memories, on one platform and across two.</summary>
public sealed class MediaJourneyTests
{
    // A JPEG as far as the servers look (its magic number), then some bytes.
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.UTF8.GetBytes("a beach at dusk")];
    private static readonly byte[] Voice = [.. "OggS"u8, .. Encoding.UTF8.GetBytes("i love you because")];

    [Fact]
    public async Task VoiceAnswer_OnTelegram_IsSealed_ThenRevealedToThePartnerByItsFileId()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.ReplyAsync(bot, alex, "/question date night");
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains("deck for you", StringComparison.Ordinal));

        var before = bot.Telegram.SentTo(alex.Id).Count;
        var fileId = bot.Telegram.SendMedia(alex, "voice", Voice);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("sealed", StringComparison.OrdinalIgnoreCase), after: before);
        await bot.SettleAsync();
        Assert.DoesNotContain(bot.Telegram.SentTo(sam.Id), m => m.File is not null);

        bot.Telegram.SendText(sam, "dinner on the roof");
        var voice = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.File?.Kind == "voice");
        var reveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("dinner on the roof", StringComparison.Ordinal));
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.File?.Kind == "voice");

        Assert.Equal(fileId, voice.File!.ByFileId);
        Assert.Contains("Alex\n🎤 a voice note", reveal.Text, StringComparison.Ordinal);
        Assert.Equal([fileId], bot.Telegram.DownloadedFiles);
    }

    [Fact]
    public async Task CoupleAcrossTelegramAndDiscord_HearAndSeeEachOthersMedia()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: true, discord: true);
        var discord = bot.Discord!;
        var (alex, dana) = await Journeys.PairedAcrossAsync(bot);
        await Journeys.ReplyAsync(bot, alex, "/question date night");
        await Journeys.DmAsync(discord, dana, "deck for you");

        bot.Telegram.SendMedia(alex, "voice", Voice);
        await discord.SendDmAttachmentAsync(dana, "sunset.jpg", "image/jpeg", Photo, "our walk");

        var voiceOnDiscord = await discord.WaitForChannelMessageAsync(dana.DmChannelId, m => m.Attachments.Count == 1,
            TimeSpan.FromSeconds(15));
        var photoOnTelegram = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.File?.Kind == "photo");
        var revealOnTelegram = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Dana\n📷 a photo: our walk", StringComparison.Ordinal));

        Assert.Equal(Voice, voiceOnDiscord.Attachments[0].Content);
        Assert.Equal(Photo, photoOnTelegram.File!.Content);
        Assert.Null(photoOnTelegram.File.ByFileId);
        Assert.Contains("From Dana", photoOnTelegram.Text, StringComparison.Ordinal);
        Assert.Single(discord.CdnDownloads);
        Assert.NotNull(revealOnTelegram);
        await Journeys.DmAsync(discord, dana, "Alex: 🎤 a voice note");
    }

    [Fact]
    public async Task PhotoMemory_ReachesThePartner_AndIsInHistoryAndTheExportZip()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);

        var fileId = bot.Telegram.SendMedia(alex, "photo", Photo, "/memory our beach day");
        var told = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.File?.Kind == "photo");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("It's in your journal now", StringComparison.Ordinal));
        var history = await Journeys.ReplyAsync(bot, sam, "/history");
        var before = bot.Telegram.SentTo(sam.Id).Count;
        bot.Telegram.SendText(sam, "/export");
        var export = await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.File is not null, after: before);

        Assert.Equal(fileId, told.File!.ByFileId);
        Assert.Contains("Alex added a moment to your journal", told.Text, StringComparison.Ordinal);
        Assert.Contains("Alex: 📷 a photo: our beach day", history.Text, StringComparison.Ordinal);
        Assert.EndsWith(".zip", export.File!.FileName, StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(export.File.Content));
        var media = Assert.Single(zip.Entries, e => e.FullName.StartsWith("media/", StringComparison.Ordinal));
        using (var stream = media.Open())
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy);
            Assert.Equal(Photo, copy.ToArray());
        }

        var markdown = zip.Entries.Single(e => e.FullName.EndsWith(".md", StringComparison.Ordinal));
        using var reader = new StreamReader(markdown.Open());
        var text = await reader.ReadToEndAsync();
        Assert.Contains("our beach day", text, StringComparison.Ordinal);
        Assert.Contains(media.FullName, text, StringComparison.Ordinal);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith(".json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OversizedVoiceNote_IsAnsweredClearly_AndNeverFetched()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.ReplyAsync(bot, alex, "/question date night");

        var before = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendMedia(alex, "voice", Voice, declaredSize: 25L * 1024 * 1024);
        var reply = await bot.Telegram.WaitForMessageAsync(alex.Id, after: before);

        Assert.Contains("up to 20 MB", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", reply.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Telegram.DownloadedFiles);
        await bot.SettleAsync();
        Assert.DoesNotContain(bot.Telegram.SentTo(sam.Id), m => m.Text.Contains("answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemoryOnDiscord_WithTheAttachmentOption_ReachesThePartner()
    {
        await using var bot = await BotTestHost.StartAsync(telegram: false, discord: true);
        var discord = bot.Discord!;
        var (dana, eli) = await Journeys.PairedOnDiscordAsync(discord);

        var memory = await discord.InvokeSlashCommandWithFileAsync(dana, "memory", "media", "us.jpg", "image/jpeg", Photo,
            new Dictionary<string, object> { ["text"] = "the first snow" });
        await discord.WaitForInteractionAsync(memory.Id, r => r.Original?.Content.Contains("It's in your journal now", StringComparison.Ordinal) == true);
        var told = await discord.WaitForChannelMessageAsync(eli.DmChannelId, m => m.Attachments.Count == 1, TimeSpan.FromSeconds(15));

        Assert.Equal(Photo, told.Attachments[0].Content);
        Assert.Contains("the first snow", told.Content, StringComparison.Ordinal);
        Assert.Contains(discord.GlobalCommands, c => c?["name"]?.GetValue<string>() == "memory"
            && c["options"]!.AsArray().Any(o => o?["type"]?.GetValue<int>() == 11));
    }
}
