using System.Text;
using System.Text.Json;
using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class JournalRenderingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 8, 30, 0, TimeSpan.Zero);
    private static readonly Couple Couple = new(
        7, 1, 2, "Europe/Berlin", new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), null, null,
        Now.AddDays(-30), null);

    private static readonly Person Alex = new(
        1, new ChatUser(Platform.Telegram, "1"), "Alex", null, true, JoinThrottle.None, Now.AddDays(-30));

    private static readonly Person Bea = new(
        2, new ChatUser(Platform.Telegram, "2"), "Bea", null, true, JoinThrottle.None, Now.AddDays(-30));

    private static Round Round(long id, RoundState state, DateTimeOffset closedAt, params Answer[] answers) => new(
        id, Couple.Id, RoundKind.Weekly, null, state, closedAt.AddDays(-1), closedAt, closedAt.AddDays(5), null,
        state == RoundState.Open ? null : closedAt,
        [new RoundQuestion(1, null, "What made you smile?"), new RoundQuestion(2, null, "What was hard?")],
        answers);

    private static JournalExport Sample()
    {
        var revealedAt = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);
        var revealed = Round(10, RoundState.Revealed, revealedAt,
            new Answer(10, 1, 1, "*your* laugh_\n# not a heading\n1. not a list", revealedAt),
            new Answer(10, 1, 2, "[click](http://x) <b>hi</b> & `code`", revealedAt),
            new Answer(10, 2, 1, null, revealedAt),
            new Answer(10, 2, 2, "the commute", revealedAt));
        var open = Round(11, RoundState.Open, Now, new Answer(11, 1, 1, "unrevealed secret", Now));
        var expired = Round(12, RoundState.Expired, Now.AddDays(-3), new Answer(12, 1, 2, "expired secret", Now));
        var otherCouple = Round(13, RoundState.Revealed, Now) with { CoupleId = 99 };
        var notes = new[]
        {
            new LoveNote(1, Couple.Id, 1, 2, "thinking of you", Now.AddDays(-2), Now.AddDays(-2), Now.AddDays(-2), false),
            new LoveNote(2, Couple.Id, 2, 1, "sealed for later", Now, Now.AddDays(30), null, true),
            new LoveNote(3, Couple.Id, 2, 1, "a year ago today", Now.AddDays(-365), Now.AddDays(-1), Now.AddDays(-1), true),
            new LoveNote(4, 99, 5, 6, "someone else's note", Now, Now, Now, false),
        };
        var wishes = new[]
        {
            new BucketItem(1, Couple.Id, "see the *northern lights*", 2, Now.AddDays(-5), null),
            new BucketItem(2, Couple.Id, "bake bread", 1, Now.AddDays(-9), Now.AddDays(-4)),
        };
        return JournalExport.Build(Couple, Alex, Bea, [revealed, open, expired, otherCouple], notes, wishes, _ => null, Now);
    }

    private static string Markdown(JournalExport export) => Encoding.UTF8.GetString(JournalMarkdown.Render(export));

    [Fact]
    public void Build_KeepsOnlyRevealedRounds_DeliveredNotes_AndThisCouple()
    {
        var export = Sample();

        var checkIn = Assert.Single(export.CheckIns);
        Assert.Equal(new DateOnly(2026, 3, 2), checkIn.Date);
        Assert.Equal(["thinking of you", "a year ago today"], export.Notes.OrderBy(n => n.WrittenAt).Reverse().Select(n => n.Text));
        Assert.Equal(new DateOnly(2026, 3, 9), export.Date);
        Assert.Equal(2, export.BucketList.Count);
        Assert.Equal(JournalExport.CurrentVersion, export.Version);
    }

    [Fact]
    public void Markdown_ShowsTheRevealedRoundWithBothAnswers_SkipsAsSkipped_OnTheCouplesDate()
    {
        var markdown = Markdown(Sample());

        Assert.StartsWith("# Our journal: Alex & Bea\n", markdown, StringComparison.Ordinal);
        Assert.Contains("### 2 March 2026 — Weekly check-in", markdown, StringComparison.Ordinal);
        Assert.Contains("**1. What made you smile?**", markdown, StringComparison.Ordinal);
        Assert.Contains("**Alex:** _skipped_", markdown, StringComparison.Ordinal);
        Assert.Contains("**Bea:** the commute", markdown, StringComparison.Ordinal);
        Assert.Contains("A note from Alex to Bea", markdown, StringComparison.Ordinal);
        Assert.Contains("A time capsule from Bea to Alex, sealed on 9 March 2025", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] see the \\*northern lights\\* (added by Bea)", markdown, StringComparison.Ordinal);
        Assert.Contains("- [x] bake bread (added by Alex, done on 5 March 2026)", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RoundKind.Bowl, "bowl", "From your bowl")]
    [InlineData(RoundKind.Cooldown, "cooldown", "After a cool-down")]
    [InlineData(RoundKind.Memory, "memory", "A first time")]
    [InlineData(RoundKind.Weekly, "weekly", "Weekly check-in")]
    public void Markdown_NamesEachKindOfRound_AndJsonKeepsItsKind(RoundKind kind, string json, string heading)
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var round = Round(20, RoundState.Revealed, at, new Answer(20, 1, 1, "ours", at)) with { Kind = kind };

        var export = JournalExport.Build(Couple, Alex, Bea, [round], [], [], _ => null, Now);

        Assert.Equal(json, Assert.Single(export.CheckIns).Kind);
        Assert.Contains($"### 1 March 2026 — {heading}", Markdown(export), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_KeepsPrivateWordsOut_AndHeldWordsUntilTheirDay()
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero);
        var round = Round(30, RoundState.Revealed, at,
            new Answer(30, 1, 1, "private words", at) { Visibility = AnswerVisibility.Private },
            new Answer(30, 1, 2, "held words", at) { Visibility = AnswerVisibility.Held, HeldUntil = until });

        var before = JournalExport.Build(Couple, Alex, Bea, [round], [], [], _ => null, Now);
        var after = JournalExport.Build(Couple, Alex, Bea, [round], [], [], _ => null, until);

        var markdown = Markdown(before);
        var json = Encoding.UTF8.GetString(JournalJson.Render(before));
        Assert.DoesNotContain("private words", markdown + json, StringComparison.Ordinal);
        Assert.DoesNotContain("held words", markdown + json, StringComparison.Ordinal);
        Assert.Contains("**Alex:** _kept to themselves_", markdown, StringComparison.Ordinal);
        Assert.Contains("**Bea:** _held until 20 March 2026_", markdown, StringComparison.Ordinal);
        var answers = Assert.Single(after.CheckIns).Questions[0].Answers;
        Assert.Equal([null, "held words"], answers.Select(a => a.Text));
        Assert.Equal(ExportedAnswer.KeptPrivate, answers[0].KeptBack);
    }

    [Fact]
    public void Markdown_NeverContainsUnrevealedUndeliveredOrOtherCouplesWords()
    {
        var markdown = Markdown(Sample());

        Assert.DoesNotContain("unrevealed secret", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("expired secret", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("sealed for later", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("someone else", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EscapesWhatPartnersWrote_SoItShowsAsTyped()
    {
        var markdown = Markdown(Sample());

        Assert.Contains("**Alex:** \\*your\\* laugh\\_  \n\\# not a heading  \n1\\. not a list", markdown, StringComparison.Ordinal);
        Assert.Contains("**Bea:** \\[click\\](http://x) \\<b\\>hi\\</b\\> \\& \\`code\\`", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain words, nothing special.", "plain words, nothing special.")]
    [InlineData("- not a bullet", "\\- not a bullet")]
    [InlineData("+ nor this", "\\+ nor this")]
    [InlineData("    indented code?", "indented code?")]
    [InlineData("12) twelve", "12\\) twelve")]
    [InlineData("a | b ~~c~~", "a \\| b \\~\\~c\\~\\~")]
    [InlineData("back\\slash", "back\\\\slash")]
    public void Escape_NeutralisesMarkdownSyntax(string typed, string expected)
    {
        Assert.Equal(expected, JournalMarkdown.Escape(typed));
    }

    [Fact]
    public void Markdown_OfAnEmptyJournal_SaysSoKindly()
    {
        var empty = JournalExport.Build(Couple, Alex, Bea, [], [], [], _ => null, Now);

        var markdown = Markdown(empty);

        Assert.True(empty.IsEmpty);
        Assert.Contains(Copy.JournalEmpty, markdown, StringComparison.Ordinal);
        Assert.Contains(Copy.JournalNoCheckIns, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTripsTheWholeExport()
    {
        var export = Sample();

        var parsed = JournalJson.Parse(JournalJson.Render(export));

        Assert.Equal(export.Version, parsed.Version);
        Assert.Equal(export.Date, parsed.Date);
        Assert.Equal(export.Partners, parsed.Partners);
        Assert.Equal(export.CheckIns[0].Questions[0].Answers, parsed.CheckIns[0].Questions[0].Answers);
        Assert.Equal(export.CheckIns[0].Questions[1].Answers, parsed.CheckIns[0].Questions[1].Answers);
        Assert.Equal(export.Notes, parsed.Notes);
        Assert.Equal(export.BucketList, parsed.BucketList);
    }

    [Fact]
    public void Json_IsCamelCase_WithAVersion_AndIsoDates()
    {
        using var json = JsonDocument.Parse(JournalJson.Render(Sample()));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("2026-03-09", root.GetProperty("date").GetString());
        Assert.Equal("2026-03-09T08:30:00+00:00", root.GetProperty("exportedAt").GetString());
        var checkIn = root.GetProperty("checkIns")[0];
        Assert.Equal("2026-03-02", checkIn.GetProperty("date").GetString());
        Assert.Equal("weekly", checkIn.GetProperty("kind").GetString());
        var skipped = checkIn.GetProperty("questions")[1].GetProperty("answers")[0];
        Assert.True(skipped.GetProperty("isSkipped").GetBoolean());
        Assert.Equal(JsonValueKind.Null, skipped.GetProperty("text").ValueKind);
        Assert.Equal("see the *northern lights*", root.GetProperty("bucketList")[0].GetProperty("text").GetString());
        Assert.False(root.TryGetProperty("isEmpty", out _));
    }

    [Fact]
    public void Json_LeavesOutUnrevealedAndUndeliveredWords()
    {
        var json = Encoding.UTF8.GetString(JournalJson.Render(Sample()));

        Assert.DoesNotContain("unrevealed secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("sealed for later", json, StringComparison.Ordinal);
        Assert.DoesNotContain("someone else", json, StringComparison.Ordinal);
    }
}
