using System.Globalization;
using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

/// <summary>Each partner's own zone and quiet hours: /timezone, /quiet, /nudge, notes, check-ins and reminders.</summary>
public sealed class TimeFairnessTests
{
    // The harness starts on Monday 2 March 2026, 10:00 UTC: 11:00 in Berlin, 02:00 in Los Angeles, 19:00 in Tokyo.
    private readonly CoreHarness _bot = new();

    /// <summary>Alex in Berlin (the check-ins' zone), Bea in Los Angeles, nine hours behind.</summary>
    private async Task<(TestUser Alex, TestUser Bea)> ApartAsync(string beaZone = "America/Los_Angeles")
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/timezone Europe/Berlin");
        await _bot.SendAsync(bea, $"/timezone {beaZone}");
        _bot.ClearOutbox();
        return (alex, bea);
    }

    [Fact]
    public async Task CooldownAndPause_ShowEachPersonTheirOwnClock()
    {
        // Monday 2 March, 10:00 UTC: 11:00 in Berlin, 02:00 in Los Angeles.
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(bea, "/cooldown 1h");
        var beaCooldown = _bot.LastTextTo(bea);
        var alexCooldown = _bot.LastTextTo(alex);
        await _bot.SendAsync(alex, "/status");
        var alexStatus = _bot.LastTextTo(alex);
        await _bot.SendAsync(bea, "/cooldown end");
        await _bot.SendAsync(bea, "/pause 2w");

        Assert.Contains("Until Monday 2 March, 03:00", beaCooldown, StringComparison.Ordinal);
        Assert.Contains("Until Monday 2 March, 12:00", alexCooldown, StringComparison.Ordinal);
        Assert.Contains("Cooling down until Monday 2 March, 12:00", alexStatus, StringComparison.Ordinal);
        // Los Angeles is on summer time by 16 March; Berlin is not yet.
        Assert.Contains("until Monday 16 March, 03:00", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Contains("Bea paused your check-ins until Monday 16 March, 11:00", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewsForAPartnerInTheirQuietHours_GoesOutNowButSilently()
    {
        // 02:00 in Los Angeles (Bea's night), 11:00 in Berlin.
        var (alex, bea) = await ApartAsync();
        await _bot.SendAsync(bea, "/question play");
        await _bot.TextAsync(bea, "answered before bed");
        _bot.ClearOutbox();

        await _bot.TextAsync(alex, "answered over coffee");
        await _bot.SendAsync(alex, "/pause 1w");

        var toBea = _bot.MessagesTo(bea);
        Assert.Equal(2, toBea.Count);
        Assert.All(toBea, m => Assert.True(m.Silent && m.NotBefore is null));
        Assert.Contains("answered over coffee", toBea[0].Text, StringComparison.Ordinal);
        Assert.All(_bot.MessagesTo(alex), m => Assert.False(m.Silent));
    }

    [Fact]
    public async Task Schedule_SetByThePartnerOnAnotherClock_TellsYouWhenItIsForYou()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(bea, "/schedule sun 19:00");

        // Sunday 19:00 in Los Angeles (summer time from that morning) is Monday 03:00 in Berlin.
        Assert.EndsWith("That's Monday 03:00 for you.", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.DoesNotContain("for you", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_WhilePartnerHasNoneOfTheirOwn_MovesTheCheckInsAlong()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/timezone Europe/Berlin");

        Assert.Equal("Europe/Berlin", _bot.Stored(alex).TimeZone);
        Assert.Null(_bot.Stored(bea).TimeZone);
        Assert.Equal("Europe/Berlin", _bot.ActiveCouple(alex)!.TimeZone);
        Assert.Equal("Europe/Berlin", _bot.Stored(bea).ZoneIn(_bot.ActiveCouple(bea)!));
        Assert.Equal(Copy.PartnerZoneMovedCheckIns("Bea", "Alex", "Europe/Berlin", _bot.ActiveCouple(bea)!), _bot.LastTextTo(bea));
        Assert.Contains("/timezone with your own zone", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_WhenPartnerHasTheirOwn_KeepsTheCheckIns_AndSaysWhatTheyAreForYou()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/timezone Europe/Berlin");
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/timezone America/Los_Angeles");

        var couple = _bot.ActiveCouple(bea)!;
        Assert.Equal("Europe/Berlin", couple.TimeZone);
        Assert.Equal(At("2026-03-08T18:00Z"), couple.NextCheckInAt);
        Assert.Equal("America/Los_Angeles", _bot.Stored(bea).TimeZone);
        // Sunday 8 March is also the day Los Angeles moves to summer time: 18:00 UTC is 11:00 there.
        Assert.Equal(
            "Done, Bea: it's Monday 2 March, 02:00 in America/Los_Angeles. Your check-ins stay on Europe/Berlin time; "
            + "the next one is Sunday 11:00 for you. /timezone couple America/Los_Angeles moves them to your clock.",
            _bot.LastTextTo(bea));
        Assert.Empty(_bot.TextsTo(alex));
    }

    [Fact]
    public async Task TimeZone_ForTheCouple_MovesTheCheckIns_AndTellsThePartner()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(bea, "/timezone couple Los Angeles");

        var couple = _bot.ActiveCouple(bea)!;
        Assert.Equal("America/Los_Angeles", couple.TimeZone);
        Assert.Equal(At("2026-03-09T02:00Z"), couple.NextCheckInAt);
        Assert.Equal("Europe/Berlin", _bot.Stored(alex).TimeZone);
        Assert.Contains("Next one: Sunday 8 March, 19:00.", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.StartsWith("Alex, Bea updated your check-ins.", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_WithMe_SetsOnlyYourOwnZone()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(alex, "/timezone me Tokyo");

        Assert.Equal("Asia/Tokyo", _bot.Stored(alex).TimeZone);
        Assert.Equal("Europe/Berlin", _bot.ActiveCouple(alex)!.TimeZone);
        Assert.Empty(_bot.TextsTo(bea));
    }

    [Theory]
    [InlineData("/timezone couple", "add the zone your check-ins should run on")]
    [InlineData("/timezone couple Atlantis", "I don't know the time zone \"Atlantis\"")]
    public async Task TimeZone_ForTheCouple_WithoutAGoodZone_ExplainsAndChangesNothing(string line, string expected)
    {
        var (alex, _) = await ApartAsync();

        await _bot.SendAsync(alex, line);

        Assert.Contains(expected, _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", _bot.ActiveCouple(alex)!.TimeZone);
    }

    [Theory]
    [InlineData("/timezone")]
    [InlineData("/timezone me")]
    public async Task TimeZone_WithoutAZone_ShowsBothClocksAndTheCheckInZone(string line)
    {
        var (_, bea) = await ApartAsync();

        await _bot.SendAsync(bea, line);

        Assert.StartsWith(
            "Bea, your time zone is America/Los_Angeles (it's 02:00). Alex's is Europe/Berlin (11:00 there). "
            + "Your check-ins run on Europe/Berlin time.",
            _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_IsReadOnTheClockOfWhoeverSetsIt()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(bea, "/schedule sat 9:30");

        var couple = _bot.ActiveCouple(bea)!;
        Assert.Equal("America/Los_Angeles", couple.TimeZone);
        Assert.Equal(At("2026-03-07T17:30Z"), couple.NextCheckInAt);
        Assert.Contains("Saturdays at 09:30 (America/Los_Angeles)", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WhenZonesDiffer_ShowsEachClock_QuietHours_AndTheCheckInForTheOther()
    {
        var (alex, _) = await ApartAsync();

        await _bot.SendAsync(alex, "/status");

        var status = _bot.LastTextTo(alex);
        Assert.Contains(
            "Your time: Europe/Berlin (it's Monday 2 March, 11:00). Bea's: America/Los_Angeles (it's 02:00 there).",
            status, StringComparison.Ordinal);
        Assert.Contains("Quiet hours: yours 22:00–08:00, Bea's 22:00–08:00.", status, StringComparison.Ordinal);
        Assert.Contains("Weekly check-ins: Sundays at 19:00 (Europe/Berlin).", status, StringComparison.Ordinal);
        Assert.Contains("That's Sunday 11:00 for Bea.", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_InOneZone_KeepsTheSingleTimeZoneLine()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/status");

        Assert.Contains("Time zone: UTC (it's Monday 2 March, 10:00).", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.DoesNotContain("That's", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_ShowsTheDefault_ChangesAcrossMidnight_AndTurnsOff()
    {
        var (alex, _) = await ApartAsync();

        await _bot.SendAsync(alex, "/quiet");
        var shown = _bot.LastTextTo(alex);
        await _bot.SendAsync(alex, "/quiet 23:30-07:15");
        var set = _bot.LastTextTo(alex);
        var changed = _bot.Stored(alex).QuietHours;
        await _bot.SendAsync(alex, "/quiet off");

        Assert.Equal(Copy.QuietCurrent("Alex", QuietHours.Default, "Europe/Berlin"), shown);
        Assert.Equal(new QuietHours(new TimeOnly(23, 30), new TimeOnly(7, 15)), changed);
        Assert.Equal(Copy.QuietSet("Alex", changed!, "Europe/Berlin"), set);
        Assert.Null(_bot.Stored(alex).QuietHours);
        Assert.Equal(Copy.QuietOff("Alex"), _bot.LastTextTo(alex));
    }

    [Theory]
    [InlineData("/quiet 22:00")]
    [InlineData("/quiet late")]
    [InlineData("/quiet 22:00-22:00")]
    [InlineData("/quiet 26:00-08:00")]
    public async Task Quiet_Malformed_GetsAnExample_AndKeepsTheHours(string line)
    {
        var (alex, _) = await ApartAsync();

        await _bot.SendAsync(alex, line);

        Assert.Equal(Copy.QuietHelp("Alex"), _bot.LastTextTo(alex));
        Assert.Contains("/quiet 22:00-08:00", Copy.QuietHelp("Alex"), StringComparison.Ordinal);
        Assert.Equal(QuietHours.Default, _bot.Stored(alex).QuietHours);
    }

    [Fact]
    public async Task Nudge_InTheDaytime_LandsAtOnce()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/nudge");

        var nudge = _bot.LastMessageTo(bea);
        Assert.Null(nudge.NotBefore);
        Assert.Contains(Copy.NudgeLines.Select(line => string.Format(CultureInfo.InvariantCulture, line, "Bea", "Alex")), l => l == nudge.Text);
        Assert.Equal(Copy.NudgeSent("Alex", "Bea"), _bot.LastTextTo(alex));
    }

    [Theory]
    [InlineData("/nudge")]
    [InlineData("/note thinking of you")]
    [InlineData("/checkin")]
    [InlineData("/question")]
    public async Task PartnerAwake_OnAClockThatMovesBetweenReads_HearsNoQuietHoursNotice(string line)
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/quiet off");
        _bot.ClearOutbox();
        // A real clock: every reading is a little later than the one before.
        _bot.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(5);

        await _bot.SendAsync(alex, line);

        Assert.All(_bot.MessagesTo(bea), m => Assert.Null(m.NotBefore));
        Assert.DoesNotContain(_bot.TextsTo(alex), t => t.Contains("quiet hours end", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.TextsTo(alex), t => t.Contains("their time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nudge_InThePartnersNight_WaitsForTheirMorning_AndTheSenderHearsWhen()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(alex, "/nudge");

        // 02:00 in Los Angeles; their quiet hours end at 08:00 PST, 16:00 UTC, 17:00 in Berlin.
        Assert.Equal(At("2026-03-02T16:00Z"), _bot.LastMessageTo(bea).NotBefore);
        Assert.Equal(Copy.NudgeHeld("Alex", "Bea", "02:00", "08:00", "17:00"), _bot.LastTextTo(alex));
        Assert.Contains("It's 02:00 for Bea, so your nudge will reach them at 08:00 their time (17:00 yours)",
            _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nudge_ToAPartnerWithQuietHoursOff_LandsAtOnce_EvenAtNight()
    {
        var (alex, bea) = await ApartAsync();
        await _bot.SendAsync(bea, "/quiet off");

        await _bot.SendAsync(alex, "/nudge");

        Assert.Null(_bot.LastMessageTo(bea).NotBefore);
        Assert.Equal(Copy.NudgeSent("Alex", "Bea"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Nudge_PartnerFarAhead_InTheirLateEvening_WaitsOvernight()
    {
        // Tokyo is nine hours ahead of UTC: 13:30 UTC is 22:30 there.
        var (alex, bea) = await ApartAsync("Asia/Tokyo");
        _bot.AdvanceTo(At("2026-03-02T13:30Z"));

        await _bot.SendAsync(alex, "/nudge");

        Assert.Equal(At("2026-03-02T23:00Z"), _bot.LastMessageTo(bea).NotBefore);
        Assert.Equal(Copy.NudgeHeld("Alex", "Bea", "22:30", "08:00", "00:00"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Nudge_OncePerDayOnTheSendersClock_TheSecondIsKindlyRefused()
    {
        // Alex in Tokyo: 10:00 UTC is 19:00, and 15:30 UTC is already 00:30 the next day there.
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/timezone Asia/Tokyo");
        await _bot.SendAsync(bea, "/timezone Europe/London");
        await _bot.SendAsync(alex, "/nudge");
        _bot.ClearOutbox();
        _bot.AdvanceTo(At("2026-03-02T14:59Z"));

        await _bot.SendAsync(alex, "/nudge");
        var refused = _bot.LastTextTo(alex);
        var toBeaWhenRefused = _bot.MessagesTo(bea).Count;
        _bot.AdvanceTo(At("2026-03-02T15:30Z"));
        await _bot.SendAsync(alex, "/nudge");

        Assert.Equal(Copy.NudgeUsedToday("Alex", "Bea"), refused);
        Assert.Equal(0, toBeaWhenRefused);
        Assert.Single(_bot.MessagesTo(bea));
        Assert.Equal(At("2026-03-02T15:30Z"), _bot.Stored(alex).LastNudgeAt);
    }

    [Fact]
    public async Task Nudge_EachPartnerHasTheirOwnDailyNudge()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/nudge");
        await _bot.SendAsync(bea, "/nudge");

        Assert.Equal(Copy.NudgeSent("Alex", "Bea"), _bot.TextsTo(alex)[0]);
        Assert.Equal(Copy.NudgeSent("Bea", "Alex"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Nudge_WhilePaused_IsRefusedKindly_AndNothingIsSpent()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/pause 1w");
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/nudge");

        Assert.Equal(Copy.NudgePaused("Alex", "Bea"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.MessagesTo(bea));
        Assert.Null(_bot.Stored(alex).LastNudgeAt);
    }

    [Fact]
    public void NudgeLines_RotateThroughSeveralWarmLines_ByName()
    {
        var lines = Enumerable.Range(0, Copy.NudgeLines.Count).Select(i => Copy.Nudge("Bea", "Alex", i)).ToList();

        Assert.True(lines.Count >= 3);
        Assert.Equal(lines.Count, lines.Distinct().Count());
        Assert.All(lines, line => Assert.Contains("Alex", line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Contains("Bea", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Note_Now_InThePartnersNight_IsHeldUntilTheirMorning_AndTheSenderIsTold()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(alex, "/note sleep well");

        var note = _bot.LastMessageTo(bea);
        Assert.Equal(Copy.NoteDelivered("Bea", "Alex", "sleep well"), note.Text);
        Assert.Equal(At("2026-03-02T16:00Z"), note.NotBefore);
        Assert.Equal(Copy.NoteHeld("Alex", "Bea", "02:00", "08:00", "17:00"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Note_AtATime_IsReadOnTheRecipientsClock()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(alex, "/note dinner soon? at 19:00");

        // 19:00 in Los Angeles on Monday is 03:00 UTC on Tuesday, 04:00 in Berlin.
        var stored = Assert.Single(_bot.Store.LoveNotes.All);
        Assert.Equal(At("2026-03-03T03:00Z"), stored.DeliverAt);
        Assert.Equal(
            Copy.NoteScheduled("Alex", "Bea", "Monday 2 March, 19:00", "America/Los_Angeles") + Copy.ForYou("Tuesday 04:00"),
            _bot.LastTextTo(alex));
        _bot.AdvanceTo(At("2026-03-03T03:00Z"));
        await _bot.NoteSweeper.RunAsync(CancellationToken.None);
        Assert.Null(_bot.LastMessageTo(bea).NotBefore);
    }

    [Fact]
    public async Task Note_AtATimeInThePartnersQuietHours_LandsWhenTheyEnd()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(alex, "/note good morning at 06:30");

        Assert.StartsWith("Got it, Alex. 06:30 is in Bea's quiet hours, so your note will reach them on Monday 2 March, 08:00",
            _bot.LastTextTo(alex), StringComparison.Ordinal);
        _bot.AdvanceTo(At("2026-03-02T14:30Z"));
        await _bot.NoteSweeper.RunAsync(CancellationToken.None);
        var delivered = _bot.LastMessageTo(bea);
        Assert.Equal(Copy.NoteDelivered("Bea", "Alex", "good morning"), delivered.Text);
        Assert.Equal(At("2026-03-02T16:00Z"), delivered.NotBefore);
    }

    [Fact]
    public async Task Capsule_OpensAtNineOnTheRecipientsClock()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(alex, "/capsule 2026-06-01 our first summer");

        // 09:00 in Los Angeles (summer time, UTC-7) is 16:00 UTC.
        var capsule = Assert.Single(_bot.Store.LoveNotes.All);
        Assert.Equal(At("2026-06-01T16:00Z"), capsule.DeliverAt);
        // The "one is waiting" notice also waits out Bea's night.
        Assert.Equal(At("2026-03-02T16:00Z"), _bot.LastMessageTo(bea).NotBefore);
    }

    [Fact]
    public void SurpriseMoment_AvoidsTheRecipientsQuietHours()
    {
        var now = At("2026-03-02T10:00Z");
        var quiet = new QuietHours(new TimeOnly(9, 0), new TimeOnly(19, 30));
        var total = 0;

        var first = LoveNoteService.SurpriseMoment("Europe/Berlin", now, n => 0, quiet);
        var last = LoveNoteService.SurpriseMoment("Europe/Berlin", now, n => (total = n) - 1, quiet);

        // Only 19:30–20:00 Berlin is both daytime and awake: today, and the two days after (Thursday ends at 11:00).
        Assert.Equal(3 * 30, total);
        Assert.Equal(At("2026-03-02T18:30Z"), first);
        Assert.Equal(At("2026-03-04T18:59Z"), last);
    }

    [Fact]
    public async Task Surprise_ForAPartnerAwakeOnlyInTheEvening_IsScheduledThen()
    {
        var (alex, bea) = await ApartAsync();
        await _bot.SendAsync(bea, "/quiet 8:00-19:00");

        await _bot.SendAsync(alex, "/note you are lovely surprise");

        var note = Assert.Single(_bot.Store.LoveNotes.All);
        var local = PersonalTime.TimeOfDay(note.DeliverAt, "America/Los_Angeles");
        Assert.InRange(local, new TimeOnly(19, 0), new TimeOnly(19, 59));
    }

    [Fact]
    public async Task ScheduledCheckIn_FirstQuestionWaitsOutAPartnersNight_NotTheOther()
    {
        // Sunday 19:00 in Berlin is 03:00 on Monday in Tokyo.
        var (alex, bea) = await ApartAsync("Asia/Tokyo");
        _bot.AdvanceTo(At("2026-03-08T18:00Z"));

        await _bot.SweepAsync();

        Assert.Null(_bot.LastMessageTo(alex).NotBefore);
        var held = _bot.LastMessageTo(bea);
        Assert.Equal(At("2026-03-08T23:00Z"), held.NotBefore);
        Assert.True(held.IsRoundStep);
        Assert.StartsWith("pulse:", held.Choices[0][0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInNow_ReachesWhoeverAskedAtOnce_EvenInTheirOwnQuietHours()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(bea, "/checkin");

        Assert.Null(_bot.LastMessageTo(bea).NotBefore);
        Assert.NotNull(_bot.PendingPulsePayload(bea, 3));
        Assert.Null(_bot.LastMessageTo(alex).NotBefore);
    }

    [Fact]
    public async Task CheckInNow_WhenItIsNightForThePartner_TellsWhoeverAskedWhenTheirsArrives()
    {
        var (alex, bea) = await ApartAsync();

        await _bot.SendAsync(alex, "/checkin");

        Assert.Equal(At("2026-03-02T16:00Z"), _bot.LastMessageTo(bea).NotBefore);
        Assert.Equal(Copy.PartnerQuestionWaits("Alex", "Bea", "02:00", "08:00"), _bot.LastTextTo(alex));
        Assert.StartsWith("pulse:", _bot.MessagesTo(alex)[0].Choices[0][0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_InAPartnersQuietHours_IsHeldUntilTheyEnd()
    {
        var (alex, bea) = await ApartAsync("Asia/Tokyo");
        _bot.AdvanceTo(At("2026-03-08T18:00Z"));
        await _bot.SweepAsync();
        _bot.ClearOutbox();
        _bot.Advance(_bot.Options.RemindAfter);

        var result = await _bot.SweepAsync();

        Assert.Equal(1, result.Reminded);
        var toBea = _bot.LastMessageTo(bea);
        Assert.StartsWith(Copy.Reminder("Bea", "Alex"), toBea.Text, StringComparison.Ordinal);
        Assert.Equal(At("2026-03-09T23:00Z"), toBea.NotBefore);
        Assert.Null(_bot.LastMessageTo(alex).NotBefore);
    }

    [Fact]
    public async Task Answering_DuringTheNight_DropsTheHeldQuestion_AndAsksTheNextAtOnce()
    {
        var (alex, bea) = await ApartAsync("Asia/Tokyo");
        _bot.AdvanceTo(At("2026-03-08T18:00Z"));
        await _bot.SweepAsync();
        Assert.Single(_bot.MessagesTo(bea));

        await _bot.PulseAsync(bea, 4, 5);
        await _bot.TextAsync(bea, "awake anyway");

        Assert.All(_bot.MessagesTo(bea), m => Assert.Null(m.NotBefore));
        Assert.Contains("(2/3)", _bot.LastTextTo(bea), StringComparison.Ordinal);
        Assert.Equal(1, _bot.OpenRound(alex)!.AnsweredCountFor(_bot.Stored(bea).Id));
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
