using Bot.Core.Application;
using NodaTime;

namespace Bot.Core.Tests;

public sealed class LoveNoteTests
{
    private readonly CoreHarness _bot = new();

    private async Task<(TestUser Alex, TestUser Bea)> CoupleInAsync(string zone)
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, $"/timezone {zone}");
        _bot.ClearOutbox();
        return (alex, bea);
    }

    [Fact]
    public async Task Note_WithoutAWhen_ReachesThePartnerAtOnce_QuotingTheSender()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/note thinking of you\nall day");

        var delivered = _bot.LastMessageTo(bea);
        Assert.Equal(Copy.NoteDelivered("Bea", "Alex", "thinking of you\nall day"), delivered.Text);
        Assert.Equal([_bot.Stored(alex).Id], delivered.WordsOf);
        Assert.Equal(Copy.NoteSent("Alex", "Bea"), _bot.LastTextTo(alex));
        var note = Assert.Single(_bot.Store.LoveNotes.All);
        Assert.True(note.IsDelivered);
        Assert.Equal(0, (await _bot.NoteSweeper.RunAsync(CancellationToken.None)).Delivered);
    }

    [Fact]
    public async Task Note_AtATime_ArrivesAtTheNextSuchTimeOnThePartnersClock_AndNotBefore()
    {
        // 10:00 UTC is 05:00 in New York (UTC-5 until 8 March). Bea has no quiet hours, so early times stand.
        var (alex, bea) = await CoupleInAsync("America/New_York");
        await _bot.SendAsync(bea, "/quiet off");
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/note dinner is on me at 7:30");
        await _bot.SendAsync(alex, "/note good morning at 04:00");

        Assert.Equal(
            [
                Copy.NoteScheduled("Alex", "Bea", "Monday 2 March, 07:30", "America/New_York"),
                Copy.NoteScheduled("Alex", "Bea", "Tuesday 3 March, 04:00", "America/New_York"),
            ],
            _bot.TextsTo(alex));
        Assert.Empty(_bot.TextsTo(bea));
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 2, 12, 29, 0, TimeSpan.Zero));
        await _bot.NoteSweeper.RunAsync(CancellationToken.None);
        Assert.Empty(_bot.TextsTo(bea));

        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero));
        var first = await _bot.NoteSweeper.RunAsync(CancellationToken.None);
        var again = await _bot.NoteSweeper.RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first.Delivered, again.Delivered));
        var delivered = Assert.Single(_bot.MessagesTo(bea));
        Assert.Equal(Copy.NoteDelivered("Bea", "Alex", "dinner is on me"), delivered.Text);
        Assert.Equal([_bot.Stored(alex).Id], delivered.WordsOf);
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));
        await _bot.NoteSweeper.RunAsync(CancellationToken.None);
        Assert.Equal(Copy.NoteDelivered("Bea", "Alex", "good morning"), _bot.LastTextTo(bea));
    }

    [Theory]
    [InlineData("/note dinner is on me at 7:30pm")]
    [InlineData("/note dinner is on me at 7:30 PM")]
    [InlineData("/note dinner is on me at 19.30")]
    public async Task Note_AtATwelveHourOrDottedTime_IsReadAsThatTime(string line)
    {
        var (alex, _) = await CoupleInAsync("America/New_York");

        await _bot.SendAsync(alex, line);

        Assert.Equal(Copy.NoteScheduled("Alex", "Bea", "Monday 2 March, 19:30", "America/New_York"), _bot.LastTextTo(alex));
        Assert.Equal("dinner is on me", Assert.Single(_bot.Store.LoveNotes.All).Text);
    }

    [Fact]
    public async Task Note_AtATime_AcrossTheDaylightSavingChange_KeepsTheLocalTime()
    {
        var (alex, bea) = await CoupleInAsync("America/New_York");
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 7, 23, 0, 0, TimeSpan.Zero));

        // Saturday 18:00 in New York; the clocks go forward overnight, so Sunday 09:00 is 13:00 UTC.
        await _bot.SendAsync(alex, "/note pancakes? at 09:00");

        var note = Assert.Single(_bot.Store.LoveNotes.All);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 13, 0, 0, TimeSpan.Zero), note.DeliverAt);
        _bot.AdvanceTo(new DateTimeOffset(2026, 3, 8, 13, 0, 0, TimeSpan.Zero));
        await _bot.NoteSweeper.RunAsync(CancellationToken.None);
        Assert.Equal(Copy.NoteDelivered("Bea", "Alex", "pancakes?"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Note_Surprise_LandsAtADaytimeMomentOnTheCouplesClockWithinThreeDays()
    {
        var (alex, bea) = await CoupleInAsync("Asia/Tokyo");
        var zone = TimeZones.Get("Asia/Tokyo");
        var now = _bot.Clock.GetUtcNow();

        for (var i = 0; i < 20; i++)
        {
            await _bot.SendAsync(alex, $"/note you're wonderful {i} surprise");
        }

        Assert.Equal(20, _bot.Store.LoveNotes.All.Count);
        Assert.All(_bot.Store.LoveNotes.All, note =>
        {
            Assert.False(note.IsDelivered);
            Assert.InRange(note.DeliverAt, now.AddMinutes(1), now.AddDays(LoveNoteService.SurpriseDays));
            var local = Instant.FromDateTimeOffset(note.DeliverAt).InZone(zone).TimeOfDay;
            Assert.InRange(local, LoveNoteService.SurpriseFrom, LoveNoteService.SurpriseUntil);
        });
        Assert.StartsWith("A surprise it is, Alex!", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Empty(_bot.TextsTo(bea));
        _bot.Advance(TimeSpan.FromDays(LoveNoteService.SurpriseDays));
        Assert.Equal(20, (await _bot.NoteSweeper.RunAsync(CancellationToken.None)).Delivered);
    }

    [Fact]
    public void SurpriseMoment_SpreadsOverExactlyTheDaytimeMinutesOfTheNextThreeDays()
    {
        // Monday 2 March 11:00 in Berlin: from a minute from now until 20:00 today, two full days (10 h each), and
        // Thursday until 11:00 (1 h).
        var now = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var total = 0;

        var first = LoveNoteService.SurpriseMoment("Europe/Berlin", now, n => 0);
        var last = LoveNoteService.SurpriseMoment("Europe/Berlin", now, n => (total = n) - 1);

        Assert.Equal(((9 + 10 + 10 + 1) * 60) - 1, total);
        Assert.Equal(now.AddMinutes(1), first);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 9, 59, 0, TimeSpan.Zero), last);
    }

    [Fact]
    public async Task Capsule_TellsThePartnerOneIsWaiting_AndOpensOnTheDayAtNine_NotBefore()
    {
        var (alex, bea) = await CoupleInAsync("Europe/Berlin");

        await _bot.SendAsync(alex, "/capsule 2027-06-01 where I hope we are by now");

        Assert.Equal(Copy.CapsuleSealed("Alex", "Bea", "1 June 2027"), _bot.LastTextTo(alex));
        var waiting = _bot.LastMessageTo(bea);
        Assert.Equal(Copy.CapsuleWaiting("Bea", "Alex", "1 June 2027"), waiting.Text);
        Assert.DoesNotContain("hope", waiting.Text, StringComparison.Ordinal);
        Assert.True(Assert.Single(_bot.Store.LoveNotes.All).IsCapsule);
        _bot.ClearOutbox();
        _bot.AdvanceTo(new DateTimeOffset(2027, 6, 1, 6, 59, 0, TimeSpan.Zero));
        await _bot.NoteSweeper.RunAsync(CancellationToken.None);
        Assert.Empty(_bot.TextsTo(bea));

        _bot.AdvanceTo(new DateTimeOffset(2027, 6, 1, 7, 0, 0, TimeSpan.Zero));
        await _bot.NoteSweeper.RunAsync(CancellationToken.None);

        var opened = Assert.Single(_bot.MessagesTo(bea));
        Assert.Equal(Copy.CapsuleOpened("Bea", "Alex", "2 March 2026", "where I hope we are by now"), opened.Text);
        Assert.Equal([_bot.Stored(alex).Id], opened.WordsOf);
    }

    [Fact]
    public async Task BadInputs_EachGetAClearReply_AndStoreNothing()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var tooLong = new string('x', LoveNoteService.MaxTextLength + 1);

        string[] lines =
        [
            "/note", "/note   ", "/note surprise", "/note at 19:00", "/note " + tooLong, "/note see you at 25:00",
            "/note see you at 13pm", "/note see you at tonight", "/note lunch at noon!", "/capsule", "/capsule 01.06.2027 hello", "/capsule 2027-02-30 hello",
            "/capsule 2026-03-02 today", "/capsule 2020-01-01 past", "/capsule 2031-03-03 far", "/capsule 2027-06-01",
            "/capsule 2027-06-01 " + tooLong,
        ];
        foreach (var line in lines)
        {
            await _bot.SendAsync(alex, line);
        }

        Assert.Equal(
            [
                Copy.NoteHelp("Alex"), Copy.NoteHelp("Alex"), Copy.NoteHelp("Alex"), Copy.NoteHelp("Alex"),
                Copy.NoteTooLong("Alex", LoveNoteService.MaxTextLength + 1, LoveNoteService.MaxTextLength),
                Copy.NoteBadTime("Alex", "25:00"), Copy.NoteBadTime("Alex", "13pm"),
                Copy.NoteBadTime("Alex", "tonight"), Copy.NoteBadTime("Alex", "noon!"), Copy.CapsuleHelp("Alex"),
                Copy.CapsuleBadDate("Alex", "01.06.2027"), Copy.CapsuleBadDate("Alex", "2027-02-30"),
                Copy.CapsuleNotInFuture("Alex"), Copy.CapsuleNotInFuture("Alex"),
                Copy.CapsuleTooFar("Alex", LoveNoteService.MaxCapsuleYears), Copy.CapsuleHelp("Alex"),
                Copy.NoteTooLong("Alex", LoveNoteService.MaxTextLength + 1, LoveNoteService.MaxTextLength),
            ],
            _bot.TextsTo(alex));
        Assert.Empty(_bot.TextsTo(bea));
        Assert.Empty(_bot.Store.LoveNotes.All);
    }

    [Fact]
    public async Task Capsule_FiveYearsAheadToTheDay_IsAccepted()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/capsule 2031-03-02 our tenth spring");

        Assert.Equal(Copy.CapsuleSealed("Alex", "Bea", "2 March 2031"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Note_WhenNotPairedOrInAGroup_PointsTheWay()
    {
        var kim = _bot.Person("Kim");
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(kim, "/note hello");
        await _bot.SendAsync(kim, "/capsule 2027-01-01 hello");
        await _bot.SendInGroupAsync(alex, "/note hello");

        Assert.Equal([Copy.NotPaired("Kim"), Copy.NotPaired("Kim")], _bot.TextsTo(kim));
        Assert.Equal(Copy.PrivateOnly("Alex"), _bot.Messages[^1].Text);
        Assert.Empty(_bot.Store.LoveNotes.All);
    }

    [Fact]
    public async Task Note_TooManyWaiting_AsksToLetSomeArriveFirst()
    {
        var (alex, _) = await _bot.CoupleAsync();
        for (var i = 0; i < LoveNoteService.MaxPending; i++)
        {
            await _bot.SendAsync(alex, $"/note {i} at 23:00");
        }

        await _bot.SendAsync(alex, "/capsule 2027-01-01 one more");

        Assert.Equal(Copy.NotesPendingFull("Alex", LoveNoteService.MaxPending), _bot.LastTextTo(alex));
        Assert.Equal(LoveNoteService.MaxPending, _bot.Store.LoveNotes.All.Count);
    }

    [Fact]
    public async Task Forget_DeletesMyNotesAndCapsules_AndTheirQueuedCopies_KeepingMyPartners()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/note delivered already");
        await _bot.SendAsync(alex, "/note later at 23:00");
        await _bot.SendAsync(alex, "/capsule 2027-01-01 sealed");
        await _bot.SendAsync(bea, "/note from bea at 22:00");

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");

        Assert.Equal(["from bea"], _bot.Store.LoveNotes.All.Select(n => n.Text));
        Assert.DoesNotContain(_bot.Messages, m => m.Text.Contains("delivered already", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Note_WaitingWhenTheCoupleUnpairs_IsNeverDelivered()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/note see you tonight at 20:00");
        await _bot.SendAsync(bea, "/unpair");
        await _bot.PressAsync(bea, _bot.PayloadsTo(bea)[^4]);
        _bot.ClearOutbox();

        _bot.Advance(TimeSpan.FromDays(1));
        var result = await _bot.NoteSweeper.RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Delivered);
        Assert.Empty(_bot.Messages);
        Assert.True(Assert.Single(_bot.Store.LoveNotes.All).IsDelivered);
    }
}
