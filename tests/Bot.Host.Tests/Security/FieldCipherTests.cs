using System.Security.Cryptography;
using Bot.Host.Security;

namespace Bot.Host.Tests.Security;

public sealed class FieldCipherTests
{
    private static readonly FieldAddress Here = new("answers", "text", "7:1:3");

    private readonly FieldCipher _cipher = new(RandomNumberGenerator.GetBytes(FieldCipher.KeySize));

    [Theory]
    [InlineData("It was lovely")]
    [InlineData("")]
    [InlineData("Ünïcödé, 日本語, עברית and a 💞 that needs two UTF-16 units")]
    [InlineData("line one\nline two\r\n\ttabbed \"quoted\" v2:not-a-prefix-here")]
    public void Decrypt_OfEncrypt_ReturnsTheSameText(string text)
    {
        var stored = _cipher.Encrypt(text, Here);

        var read = _cipher.Decrypt(stored, Here);

        Assert.Equal(text, read);
    }

    [Fact]
    public void Decrypt_OfALongText_ReturnsItWhole()
    {
        var text = string.Concat(Enumerable.Repeat("We laughed so much that evening. ", 500));

        var read = _cipher.Decrypt(_cipher.Encrypt(text, Here), Here);

        Assert.Equal(text, read);
    }

    [Fact]
    public void Encrypt_HidesTheTextBehindTheVersionPrefix()
    {
        var stored = _cipher.Encrypt("I miss you when you travel", Here);

        Assert.StartsWith("v2:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("miss", stored, StringComparison.OrdinalIgnoreCase);
        // nonce (12) + ciphertext (26) + tag (16) bytes, as base64.
        Assert.Equal(Convert.ToBase64String(new byte[12 + 26 + 16]).Length, stored.Length - "v2:".Length);
    }

    [Fact]
    public void Encrypt_SameTextTwice_GivesDifferentValues()
    {
        var first = _cipher.Encrypt("same words", Here);

        var second = _cipher.Encrypt("same words", Here);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first[..(3 + 16)], second[..(3 + 16)]);
    }

    [Fact]
    public void EncryptAndDecrypt_PassNullThrough()
    {
        var stored = _cipher.Encrypt(null, Here);

        var read = _cipher.Decrypt(null, Here);

        Assert.Null(stored);
        Assert.Null(read);
    }

    [Fact]
    public void Decrypt_WithAnotherKey_ThrowsThatTheKeyDoesNotMatch()
    {
        var stored = _cipher.Encrypt("only for the right key", Here);
        var other = new FieldCipher(RandomNumberGenerator.GetBytes(FieldCipher.KeySize));

        var decrypt = () => other.Decrypt(stored, Here);

        var error = Assert.Throws<InvalidOperationException>(decrypt);
        Assert.Contains("encryption key does not match the data", error.Message, StringComparison.Ordinal);
        Assert.Contains(EncryptionKey.SettingName, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("right key", error.Message, StringComparison.Ordinal);
        Assert.IsType<AuthenticationTagMismatchException>(error.InnerException);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(-1)]
    public void Decrypt_AlteredValue_Throws(int byteIndex)
    {
        var box = Convert.FromBase64String(_cipher.Encrypt("do not touch", Here)["v2:".Length..]);
        box[byteIndex < 0 ? box.Length + byteIndex : byteIndex] ^= 0x01;
        var altered = "v2:" + Convert.ToBase64String(box);

        var decrypt = () => _cipher.Decrypt(altered, Here);

        Assert.Throws<InvalidOperationException>(decrypt);
    }

    [Theory]
    [InlineData("v2:")]
    [InlineData("v1:AAAA")]
    [InlineData("v1:not base64 at all!")]
    public void Decrypt_DamagedValue_Throws(string damaged)
    {
        var decrypt = () => _cipher.Decrypt(damaged, Here);

        Assert.Throws<InvalidOperationException>(decrypt);
    }

    [Theory]
    [InlineData("Written before encryption existed")]
    [InlineData("")]
    [InlineData("V2: capital letter, so not ours")]
    public void Decrypt_ValueWithoutThePrefix_IsAnErrorThatQuotesNothing(string plain)
    {
        var decrypt = () => _cipher.Decrypt(plain, Here);

        var error = Assert.Throws<InvalidOperationException>(decrypt);
        Assert.Contains("answers.text", error.Message, StringComparison.Ordinal);
        Assert.True(plain.Length == 0 || !error.Message.Contains(plain, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("answers", "text", "7:1:4")]
    [InlineData("answers", "visibility", "7:1:3")]
    [InlineData("love_notes", "text", "7:1:3")]
    public void Decrypt_OfAValueMovedToAnotherRowColumnOrTable_Throws(string table, string column, string row)
    {
        var stored = _cipher.Encrypt("only for round 7, question 1, person 3", Here);

        var decrypt = () => _cipher.Decrypt(stored, new FieldAddress(table, column, row));

        Assert.Throws<InvalidOperationException>(decrypt);
    }

    [Fact]
    public void DecryptBytes_OfAFileMovedToAnotherRow_Throws()
    {
        var stored = _cipher.EncryptBytes("journal"u8, Here);

        var decrypt = () => _cipher.DecryptBytes(stored, Here with { Row = "8:1:3" });

        Assert.Throws<InvalidOperationException>(decrypt);
    }

    [Fact]
    public void ReadLegacy_ReadsTheUnboundFormatAndPlainText()
    {
        var key = RandomNumberGenerator.GetBytes(FieldCipher.KeySize);
        var legacy = LegacyFormat.Encrypt(key, "from an older build");

        var read = new FieldCipher(key).ReadLegacy(legacy);

        Assert.Equal("from an older build", read);
        Assert.Equal("plain from before encryption", _cipher.ReadLegacy("plain from before encryption"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Constructor_WithAKeyOfTheWrongSize_Throws(int size)
    {
        var create = () => new FieldCipher(new byte[size]);

        Assert.Throws<ArgumentException>(create);
    }

    [Fact]
    public void DecryptBytes_OfEncryptBytes_ReturnsTheSameBytes_AndHidesThem()
    {
        var content = "%PNG and a journal line: I miss you"u8.ToArray();

        var stored = _cipher.EncryptBytes(content, Here);

        Assert.Equal(-1, stored.AsSpan().IndexOf("miss you"u8));
        Assert.Equal(content, _cipher.DecryptBytes(stored, Here));
        Assert.Empty(_cipher.DecryptBytes(_cipher.EncryptBytes([], Here), Here));
    }

    [Fact]
    public void DecryptBytes_WithAnotherKeyOrAlteredBytes_Throws()
    {
        var stored = _cipher.EncryptBytes("secret"u8, Here);
        var other = new FieldCipher(RandomNumberGenerator.GetBytes(FieldCipher.KeySize));
        var altered = stored.ToArray();
        altered[^1] ^= 1;

        Assert.Throws<InvalidOperationException>(() => other.DecryptBytes(stored, Here));
        Assert.Throws<InvalidOperationException>(() => _cipher.DecryptBytes(altered, Here));
        Assert.Throws<InvalidOperationException>(() => _cipher.DecryptBytes([9, 1, 2], Here));
    }
}
