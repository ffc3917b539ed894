using System.Text;
using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class TextSplitterTests
{
    [Fact]
    public void Split_ShortText_ReturnsItWhole()
    {
        var parts = TextSplitter.Split("Hello there", 4096);

        Assert.Equal(["Hello there"], parts);
    }

    [Fact]
    public void Split_EmptyText_ReturnsOneEmptyPart()
    {
        var parts = TextSplitter.Split("", 10);

        Assert.Equal([""], parts);
    }

    [Fact]
    public void Split_PrefersParagraphBoundary()
    {
        var first = string.Join(' ', Enumerable.Repeat("word", 10));
        var second = string.Join(' ', Enumerable.Repeat("more", 10));
        var text = $"{first}\n\n{second}";

        var parts = TextSplitter.Split(text, first.Length + 20);

        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Split_WithoutParagraphs_PrefersLineBoundary()
    {
        var first = string.Join(' ', Enumerable.Repeat("word", 10));
        var second = string.Join(' ', Enumerable.Repeat("more", 10));
        var text = $"{first}\n{second}";

        var parts = TextSplitter.Split(text, first.Length + 20);

        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Split_WithoutLines_CutsBetweenWords()
    {
        var words = Enumerable.Range(0, 200).Select(i => $"w{i}").ToList();
        var text = string.Join(' ', words);

        var parts = TextSplitter.Split(text, 50);

        Assert.True(parts.Count > 1);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, 50));
        Assert.Equal(words, parts.SelectMany(part => part.Split(' ')));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(4096)]
    public void Split_NeverExceedsTheMaximum(int max)
    {
        var random = new Random(42);
        var text = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            text.Append(random.Next(12) switch
            {
                0 => "\n\n",
                1 => "\n",
                2 or 3 => " ",
                4 => "😀",
                _ => ((char)('a' + random.Next(26))).ToString(),
            });
        }

        var parts = TextSplitter.Split(text.ToString(), max);

        Assert.All(parts, part => Assert.True(part.Length <= max, $"Part of {part.Length} exceeds {max}."));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(9)]
    public void Split_NeverCutsASurrogatePairInHalf(int max)
    {
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 40));

        var parts = TextSplitter.Split(text, max);

        Assert.True(parts.Count > 1);
        Assert.All(parts, part =>
        {
            Assert.False(char.IsLowSurrogate(part[0]), "A part starts with half an emoji.");
            Assert.False(char.IsHighSurrogate(part[^1]), "A part ends with half an emoji.");
        });
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_KeepsEveryNonSpaceCharacter()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 30).Select(i =>
            string.Join(' ', Enumerable.Repeat($"paragraph{i}", 1 + (i % 7)))));

        var parts = TextSplitter.Split(text, 80);

        Assert.Equal(Squash(text), Squash(string.Concat(parts)));
    }

    [Fact]
    public void Split_TextStartingWithLongWhitespace_ProducesNoEmptyPart()
    {
        var text = new string(' ', 12) + "hello world";

        var parts = TextSplitter.Split(text, 8);

        Assert.All(parts, part => Assert.False(string.IsNullOrWhiteSpace(part), "An empty part cannot be sent."));
    }

    [Fact]
    public void Split_WithMaximumBelowTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSplitter.Split("abc", 1));
    }

    private static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
