using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Host.Delivery;
using Bot.Host.Platforms.Discord;
using Bot.Host.Platforms.Telegram;
using Bot.Host.Platforms.Web;
using Bot.Host.Storage;

namespace Bot.Host.Tests.Platforms;

public sealed class LetterRenderingTests
{
    private const string Mischief = "<b>bold</b> & </blockquote><i>x</i> \"quoted\" *stars* __under__ ||spoiler|| [link](http://x) <@123> &amp;";

    private static Letter Reveal(string alexWords, string samWords, string? question = null) => new(
        "✨ Alex and Sam, here are your answers, side by side.",
        [
            new LetterSection("This week's pulse", [new LetterLine("Felt loved — Alex 4/5 · Sam 5/5")]),
            new LetterSection(question ?? "1. What made you feel loved?",
                [new LetterAnswer("Alex", alexWords, null), new LetterAnswer("Sam", samWords, null)]),
            new LetterSection("2. Anything unsaid?",
                [new LetterAnswer("Alex", null, "passed"), new LetterAnswer("Sam", null, "kept this one to themselves 🔒")]),
        ],
        "Take a moment to talk about it, if you like.");

    [Fact]
    public void TelegramHtml_PutsNamesInBoldAndAnswersInQuotes()
    {
        var html = TelegramLetter.Html(Reveal("the walk", "your soup"));

        Assert.Contains("<b>1. What made you feel loved?</b>\n<b>Alex</b>\n<blockquote>the walk</blockquote>\n<b>Sam</b>\n<blockquote>your soup</blockquote>",
            html, StringComparison.Ordinal);
        Assert.Contains("<b>Alex</b> <i>passed</i>", html, StringComparison.Ordinal);
        Assert.EndsWith("<i>Take a moment to talk about it, if you like.</i>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TelegramHtml_EscapesEveryPartnerText_AndTheirNames()
    {
        var letter = new Letter("Hi <Al&x>", [new LetterSection("Q <b>", [new LetterAnswer("<i>Sam</i>", Mischief, null)])], "");

        var html = TelegramLetter.Html(letter);

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;/blockquote&gt;&lt;i&gt;x&lt;/i&gt; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&amp;amp;", html, StringComparison.Ordinal);
        Assert.Contains("<b>&lt;i&gt;Sam&lt;/i&gt;</b>", html, StringComparison.Ordinal);
        Assert.StartsWith("Hi &lt;Al&amp;x&gt;", html, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "<blockquote>"));
        Assert.Equal(1, Count(html, "</blockquote>"));
    }

    [Fact]
    public void TelegramPages_SplitALongRevealBetweenAnswers_EachWithinTheLimitAndBalanced()
    {
        var letter = Reveal(new string('a', 2500), new string('b', 2500));

        var pages = LetterPages.Split(letter, TelegramLetter.Limits);

        Assert.True(pages.Count >= 2);
        Assert.All(pages, page =>
        {
            var html = TelegramLetter.Html(page);
            Assert.InRange(html.Length, 1, TelegramLetter.MaxLength);
            Assert.Equal(Count(html, "<blockquote"), Count(html, "</blockquote>"));
            Assert.Equal(Count(html, "<b>"), Count(html, "</b>"));
        });
        Assert.StartsWith("✨", TelegramLetter.Html(pages[0]), StringComparison.Ordinal);
        Assert.EndsWith("if you like.</i>", TelegramLetter.Html(pages[^1]), StringComparison.Ordinal);
        Assert.Equal(new string('a', 2500) + new string('b', 2500),
            string.Concat(pages.SelectMany(p => p.Sections).SelectMany(s => s.Parts).OfType<LetterAnswer>().Select(a => a.Words)));
    }

    [Fact]
    public void TelegramPages_ALongAnswerOfEscapedCharacters_ContinuesWithoutCuttingAnEntity()
    {
        // 3000 ampersands escape to 15000 characters: the words go on over several pages, never inside "&amp;".
        var words = string.Join(' ', Enumerable.Repeat("&<&>", 750));
        var letter = Reveal(words, "short");

        var pages = LetterPages.Split(letter, TelegramLetter.Limits);

        Assert.True(pages.Count >= 4);
        var quotes = pages.SelectMany(p => p.Sections).SelectMany(s => s.Parts).OfType<LetterAnswer>()
            .Where(a => a.Author == "Alex" && a.Words is not null).ToList();
        Assert.All(quotes.Skip(1), q => Assert.True(q.Continued));
        Assert.Equal(words.Replace(" ", "", StringComparison.Ordinal),
            string.Concat(quotes.Select(q => q.Words)).Replace(" ", "", StringComparison.Ordinal));
        Assert.All(pages, page =>
        {
            var html = TelegramLetter.Html(page);
            Assert.InRange(html.Length, 1, TelegramLetter.MaxLength);
            Assert.DoesNotMatch("&(?!(amp|lt|gt|quot);)", html);
        });
        Assert.Contains(pages, p => TelegramLetter.Html(p).Contains("<b>Alex</b> <i>(continued)</i>", StringComparison.Ordinal));
    }

    [Fact]
    public void TelegramPages_AShortReveal_IsOnePage()
    {
        var letter = Reveal("a", "b");

        var pages = LetterPages.Split(letter, TelegramLetter.Limits);

        Assert.Equal(letter.PlainText(), Assert.Single(pages).PlainText());
    }

    [Fact]
    public void Discord_AnEmbedPerQuestion_WithBothAnswersSideBySide()
    {
        var (content, embeds) = DiscordLetter.Plan(Reveal("the walk", "your soup"));

        Assert.Equal("✨ Alex and Sam, here are your answers, side by side.", content);
        Assert.Equal(3, embeds.Count);
        Assert.Equal("**This week's pulse**\nFelt loved — Alex 4/5 · Sam 5/5", embeds[0].Description);
        Assert.Equal("**1. What made you feel loved?**", embeds[1].Description);
        Assert.Equal([new DiscordField("Alex", "the walk", true), new DiscordField("Sam", "your soup", true)], embeds[1].Fields);
        Assert.Equal(new DiscordField("Alex", "*passed*", true), embeds[2].Fields[0]);
        Assert.Equal("Take a moment to talk about it, if you like.", embeds[2].Footer);
        Assert.Single(DiscordLetter.Build([embeds[1]]));
    }

    [Fact]
    public void Discord_EscapesMarkdownMentionsAndLinks_InWordsAndNames()
    {
        var letter = new Letter("", [new LetterSection("# Q", [new LetterAnswer("*Sam*", Mischief, null)])], "");

        var embed = Assert.Single(DiscordLetter.Plan(letter).Embeds);

        var field = Assert.Single(embed.Fields);
        Assert.Equal("\\*Sam\\*", field.Name);
        Assert.Contains("\\*stars\\* \\_\\_under\\_\\_ \\|\\|spoiler\\|\\| \\[link\\](http://x) \\<@123\\>", field.Value, StringComparison.Ordinal);
        Assert.Equal("**\\# Q**", embed.Description);
    }

    [Fact]
    public void DiscordPages_LongAnswers_ContinueInFieldsWithinEveryLimit()
    {
        var letter = Reveal(string.Concat(Enumerable.Repeat("*_ ", 1000)), new string('b', 3000));
        var more = letter with
        {
            Sections = [.. letter.Sections, .. Enumerable.Range(3, 12).Select(i => new LetterSection($"{i}. Question {i}?",
                [new LetterAnswer("Alex", new string('c', 900), null), new LetterAnswer("Sam", new string('d', 900), null)]))],
        };

        var pages = LetterPages.Split(more, DiscordLetter.Limits);

        Assert.True(pages.Count >= 3);
        Assert.All(pages, page =>
        {
            Assert.True(DiscordLetter.Fits(page));
            var (_, embeds) = DiscordLetter.Plan(page);
            Assert.InRange(embeds.Count, 0, DiscordLetter.MaxEmbeds);
            Assert.InRange(embeds.Sum(e => e.Length), 0, DiscordLetter.MaxTotal);
            Assert.All(embeds.SelectMany(e => e.Fields), f => Assert.InRange(f.Value.Length, 1, DiscordLetter.MaxFieldValue));
            DiscordLetter.Build(embeds);
        });
        Assert.Contains(pages.SelectMany(p => DiscordLetter.Plan(p).Embeds).SelectMany(e => e.Fields),
            f => f.Name == "Alex (continued)");
        Assert.Equal(new string('b', 3000),
            string.Concat(pages.SelectMany(p => p.Sections).SelectMany(s => s.Parts).OfType<LetterAnswer>()
                .Where(a => a.Author == "Sam" && a.Words?.StartsWith('b') == true).Select(a => a.Words)));
    }

    [Fact]
    public void Web_EncodesEveryPiece()
    {
        var letter = new Letter("<script>", [new LetterSection("Q", [new LetterAnswer("<b>Sam</b>", Mischief, null)])], "");

        var html = WebLetter.Html(letter);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("<b>&lt;b&gt;Sam&lt;/b&gt;</b>: <span class=\"words\">&lt;b&gt;bold", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LetterJson_RoundTripsEveryPart()
    {
        var letter = Reveal("the walk", "your soup") with
        {
            Sections = [new LetterSection("Q", [new LetterAnswer("Alex", "more", null) { Continued = true }]) { Continued = true }],
        };

        var back = LetterJson.Deserialize(LetterJson.Serialize(letter))!;

        Assert.Equal(letter.PlainText(), back.PlainText());
        var answer = Assert.IsType<LetterAnswer>(Assert.Single(Assert.Single(back.Sections).Parts));
        Assert.True(answer.Continued);
        Assert.True(back.Sections[0].Continued);
    }

    [Fact]
    public void Pieces_OnAPlatformWithoutLetters_SendThePlainText()
    {
        var message = new OutgoingMessage(new ChatAddress(Platform.Telegram, "1"), "plain reveal", [], [])
        {
            Letter = Reveal("a", "b"),
        };

        var pieces = OutboxSender.Pieces(message, new PlainGateway());

        Assert.Null(Assert.Single(pieces).Letter);
        Assert.Equal("plain reveal", pieces[0].Text);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private sealed class PlainGateway : Bot.Core.Ports.IChatGateway
    {
        public Platform Platform => Platform.Telegram;

        public int MaxTextLength => 4096;

        public int MaxCaptionLength => 1024;

        public int MaxMessagesPerSecond => 30;

        public TimeSpan MinIntervalPerChat(ChatAddress chat) => TimeSpan.Zero;

        public Task<Bot.Core.Ports.DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct) =>
            Task.FromResult(Bot.Core.Ports.DeliveryResult.Ok);
    }
}
