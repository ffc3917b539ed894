using System.Security.Cryptography;
using Bot.Host.Security;

namespace Bot.Host.Tests.Security;

public sealed class FieldCipherTests
{
    private readonly FieldCipher _cipher = new(RandomNumberGenerator.GetBytes(FieldCipher.KeySize));

    [Theory]
    [InlineData("It was lovely")]
    [InlineData("")]
    [InlineData("Ünïcödé, 日本語, עברית and a 💞 that needs two UTF-16 units")]
    [InlineData("line one\nline two\r\n\ttabbed \"quoted\" v1:not-a-prefix-here")]
    public void Decrypt_OfEncrypt_ReturnsTheSameText(string text)
    {
        var stored = _cipher.Encrypt(text);

        var read = _cipher.Decrypt(stored);

        Assert.Equal(text, read);
    }

    [Fact]
    public void Decrypt_OfALongText_ReturnsItWhole()
    {
        var text = string.Concat(Enumerable.Repeat("We laughed so much that evening. ", 500));

        var read = _cipher.Decrypt(_cipher.Encrypt(text));

        Assert.Equal(text, read);
    }

    [Fact]
    public void Encrypt_HidesTheTextBehindTheVersionPrefix()
    {
        var stored = _cipher.Encrypt("I miss you when you travel");

        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("miss", stored, StringComparison.OrdinalIgnoreCase);
        // nonce (12) + ciphertext (26) + tag (16) bytes, as base64.
        Assert.Equal(Convert.ToBase64String(new byte[12 + 26 + 16]).Length, stored.Length - "v1:".Length);
    }

    [Fact]
    public void Encrypt_SameTextTwice_GivesDifferentValues()
    {
        var first = _cipher.Encrypt("same words");

        var second = _cipher.Encrypt("same words");

        Assert.NotEqual(first, second);
        Assert.NotEqual(first[..(3 + 16)], second[..(3 + 16)]);
    }

    [Fact]
    public void EncryptAndDecrypt_PassNullThrough()
    {
        var stored = _cipher.Encrypt(null);

        var read = _cipher.Decrypt(null);

        Assert.Null(stored);
        Assert.Null(read);
    }

    [Fact]
    public void Decrypt_WithAnotherKey_ThrowsThatTheKeyDoesNotMatch()
    {
        var stored = _cipher.Encrypt("only for the right key");
        var other = new FieldCipher(RandomNumberGenerator.GetBytes(FieldCipher.KeySize));

        var decrypt = () => other.Decrypt(stored);

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
        var box = Convert.FromBase64String(_cipher.Encrypt("do not touch")["v1:".Length..]);
        box[byteIndex < 0 ? box.Length + byteIndex : byteIndex] ^= 0x01;
        var altered = "v1:" + Convert.ToBase64String(box);

        var decrypt = () => _cipher.Decrypt(altered);

        Assert.Throws<InvalidOperationException>(decrypt);
    }

    [Theory]
    [InlineData("v1:")]
    [InlineData("v1:AAAA")]
    [InlineData("v1:not base64 at all!")]
    public void Decrypt_DamagedValue_Throws(string damaged)
    {
        var decrypt = () => _cipher.Decrypt(damaged);

        Assert.Throws<InvalidOperationException>(decrypt);
    }

    [Theory]
    [InlineData("Written before encryption existed")]
    [InlineData("")]
    [InlineData("V1: capital letter, so not ours")]
    public void Decrypt_ValueWithoutThePrefix_ReadsItAsPlainText(string legacy)
    {
        var read = _cipher.Decrypt(legacy);

        Assert.Equal(legacy, read);
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

        var stored = _cipher.EncryptBytes(content);

        Assert.Equal(-1, stored.AsSpan().IndexOf("miss you"u8));
        Assert.Equal(content, _cipher.DecryptBytes(stored));
        Assert.Empty(_cipher.DecryptBytes(_cipher.EncryptBytes([])));
    }

    [Fact]
    public void DecryptBytes_WithAnotherKeyOrAlteredBytes_Throws()
    {
        var stored = _cipher.EncryptBytes("secret"u8);
        var other = new FieldCipher(RandomNumberGenerator.GetBytes(FieldCipher.KeySize));
        var altered = stored.ToArray();
        altered[^1] ^= 1;

        Assert.Throws<InvalidOperationException>(() => other.DecryptBytes(stored));
        Assert.Throws<InvalidOperationException>(() => _cipher.DecryptBytes(altered));
        Assert.Throws<InvalidOperationException>(() => _cipher.DecryptBytes([9, 1, 2]));
    }
}
