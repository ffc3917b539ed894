using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Security;

/// <summary>
/// Encrypts what partners wrote before it is stored: AES-256-GCM with a fresh random nonce per value, kept as
/// text (<c>v1:</c> + base64 of nonce, ciphertext and tag) so the TEXT columns stay as they are.
/// Values without the prefix were stored before encryption existed and are read as they are.
/// </summary>
internal sealed class FieldCipher
{
    public const int KeySize = 32;

    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte BinaryVersion = 1;

    private readonly byte[] _key;

    public FieldCipher(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"The encryption key must be {KeySize} bytes.", nameof(key));
        }

        if (!AesGcm.IsSupported)
        {
            throw new PlatformNotSupportedException("AES-GCM is not available on this platform.");
        }

        _key = key.ToArray();
    }

    [return: NotNullIfNotNull(nameof(text))]
    public string? Encrypt(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Prefix + Convert.ToBase64String(Seal(Encoding.UTF8.GetBytes(text)));
    }

    /// <exception cref="InvalidOperationException">The value was encrypted with another key, or altered.</exception>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Decrypt(string? value)
    {
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return value;
        }

        byte[] box;
        try
        {
            box = Convert.FromBase64String(value[Prefix.Length..]);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("A stored encrypted value is damaged (not base64).", ex);
        }

        var plain = Open(box);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Encrypts binary content (a file waiting in the outbox): a version byte, then nonce, ciphertext, tag.</summary>
    public byte[] EncryptBytes(ReadOnlySpan<byte> plain)
    {
        var box = Seal(plain);
        var value = new byte[1 + box.Length];
        value[0] = BinaryVersion;
        box.CopyTo(value, 1);
        return value;
    }

    /// <exception cref="InvalidOperationException">The value was encrypted with another key, or altered.</exception>
    public byte[] DecryptBytes(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value[0] != BinaryVersion)
        {
            throw new InvalidOperationException("A stored encrypted file is damaged (unknown format).");
        }

        return Open(value[1..]);
    }

    private byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var box = new byte[NonceSize + plain.Length + TagSize];
        var nonce = box.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        // One AesGcm per call: the cipher is a singleton used by concurrent scopes.
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, box.AsSpan(NonceSize, plain.Length), box.AsSpan(NonceSize + plain.Length));
        return box;
    }

    private byte[] Open(ReadOnlySpan<byte> box)
    {
        if (box.Length < NonceSize + TagSize)
        {
            throw new InvalidOperationException("A stored encrypted value is damaged (too short).");
        }

        var plain = new byte[box.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            aes.Decrypt(
                box[..NonceSize], box.Slice(NonceSize, plain.Length), box[(NonceSize + plain.Length)..], plain);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new InvalidOperationException(
                $"The encryption key does not match the data: a stored value was encrypted with another key, or "
                + $"altered. Use the key it was written with ({EncryptionKey.SettingName}, or the key file beside "
                + "the database).",
                ex);
        }

        return plain;
    }
}
