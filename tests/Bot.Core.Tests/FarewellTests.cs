using Bot.Core.Application;
using Bot.Core.Application.Buttons;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class FarewellTests
{
    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task Unpair_AsksForConfirmationWithButtons()
    {
        var (alex, _) = await _bot.CoupleAsync();
        var couple = _bot.ActiveCouple(alex)!;

        await _bot.SendAsync(alex, "/unpair");

        var ask = Assert.Single(_bot.Messages);
        Assert.Equal(Copy.ConfirmUnpair("Alex", "Bea"), ask.Text);
        Assert.Equal(
            [
                (Copy.UnpairKeepLabel, _bot.Confirmation(alex, ButtonCatalog.Unpair, couple.Id, "keep")),
                (Copy.UnpairDeleteMineLabel, _bot.Confirmation(alex, ButtonCatalog.Unpair, couple.Id, "mine")),
                (Copy.UnpairDeleteOursLabel("Bea"), _bot.Confirmation(alex, ButtonCatalog.Unpair, couple.Id, "ours")),
                (Copy.ConfirmNo, "cancel"),
            ],
            ask.Choices.SelectMany(row => row).Select(c => (c.Label, c.Payload)));
        Assert.NotNull(_bot.ActiveCouple(alex));
    }

    [Fact]
    public async Task Unpair_Cancelled_ChangesNothing()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        var couple = _bot.ActiveCouple(alex);
        var round = _bot.OpenRound(alex)!;
        await _bot.SendAsync(alex, "/unpair");

        await _bot.PressAsync(alex, "cancel");

        Assert.Equal(Copy.NothingChanged("Alex"), _bot.LastTextTo(alex));
        Assert.Equal(couple, _bot.ActiveCouple(alex));
        Assert.Equal(round.Id, _bot.OpenRound(alex)?.Id);
    }

    [Fact]
    public async Task Unpair_Confirmed_EndsTheCoupleCancelsTheRoundAndTellsThePartner()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        var round = _bot.OpenRound(alex)!;
        await _bot.SendAsync(alex, "/unpair");
        var confirm = _bot.PayloadsTo(alex)[^4];

        await _bot.PressAsync(alex, confirm);

        var couple = Assert.Single(_bot.Store.Couples.All);
        Assert.False(couple.IsActive);
        Assert.Equal(_bot.Clock.GetUtcNow(), couple.EndedAt);
        Assert.Null(couple.NextCheckInAt);
        Assert.Equal(RoundState.Cancelled, _bot.Store.Rounds.All.Single(r => r.Id == round.Id).State);
        Assert.Contains(Copy.Unpaired("Alex", "Bea"), _bot.TextsTo(alex));
        Assert.Equal(Copy.PartnerUnpaired("Bea", "Alex"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Unpair_ButtonFromAnEarlierPairing_IsRefused()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/unpair");
        var old = _bot.PayloadsTo(alex)[0];
        await _bot.PressAsync(alex, old);
        await _bot.PairAsync(alex, bea);

        await _bot.PressAsync(alex, old);

        Assert.Equal(Copy.StaleButton("Alex"), _bot.LastTextTo(alex));
        Assert.NotNull(_bot.ActiveCouple(alex));
        Assert.Empty(_bot.MessagesTo(bea));
    }

    [Fact]
    public async Task Unpair_ButtonWhenNoLongerPaired_SaysNotPaired()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/unpair");
        var confirm = _bot.PayloadsTo(alex)[0];
        await _bot.SendAsync(bea, "/unpair");
        await _bot.PressAsync(bea, _bot.PayloadsTo(bea)[0]);
        _bot.ClearOutbox();

        await _bot.PressAsync(alex, confirm);

        Assert.Equal(Copy.NotPaired("Alex"), Assert.Single(_bot.Messages).Text);
    }

    [Theory]
    [InlineData("/unpair")]
    [InlineData("/forget")]
    [InlineData("/skip")]
    public async Task PrivateCommands_InAGroup_AnswerWithThePrivateOnlyReply(string line)
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendInGroupAsync(alex, line);

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal(CoreHarness.Group, reply.To);
        Assert.Equal(Copy.PrivateOnly("Alex"), reply.Text);
    }

    [Fact]
    public async Task Forget_AsksForConfirmationWithButtons()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/forget");

        var ask = Assert.Single(_bot.Messages);
        Assert.Equal(Copy.ConfirmForget("Alex"), ask.Text);
        Assert.Equal(
            [_bot.Confirmation(alex, ButtonCatalog.Forget), "cancel"], ask.Choices.SelectMany(row => row).Select(c => c.Payload));
    }

    [Fact]
    public async Task Forget_Cancelled_KeepsEveryAnswer()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/forget");

        await _bot.PressAsync(alex, "cancel");

        Assert.Equal(Copy.NothingChanged("Alex"), _bot.LastTextTo(alex));
        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.NotNull(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Forget_Confirmed_DeletesTheirAnswersEverywhereUnpairsAndTellsThePartner()
    {
        var (alex, bea) = await RevealedRoundAsync();
        var oldCouple = _bot.ActiveCouple(alex)!;
        await _bot.SendAsync(alex, "/unpair");
        await _bot.PressAsync(alex, _bot.PayloadsTo(alex)[^4]);
        var cam = _bot.Person("Cam");
        await _bot.PairAsync(alex, cam);
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "alex-to-cam-1", "alex-to-cam-2", "alex-to-cam-3");
        await _bot.AnswerAsync(cam, "cam-1", "cam-2", "cam-3");
        await _bot.SendAsync(alex, "/checkin");
        await _bot.TextAsync(alex, "alex-open-1");
        await _bot.SendAsync(alex, "/forget");

        await _bot.PressOfferedAsync(alex, "forget");

        var alexId = _bot.Stored(alex).Id;
        Assert.DoesNotContain(_bot.Store.Rounds.All.SelectMany(r => r.Answers), a => a.PersonId == alexId);
        Assert.Equal(3, _bot.Store.Rounds.All[0].Answers.Count);
        Assert.Equal(3, _bot.Store.Rounds.All[1].Answers.Count);
        Assert.Null(_bot.ActiveCouple(alex));
        Assert.Null(_bot.ActiveCouple(cam));
        Assert.Equal(RoundState.Cancelled, _bot.Store.Rounds.All[^1].State);
        Assert.Equal(Copy.Forgotten("Alex"), _bot.LastTextTo(alex));
        Assert.Equal(Copy.PartnerForgot("Cam", "Alex"), _bot.LastTextTo(cam));
        Assert.DoesNotContain(Copy.PartnerForgot("Bea", "Alex"), _bot.TextsTo(bea));
        var history = Copy.History(
            await _bot.Store.Rounds.GetRevealedAsync(oldCouple.Id, 20, CancellationToken.None),
            _bot.Stored(alex), _bot.Stored(bea), oldCouple.TimeZone, _bot.Clock.GetUtcNow(), viewerId: null);
        Assert.Contains("Alex: (words removed)\nBea: B one", history, StringComparison.Ordinal);
        Assert.DoesNotContain("A one", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_Confirmed_LeavesThePartnerTheirOwnWordsToRead_AndNoneOfTheirs()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");

        await _bot.SendAsync(bea, "/history");

        var history = _bot.LastTextTo(bea);
        Assert.Contains("B two", history, StringComparison.Ordinal);
        Assert.DoesNotContain("A two", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterUnpair_ThePartnerWhoStayed_CanStillReadAndExportWhatTheyWereShown()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/unpair");
        await _bot.PressOfferedAsync(alex, $"unpair:{_bot.ActiveCouple(alex)!.Id}:keep");
        _bot.Advance(TimeSpan.FromDays(30));

        await _bot.SendAsync(bea, "/history");
        var history = _bot.LastTextTo(bea);
        await _bot.SendAsync(bea, "/export");

        Assert.Contains("A two", history, StringComparison.Ordinal);
        Assert.Contains("B two", history, StringComparison.Ordinal);
        var files = _bot.MessagesTo(bea).Where(m => m.Attachment is not null).Select(m => m.Attachment!).ToList();
        Assert.Equal([".md", ".json"], files.Select(f => Path.GetExtension(f.FileName)));
        Assert.Contains("A one", System.Text.Encoding.UTF8.GetString(files[0].Content.Span), StringComparison.Ordinal);
        Assert.Null(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task AfterTheJournalIsErased_ThereIsNothingLeftToRead()
    {
        var (alex, bea) = await RevealedRoundAsync();
        var coupleId = _bot.ActiveCouple(alex)!.Id;
        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, coupleId, "ours"));
        await _bot.PressAsync(bea, _bot.Confirmation(bea, ButtonCatalog.Erase, coupleId, "yes"));

        await _bot.SendAsync(bea, "/history");

        Assert.Equal(Copy.HistoryEmpty("Bea"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task HistoryAndExport_ForSomeoneNeverPaired_SayHowToPair()
    {
        var cam = _bot.Person("Cam");

        await _bot.SendAsync(cam, "/history");
        var history = _bot.LastTextTo(cam);
        await _bot.SendAsync(cam, "/export");

        Assert.Equal(Copy.NotPaired("Cam"), history);
        Assert.Equal(Copy.NotPaired("Cam"), _bot.LastTextTo(cam));
    }

    [Fact]
    public async Task Forget_Confirmed_DropsUndeliveredRevealsQuotingThem()
    {
        var (alex, bea) = await RevealedRoundAsync(clear: false);
        Assert.Contains(_bot.Messages, m => m.Text.Contains("A one", StringComparison.Ordinal));
        await _bot.SendAsync(alex, "/forget");

        await _bot.PressOfferedAsync(alex, "forget");

        Assert.DoesNotContain(_bot.Messages, m => m.Text.Contains("A one", StringComparison.Ordinal));
        Assert.Contains(Copy.PartnerForgot("Bea", "Alex"), _bot.TextsTo(bea));
    }

    [Fact]
    public async Task Forget_Confirmed_DropsUndeliveredHistoryRepliesQuotingThem()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(bea, "/history");
        await _bot.SendAsync(alex, "/forget");

        await _bot.PressOfferedAsync(alex, "forget");

        Assert.DoesNotContain(_bot.Messages, m => m.Text.Contains("A one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forget_WhenNotPaired_StillDeletesTheirWords()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(bea, "/unpair");
        await _bot.PressAsync(bea, _bot.PayloadsTo(bea)[^4]);
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/forget");
        await _bot.PressOfferedAsync(alex, "forget");

        Assert.Equal(3, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.Equal(Copy.Forgotten("Alex"), _bot.LastTextTo(alex));
        Assert.Empty(_bot.MessagesTo(bea));
    }

    [Fact]
    public async Task Unpair_KeepingMyCopy_LeavesEveryAnswerAndNote()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(bea, "/note thank you");
        var coupleId = _bot.ActiveCouple(alex)!.Id;
        await _bot.SendAsync(alex, "/unpair");

        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, coupleId, "keep"));

        Assert.Null(_bot.ActiveCouple(alex));
        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.Single(_bot.Store.LoveNotes.All);
        var files = _bot.MessagesTo(alex).Where(m => m.Attachment is not null).Select(m => m.Attachment!).ToList();
        Assert.Equal([".md", ".json"], files.Select(f => Path.GetExtension(f.FileName)));
        Assert.Contains("A one", System.Text.Encoding.UTF8.GetString(files[0].Content.Span), StringComparison.Ordinal);
        Assert.Contains(Copy.Unpaired("Alex", "Bea"), _bot.TextsTo(alex));
        Assert.Equal(Copy.PartnerUnpaired("Bea", "Alex"), _bot.LastTextTo(bea));
    }

    [Theory]
    [InlineData("unpair:{0}")]
    [InlineData("unpair:{0}:mine")]
    public async Task Unpair_AButtonFromAnOlderVersion_HasExpiredAndChangesNothing(string format)
    {
        var (alex, _) = await RevealedRoundAsync();
        var coupleId = _bot.ActiveCouple(alex)!.Id;

        await _bot.PressAsync(alex, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, coupleId));

        Assert.NotNull(_bot.ActiveCouple(alex));
        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.Equal(Copy.ConfirmationExpired("Alex", "/unpair"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Unpair_DeleteMyWordsTappedAfterTenMinutes_HasExpiredAndChangesNothing()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/unpair");
        _bot.Advance(ButtonCatalog.ConfirmationLifetime + TimeSpan.FromSeconds(1));

        await _bot.PressOfferedAsync(alex, $"unpair:{_bot.ActiveCouple(alex)!.Id}:mine");

        Assert.NotNull(_bot.ActiveCouple(bea));
        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.Equal(Copy.ConfirmationExpired("Alex", "/unpair"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Forget_TappedMonthsLater_HasExpired_ChangesNothing_AndSaysHowToAskAgain()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/forget");
        _bot.Advance(TimeSpan.FromDays(90));

        await _bot.PressOfferedAsync(alex, "forget");

        Assert.Equal(Copy.ConfirmationExpired("Alex", "/forget"), _bot.LastTextTo(alex));
        Assert.Contains("/forget again", _bot.LastTextTo(alex), StringComparison.Ordinal);
        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.NotNull(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Forget_TappedJustInTime_StillDeletes()
    {
        var (alex, _) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/forget");
        _bot.Advance(ButtonCatalog.ConfirmationLifetime);

        await _bot.PressOfferedAsync(alex, "forget");

        Assert.Equal(Copy.Forgotten("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task Forget_AConfirmationShownToSomeoneElse_DeletesNothing()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/forget");

        await _bot.PressAsync(bea, _bot.PayloadsTo(alex).Last(p => p.StartsWith("forget", StringComparison.Ordinal)));

        Assert.Equal(Copy.ConfirmationExpired("Bea", "/forget"), _bot.LastTextTo(bea));
        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.NotNull(_bot.ActiveCouple(alex));
    }

    [Fact]
    public async Task EraseAsk_AnsweredAfterItsButtonsExpired_OffersFreshOnes_ThatWork()
    {
        var (alex, bea) = await RevealedRoundAsync();
        var coupleId = _bot.ActiveCouple(alex)!.Id;
        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, coupleId, "ours"));
        _bot.Advance(TimeSpan.FromHours(9));

        await _bot.PressOfferedAsync(bea, $"erase:{coupleId}:yes");

        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.Equal(Copy.EraseAskedAgain("Bea", "Alex"), _bot.LastTextTo(bea));
        await _bot.PressOfferedAsync(bea, $"erase:{coupleId}:yes");
        Assert.Empty(_bot.Store.Rounds.All);
        Assert.Equal(Copy.JournalErased("Bea"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Unpair_DeletingMyWords_RemovesOnlyWhatIWroteAndTellsMyPartner()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/bucket add see the northern lights");
        await _bot.SendAsync(bea, "/bucket add learn to sail");
        await _bot.SendAsync(alex, "/unpair");

        await _bot.PressAsync(alex, _bot.PayloadsTo(alex)[^3]);

        var alexId = _bot.Stored(alex).Id;
        Assert.Null(_bot.ActiveCouple(alex));
        Assert.All(Assert.Single(_bot.Store.Rounds.All).Answers, a => Assert.NotEqual(alexId, a.PersonId));
        Assert.Equal("learn to sail", Assert.Single(_bot.Store.BucketList.All).Text);
        Assert.Equal(Copy.UnpairedWordsDeleted("Alex", "Bea"), _bot.LastTextTo(alex));
        Assert.Equal(Copy.PartnerForgot("Bea", "Alex"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Unpair_DeletingOurs_UnpairsAtOnceButErasesNothingUntilThePartnerAgrees()
    {
        var (alex, bea) = await RevealedRoundAsync();
        var coupleId = _bot.ActiveCouple(alex)!.Id;
        await _bot.SendAsync(alex, "/unpair");

        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, coupleId, "ours"));

        Assert.Null(_bot.ActiveCouple(alex));
        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.Equal(Copy.UnpairedAskedToErase("Alex", "Bea"), _bot.LastTextTo(alex));
        var ask = _bot.MessagesTo(bea)[^1];
        Assert.Equal(Copy.PartnerAsksToErase("Bea", "Alex"), ask.Text);
        Assert.Equal(
            [_bot.Confirmation(bea, ButtonCatalog.Erase, coupleId, "yes"), _bot.Confirmation(bea, ButtonCatalog.Erase, coupleId, "keep")],
            ask.Choices.SelectMany(r => r).Select(c => c.Payload));
    }

    [Fact]
    public async Task EraseAsk_WhenThePartnerAgrees_DeletesTheWholeSharedJournalAndTellsBoth()
    {
        var (alex, bea) = await RevealedRoundAsync();
        await _bot.SendAsync(alex, "/bucket add see the northern lights");
        await _bot.SendAsync(bea, "/capsule 2027-01-01 open me");
        var coupleId = _bot.ActiveCouple(alex)!.Id;
        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, coupleId, "ours"));

        await _bot.PressAsync(bea, _bot.Confirmation(bea, ButtonCatalog.Erase, coupleId, "yes"));

        Assert.Empty(_bot.Store.Rounds.All);
        Assert.Empty(_bot.Store.BucketList.All);
        Assert.Empty(_bot.Store.LoveNotes.All);
        Assert.Equal(Copy.JournalErased("Bea"), _bot.LastTextTo(bea));
        Assert.Equal(Copy.JournalErased("Alex"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task EraseAsk_WhenThePartnerKeepsIt_ErasesNothingAndTellsTheAsker()
    {
        var (alex, bea) = await RevealedRoundAsync();
        var coupleId = _bot.ActiveCouple(alex)!.Id;
        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, coupleId, "ours"));

        await _bot.PressAsync(bea, _bot.Confirmation(bea, ButtonCatalog.Erase, coupleId, "keep"));
        await _bot.PressAsync(bea, _bot.Confirmation(bea, ButtonCatalog.Erase, coupleId, "yes"));

        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.Contains(Copy.JournalKept("Bea"), _bot.TextsTo(bea));
        Assert.Equal(Copy.EraseAskGone("Bea"), _bot.LastTextTo(bea));
        Assert.Equal(Copy.PartnerKeptJournal("Alex", "Bea"), _bot.LastTextTo(alex));
    }

    [Fact]
    public async Task EraseButton_PressedByTheAskerOrAStranger_ErasesNothing()
    {
        var (alex, bea) = await RevealedRoundAsync();
        var coupleId = _bot.ActiveCouple(alex)!.Id;
        var cam = _bot.Person("Cam");
        await _bot.SendAsync(cam, "/help");
        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, coupleId, "ours"));

        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Erase, coupleId, "yes"));
        await _bot.PressAsync(cam, _bot.Confirmation(cam, ButtonCatalog.Erase, coupleId, "yes"));
        await _bot.PressAsync(bea, _bot.Confirmation(bea, ButtonCatalog.Erase, coupleId, "sure"));

        Assert.Equal(6, Assert.Single(_bot.Store.Rounds.All).Answers.Count);
        Assert.Equal(Copy.EraseAskGone("Alex"), _bot.LastTextTo(alex));
        Assert.Equal(Copy.EraseAskGone("Cam"), _bot.LastTextTo(cam));
        Assert.Equal(Copy.EraseAskGone("Bea"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task EraseAsk_ForOneCouple_LeavesTheJournalOfAnotherCoupleAlone()
    {
        var (alex, bea) = await RevealedRoundAsync();
        var first = _bot.ActiveCouple(alex)!.Id;
        var (cam, dan) = await _bot.CoupleAsync("Cam", "Dan");
        await _bot.SendAsync(cam, "/checkin");
        await _bot.AnswerAsync(cam, "C1", "C2", "C3");
        await _bot.PressAsync(alex, _bot.Confirmation(alex, ButtonCatalog.Unpair, first, "ours"));

        await _bot.PressAsync(bea, _bot.Confirmation(bea, ButtonCatalog.Erase, first, "yes"));

        var left = Assert.Single(_bot.Store.Rounds.All);
        Assert.Equal(_bot.ActiveCouple(dan)!.Id, left.CoupleId);
        Assert.Equal(3, left.Answers.Count);
    }

    private async Task<(TestUser Alex, TestUser Bea)> RevealedRoundAsync(bool clear = true)
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "A one", "A two", "A three");
        await _bot.AnswerAsync(bea, "B one", "B two", "B three");
        Assert.Equal(RoundState.Revealed, Assert.Single(_bot.Store.Rounds.All).State);
        if (clear)
        {
            _bot.ClearOutbox();
        }

        return (alex, bea);
    }
}
