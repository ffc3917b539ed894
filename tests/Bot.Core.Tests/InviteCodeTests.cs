using Bot.Core.Application;

namespace Bot.Core.Tests;

public sealed class InviteCodeTests
{
    [Fact]
    public void NewCode_HasTenSymbolsFromTheAlphabet()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => InviteCode.NewCode()).ToList();

        Assert.All(codes, code =>
        {
            Assert.Equal(10, code.Length);
            Assert.All(code, symbol => Assert.Contains(symbol, InviteCode.Alphabet));
        });
    }

    [Fact]
    public void NewCode_IsDifferentEachTime()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => InviteCode.NewCode()).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Alphabet_AndLength_GiveAtLeastFortyBits()
    {
        var bits = InviteCode.Length * Math.Log2(InviteCode.Alphabet.Length);

        Assert.True(bits >= 40, $"Only {bits:F1} bits of entropy.");
    }

    [Fact]
    public void Alphabet_HasNoLookAlikesOrRepeats()
    {
        var alphabet = InviteCode.Alphabet;

        Assert.Equal(alphabet.Length, alphabet.Distinct().Count());
        Assert.DoesNotContain('0', alphabet);
        Assert.DoesNotContain('O', alphabet);
        Assert.DoesNotContain('1', alphabet);
        Assert.DoesNotContain('I', alphabet);
        Assert.DoesNotContain('L', alphabet);
    }

    [Theory]
    [InlineData("ABCDE-FGHJK")]
    [InlineData("abcde-fghjk")]
    [InlineData(" abcde fghjk ")]
    [InlineData("AbCdE—fGhJk")]
    [InlineData("abcdefghjk")]
    public void Normalize_IgnoresCaseDashesAndSpaces(string typed)
    {
        var normalized = InviteCode.Normalize(typed);

        Assert.Equal("ABCDEFGHJK", normalized);
    }

    [Theory]
    [InlineData("abcde-fghjk", true)]
    [InlineData("ABCDEFGHJK", true)]
    [InlineData("ABCDE-FGHJ", false)]
    [InlineData("ABCDE-FGHJKM", false)]
    [InlineData("ABCDE-FGHJ0", false)]
    [InlineData("hello there", false)]
    [InlineData("a b c d e f g h j k m n", false)]
    public void LooksLikeCode_AcceptsOnlyCodeShapedText(string typed, bool expected)
    {
        var looksLikeCode = InviteCode.LooksLikeCode(typed);

        Assert.Equal(expected, looksLikeCode);
    }

    [Fact]
    public void Format_PutsADashInTheMiddle()
    {
        var formatted = InviteCode.Format("ABCDEFGHJK");

        Assert.Equal("ABCDE-FGHJK", formatted);
    }
}
