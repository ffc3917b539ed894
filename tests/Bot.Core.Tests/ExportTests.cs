using System.Text;
using Bot.Core.Application;
using Bot.Core.Application.Messages;

namespace Bot.Core.Tests;

public sealed class ExportTests
{
    private readonly CoreHarness _bot = new();

    private static string Utf8(Attachment file) => Encoding.UTF8.GetString(file.Content.Span);

    [Fact]
    public async Task Export_SendsTheRequesterAMarkdownAndAJsonDocument_NamedByTheDay()
    {
        var (alex, bea) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/export");

        var messages = _bot.MessagesTo(alex);
        Assert.Equal(2, messages.Count);
        var (md, json) = (messages[0].Attachment!, messages[1].Attachment!);
        Assert.Equal((AttachmentKind.Document, "journal-2026-03-02.md", "text/markdown"), (md.Kind, md.FileName, md.ContentType));
        Assert.Equal((AttachmentKind.Document, "journal-2026-03-02.json", "application/json"), (json.Kind, json.FileName, json.ContentType));
        Assert.Equal(Copy.ExportJsonCaption, messages[1].Text);
        Assert.All(messages, m => Assert.Equal([_bot.Stored(alex).Id, _bot.Stored(bea).Id], m.WordsOf));
        Assert.Empty(_bot.MessagesTo(bea));
    }

    [Fact]
    public async Task Export_OfAnEmptyJournal_StillSendsBothFiles_WithAKindNote()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/export");

        var messages = _bot.MessagesTo(alex);
        Assert.Equal(Copy.ExportMarkdownCaption("Alex", "Bea", isEmpty: true), messages[0].Text);
        Assert.Contains(Copy.JournalEmpty, Utf8(messages[0].Attachment!), StringComparison.Ordinal);
        var parsed = JournalJson.Parse(messages[1].Attachment!.Content.Span);
        Assert.True(parsed.IsEmpty);
    }

    [Fact]
    public async Task Export_ContainsRevealedAnswers_ButNeverAnUnrevealedOne()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "alex-one", "alex-two", "alex-three");
        await _bot.PulseAsync(bea, 4, 4);
        await _bot.SendAsync(bea, "/skip");
        await _bot.AnswerAsync(bea, "bea-two", "bea-three");
        _bot.Advance(TimeSpan.FromHours(1));
        await _bot.SendAsync(alex, "/checkin");
        await _bot.AnswerAsync(alex, "alex-sealed");
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, "/export");

        var messages = _bot.MessagesTo(bea);
        var markdown = Utf8(messages[0].Attachment!);
        var json = Utf8(messages[1].Attachment!);
        Assert.Equal(Copy.ExportMarkdownCaption("Bea", "Alex", isEmpty: false), messages[0].Text);
        Assert.Contains("**Alex:** alex-one", markdown, StringComparison.Ordinal);
        Assert.Contains("**Bea:** _skipped_", markdown, StringComparison.Ordinal);
        Assert.Contains("bea-three", json, StringComparison.Ordinal);
        Assert.DoesNotContain("alex-sealed", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("alex-sealed", json, StringComparison.Ordinal);
        var checkIn = Assert.Single(JournalJson.Parse(messages[1].Attachment!.Content.Span).CheckIns);
        Assert.Equal(3, checkIn.Questions.Count);
        Assert.Equal(new ExportedAnswer("Bea", null, IsSkipped: true), checkIn.Questions[0].Answers[1]);
    }

    [Fact]
    public async Task Export_CarriesTheWeeklyPulse_InBothFiles()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, 4, 2);
        await _bot.AnswerAsync(alex, "a1", "a2", "a3");
        await _bot.PulseAsync(bea, 5, null);
        await _bot.AnswerAsync(bea, "b1", "b2", "b3");
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/export");

        var messages = _bot.MessagesTo(alex);
        var markdown = Utf8(messages[0].Attachment!);
        Assert.Contains("_Felt loved:_ Alex 4/5 · Bea 5/5", markdown, StringComparison.Ordinal);
        Assert.Contains("_Felt heard:_ Alex 2/5 · Bea skipped", markdown, StringComparison.Ordinal);
        var checkIn = Assert.Single(JournalJson.Parse(messages[1].Attachment!.Content.Span).CheckIns);
        Assert.Equal(
            [new ExportedPulse("Alex", "loved", 4), new ExportedPulse("Bea", "loved", 5), new ExportedPulse("Alex", "heard", 2), new ExportedPulse("Bea", "heard", null)],
            checkIn.Pulse);
    }

    [Fact]
    public async Task Export_ContainsDeliveredNotes_ButNotOnesStillWaiting()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/note you make mornings better");
        await _bot.SendAsync(bea, "/capsule 2027-01-01 open me next year");
        await _bot.SendAsync(bea, "/note see you at 23:00");
        _bot.ClearOutbox();

        await _bot.SendAsync(alex, "/export");

        var export = JournalJson.Parse(_bot.MessagesTo(alex)[1].Attachment!.Content.Span);
        var note = Assert.Single(export.Notes);
        Assert.Equal(("Alex", "Bea", "you make mornings better"), (note.From, note.To, note.Text));
        var markdown = Utf8(_bot.MessagesTo(alex)[0].Attachment!);
        Assert.DoesNotContain("open me next year", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("see you", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_LeavesOutAPreviousCouplesJournal()
    {
        var (alex, _) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/note from the old days");
        await _bot.SendAsync(alex, "/bucket add old wish");
        await _bot.SendAsync(alex, "/unpair");
        await _bot.PressAsync(alex, _bot.PayloadsTo(alex)[^2]);
        var cleo = _bot.Person("Cleo");
        await _bot.PairAsync(alex, cleo);

        await _bot.SendAsync(alex, "/export");

        var export = JournalJson.Parse(_bot.MessagesTo(alex)[1].Attachment!.Content.Span);
        Assert.True(export.IsEmpty);
        Assert.Equal(["Alex", "Cleo"], export.Partners.Order());
    }

    [Fact]
    public async Task Export_WhenNotPaired_GetsTheFriendlyNotPairedReply()
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, "/export");

        var reply = Assert.Single(_bot.MessagesTo(alex));
        Assert.Equal(Copy.NotPaired("Alex"), reply.Text);
        Assert.Null(reply.Attachment);
    }

    [Fact]
    public async Task Export_InAGroup_AsksToDoItInPrivate()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendInGroupAsync(alex, "/export");

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal(CoreHarness.Group, reply.To);
        Assert.Equal(Copy.PrivateOnly("Alex"), reply.Text);
        Assert.Null(reply.Attachment);
    }

    [Fact]
    public async Task Forget_BeforeTheExportIsDelivered_DropsBothFiles()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/export");

        await _bot.SendAsync(bea, "/forget");
        await _bot.PressOfferedAsync(bea, "forget");

        Assert.DoesNotContain(_bot.Messages, m => m.Attachment is not null);
    }

    [Fact]
    public async Task ToPerson_WithAnAttachment_QueuesTheFileForTheirPrivateChat()
    {
        var (alex, _) = await _bot.CoupleAsync();
        var file = new Attachment(AttachmentKind.Photo, "trend.png", "image/png", new byte[] { 1, 2, 3 });

        await _bot.Messenger.ToPersonAsync(_bot.Stored(alex), "Your trend", CancellationToken.None, attachment: file);

        var message = _bot.LastMessageTo(alex);
        Assert.Equal("Your trend", message.Text);
        Assert.Same(file, message.Attachment);
    }
}
