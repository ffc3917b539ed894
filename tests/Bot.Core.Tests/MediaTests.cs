using System.IO.Compression;
using System.Text;
using Bot.Core.Application;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

/// <summary>Voice notes, photos and videos in place of words: sealed like text, shown as media, kept within limits.</summary>
public sealed class MediaTests
{
    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task VoiceAnswer_StaysSealedUntilBothAnswered_ThenBothHearIt()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/question date night");
        _bot.ClearOutbox();

        await _bot.MediaAsync(alex, CoreHarness.Media(alex, MediaKind.Voice, 300, "voice-alex"));

        var answer = Assert.Single(_bot.OpenRound(alex)!.Answers);
        Assert.Equal("🎤 a voice note", answer.Text);
        var kept = Assert.Single(_bot.Store.Media.All);
        Assert.Equal((answer.MediaId, _bot.Stored(alex).Id, 300), (kept.Id, kept.PersonId, kept.Content.Length));
        Assert.DoesNotContain(_bot.MessagesTo(bea), m => m.Attachment is not null);

        await _bot.AnswerAsync(bea, "the sea");

        foreach (var person in new[] { alex, bea })
        {
            var voice = Assert.Single(_bot.MessagesTo(person), m => m.Attachment is not null);
            Assert.Equal(AttachmentKind.Voice, voice.Attachment!.Kind);
            Assert.Equal(new MediaSource(Platform.Telegram, "voice-alex"), voice.Attachment.Source);
            Assert.Equal(300, voice.Attachment.Content.Length);
            Assert.Equal([_bot.Stored(alex).Id], voice.WordsOf);
            Assert.Contains(_bot.TextsTo(person), t => t.Contains("🎤 a voice note", StringComparison.Ordinal)
                && t.Contains("the sea", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task PhotoWithCaption_IsTheAnswer_WithItsCaptionAsWords()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/question date night");

        await _bot.MediaAsync(alex, CoreHarness.Media(alex, MediaKind.Photo, 50), "our first flat");
        await _bot.AnswerAsync(bea, "words");

        Assert.Contains(_bot.TextsTo(bea), t => t.Contains("📷 a photo: our first flat", StringComparison.Ordinal));
        Assert.Equal(AttachmentKind.Photo, Assert.Single(_bot.MessagesTo(bea), m => m.Attachment is not null).Attachment!.Kind);
    }

    [Fact]
    public async Task PrivateMediaAnswer_IsNeverSentToThePartner()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/question date night");
        await _bot.MediaAsync(alex, CoreHarness.Media(alex, MediaKind.Photo, 50));
        await _bot.PressOfferedAsync(alex, "ans:p");

        await _bot.AnswerAsync(bea, "words");

        Assert.DoesNotContain(_bot.MessagesTo(bea), m => m.Attachment is not null);
    }

    [Fact]
    public async Task OversizedVoiceNote_IsAnsweredClearly_AndNothingIsKept()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/question date night");
        _bot.ClearOutbox();
        var huge = new InboundMedia(MediaKind.Voice, new MediaSource(Platform.Telegram, "big"), 25L * 1024 * 1024, "audio/ogg")
        {
            TooLargeToFetch = true,
        };

        await _bot.MediaAsync(alex, huge);

        Assert.Contains("20 MB", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Empty(_bot.OpenRound(alex)!.Answers);
        Assert.Empty(_bot.Store.Media.All);
    }

    [Fact]
    public async Task PhotoTooLargeForAPartnerOnDiscord_SaysWhere()
    {
        var alex = _bot.Person("Alex");
        var bea = new TestUser(new ChatUser(Platform.Discord, "9001"), "Bea");
        await _bot.PairAsync(alex, bea);
        await _bot.SendAsync(alex, "/question date night");
        _bot.ClearOutbox();

        await _bot.MediaAsync(alex, CoreHarness.Media(alex, MediaKind.Photo, 12 * 1024 * 1024));

        var reply = _bot.LastTextTo(alex);
        Assert.Contains("10 MB", reply, StringComparison.Ordinal);
        Assert.Contains("Discord, where Bea reads", reply, StringComparison.Ordinal);
        Assert.Empty(_bot.OpenRound(alex)!.Answers);
    }

    [Fact]
    public async Task Media_WithNothingToAnswer_IsNotKept_AndPointsToTheJournal()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.MediaAsync(alex, CoreHarness.Media(alex, MediaKind.Photo, 10));

        Assert.Equal(Copy.MediaNothingToAnswer("Alex"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.Store.Media.All);
    }

    [Fact]
    public async Task VoiceLoveNote_ReachesThePartnerAsAVoiceNote()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendWithMediaAsync(alex, "/note", CoreHarness.Media(alex, MediaKind.Voice, 40));

        var note = Assert.Single(_bot.MessagesTo(bea));
        Assert.Equal(AttachmentKind.Voice, note.Attachment!.Kind);
        Assert.Contains("🎤 a voice note", note.Text, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(_bot.Store.LoveNotes.All).MediaId);
    }

    [Fact]
    public async Task Forget_DeletesTheirKeptMediaAndMemories_ButNotThePartners()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendWithMediaAsync(alex, "/memory beach", CoreHarness.Media(alex, MediaKind.Photo, 10));
        await _bot.SendWithMediaAsync(bea, "/memory hills", CoreHarness.Media(bea, MediaKind.Photo, 10));

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");

        Assert.Equal([_bot.Stored(bea).Id], _bot.Store.Media.All.Select(m => m.PersonId));
        Assert.Equal(["hills"], _bot.Store.Memories.All.Select(m => m.Text));
    }

    [Fact]
    public async Task Memory_WithAPhoto_IsKept_AndThePartnerSeesIt()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendWithMediaAsync(alex, "/memory our beach day", CoreHarness.Media(alex, MediaKind.Photo, 64));

        var memory = Assert.Single(_bot.Store.Memories.All);
        Assert.Equal(("our beach day", MediaKind.Photo), (memory.Text, memory.MediaKind));
        Assert.Equal(Copy.MemoryAdded("Alex", "Bea"), _bot.LastTextTo(alex));
        var told = Assert.Single(_bot.MessagesTo(bea));
        Assert.Equal(AttachmentKind.Photo, told.Attachment!.Kind);
        Assert.Contains("our beach day", told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_WithoutWordsOrFile_ExplainsHow()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/memory");

        Assert.Equal(Copy.MemoryHelp("Alex"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.Store.Memories.All);
    }

    [Fact]
    public async Task History_ListsMemories_EvenBeforeAnyCheckIn()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendWithMediaAsync(alex, "/memory our beach day", CoreHarness.Media(alex, MediaKind.Photo, 64));
        await _bot.SendAsync(alex, "/memory the first snow");

        await _bot.SendAsync(alex, "/history");

        var history = _bot.LastTextTo(alex);
        Assert.Contains(Copy.MemoryHistoryHeading, history, StringComparison.Ordinal);
        Assert.True(history.IndexOf("the first snow", StringComparison.Ordinal)
            < history.IndexOf("📷 a photo: our beach day", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_WithMedia_IsOneZip_WithTheMarkdownTheJsonAndTheFiles()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendWithMediaAsync(alex, "/memory our beach day", CoreHarness.Media(alex, MediaKind.Photo, 64));
        await _bot.SendAsync(alex, "/question date night");
        await _bot.MediaAsync(alex, CoreHarness.Media(alex, MediaKind.Voice, 32));
        await _bot.AnswerAsync(bea, "words");
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/export");

        var message = Assert.Single(_bot.MessagesTo(bea));
        var zipFile = message.Attachment!;
        Assert.Equal(("journal-2026-03-02.zip", "application/zip"), (zipFile.FileName, zipFile.ContentType));
        using var zip = new ZipArchive(new MemoryStream(zipFile.Content.ToArray()));
        Assert.Equal(
            ["journal-2026-03-02.json", "journal-2026-03-02.md", "media/media-1.jpg", "media/media-2.ogg"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(64, zip.GetEntry("media/media-1.jpg")!.Length);
        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }

        var markdown = Read("journal-2026-03-02.md");
        Assert.Contains("our beach day", markdown, StringComparison.Ordinal);
        Assert.Contains("(<media/media-1.jpg>)", markdown, StringComparison.Ordinal);
        Assert.Contains("(<media/media-2.ogg>)", markdown, StringComparison.Ordinal);
        var json = JournalJson.Parse(Encoding.UTF8.GetBytes(Read("journal-2026-03-02.json")));
        var memory = Assert.Single(json.Memories);
        Assert.Equal(("Alex", "our beach day", "photo", "media/media-1.jpg"), (memory.By, memory.Text, memory.Media!.Kind, memory.Media.Path));
        Assert.Equal("media/media-2.ogg", json.CheckIns.Single().Questions.Single().Answers[0].Media!.Path);
    }

    [Fact]
    public async Task Export_WithoutMedia_StaysTwoPlainFiles()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/memory words only");

        await _bot.SendAsync(alex, "/export");

        Assert.Equal([".md", ".json"], _bot.MessagesTo(alex).Where(m => m.Attachment is not null)
            .Select(m => Path.GetExtension(m.Attachment!.FileName)));
    }

    [Fact]
    public async Task OnThisDay_ComesBackAYearLater_AtTenOnEachPartnersOwnClock()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.Store.Persons.SaveTimeZoneAsync(_bot.Stored(alex).Id, "America/New_York", CancellationToken.None);
        await _bot.Store.Persons.SaveTimeZoneAsync(_bot.Stored(bea).Id, "Asia/Tokyo", CancellationToken.None);
        // 2 March 2026, 10:00 UTC: the same day on the couple's clock (UTC).
        await _bot.SendWithMediaAsync(alex, "/memory our beach day", CoreHarness.Media(alex, MediaKind.Photo, 16));
        _bot.ClearOutbox();

        // 09:59 in Tokyo on the day: not yet.
        _bot.AdvanceTo(new DateTimeOffset(2027, 3, 2, 0, 59, 0, TimeSpan.Zero));
        await _bot.SweepAllAsync();
        Assert.Empty(_bot.Messages);

        _bot.AdvanceTo(new DateTimeOffset(2027, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var report = await _bot.SweepAllAsync();
        await _bot.SweepAllAsync();

        Assert.Equal(1, report.MemoriesRecalled);
        // The couple paired on this day too, so the year in review comes beside the memory.
        var toBea = Assert.Single(_bot.MessagesTo(bea), m => m.Attachment is not null);
        var toAlex = Assert.Single(_bot.MessagesTo(alex), m => m.Attachment is not null);
        Assert.Null(toBea.NotBefore);
        // 10:00 in New York (EST, UTC-5) on 2 March 2027.
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 15, 0, 0, TimeSpan.Zero), toAlex.NotBefore);
        Assert.Equal(Copy.OnThisDay("Bea", "Alex", 1, "our beach day", MediaKind.Photo), toBea.Text);
        Assert.Equal(Copy.OnThisDay("Alex", "you", 1, "our beach day", MediaKind.Photo), toAlex.Text);
        Assert.Equal(AttachmentKind.Photo, toBea.Attachment!.Kind);

        _bot.ClearOutbox();
        _bot.AdvanceTo(new DateTimeOffset(2028, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await _bot.SweepAllAsync();
        Assert.Contains("2 years ago today", Assert.Single(_bot.MessagesTo(bea), m => m.Attachment is not null).Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnThisDay_OfAPartedCouple_StaysQuiet()
    {
        var (alex, _) = await _bot.CoupleAsync();
        var couple = _bot.ActiveCouple(alex)!;
        await _bot.SendAsync(alex, "/memory our beach day");
        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, couple.Id, "keep"));
        _bot.ClearOutbox();

        _bot.AdvanceTo(new DateTimeOffset(2027, 3, 2, 12, 0, 0, TimeSpan.Zero));
        var report = await _bot.SweepAllAsync();

        Assert.Equal(0, report.MemoriesRecalled);
        Assert.Empty(_bot.Messages);
    }

    [Fact]
    public void RecallInstant_OfALeapDayMemory_FallsOnThe28th()
    {
        var memory = new Memory(1, 1, 1, null, null, new DateTimeOffset(2028, 2, 29, 12, 0, 0, TimeSpan.Zero),
            DateTimeOffset.MinValue);

        var at = MemoryService.RecallInstant(memory, 1, "UTC", "Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2029, 2, 28, 9, 0, 0, TimeSpan.Zero), at);
    }
}
