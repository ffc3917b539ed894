using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Security;

/// <summary>
/// Encrypts what partners wrote before it is stored: AES-256-GCM with a fresh random nonce per value, bound to the
/// place it is stored (<see cref="FieldAddress"/> as associated data), so a value copied into another row or column
/// does not decrypt. Kept as text (<c>v2:</c> + base64 of nonce, ciphertext and tag) so the TEXT columns stay as
/// they are; a stored value without the prefix is an error, never read as plain text.
/// </summary>
internal sealed class FieldCipher
{
    public const int KeySize = 32;

    /// <summary>The prefix of every value this build writes.</summary>
    public const string Prefix = "v2:";

    private const string LegacyPrefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte BinaryVersion = 2;
    private const byte LegacyBinaryVersion = 1;

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
    public string? Encrypt(string? text, FieldAddress at)
    {
        if (text is null)
        {
            return null;
        }

        return Prefix + Convert.ToBase64String(Seal(Encoding.UTF8.GetBytes(text), at.ToBytes()));
    }

    /// <exception cref="InvalidOperationException">
    /// The value is not encrypted, belongs to another place, was encrypted with another key, or was altered.
    /// </exception>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Decrypt(string? value, FieldAddress at)
    {
        if (value is null)
        {
            return null;
        }

        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"A value stored in {at.Table}.{at.Column} is not encrypted as this build expects; it was written "
                + "outside the application or before the database was upgraded.");
        }

        return Encoding.UTF8.GetString(Open(FromBase64(value[Prefix.Length..]), at.ToBytes()));
    }

    /// <summary>Encrypts binary content (a file waiting in the outbox): a version byte, then nonce, ciphertext, tag.</summary>
    public byte[] EncryptBytes(ReadOnlySpan<byte> plain, FieldAddress at)
    {
        var box = Seal(plain, at.ToBytes());
        var value = new byte[1 + box.Length];
        value[0] = BinaryVersion;
        box.CopyTo(value, 1);
        return value;
    }

    /// <exception cref="InvalidOperationException">The value belongs elsewhere, has another key, or was altered.</exception>
    public byte[] DecryptBytes(ReadOnlySpan<byte> value, FieldAddress at)
    {
        if (value.IsEmpty || value[0] != BinaryVersion)
        {
            throw new InvalidOperationException("A stored encrypted file is damaged (unknown format).");
        }

        return Open(value[1..], at.ToBytes());
    }

    /// <summary>
    /// Reads a value written before values were bound to their place (<c>v1:</c>, or plain text from before
    /// encryption existed); only the upgrade that re-encrypts them calls this.
    /// </summary>
    public string ReadLegacy(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith(LegacyPrefix, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Open(FromBase64(value[LegacyPrefix.Length..]), []))
            : value;
    }

    /// <summary>Reads a file written before values were bound to their place (version byte 1).</summary>
    public byte[] ReadLegacyBytes(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value[0] != LegacyBinaryVersion)
        {
            throw new InvalidOperationException("A stored encrypted file is damaged (unknown format).");
        }

        return Open(value[1..], []);
    }

    private static byte[] FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("A stored encrypted value is damaged (not base64).", ex);
        }
    }

    private byte[] Seal(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associated)
    {
        var box = new byte[NonceSize + plain.Length + TagSize];
        var nonce = box.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        // One AesGcm per call: the cipher is a singleton used by concurrent scopes.
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(
            nonce, plain, box.AsSpan(NonceSize, plain.Length), box.AsSpan(NonceSize + plain.Length), associated);
        return box;
    }

    private byte[] Open(ReadOnlySpan<byte> box, ReadOnlySpan<byte> associated)
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
                box[..NonceSize],
                box.Slice(NonceSize, plain.Length),
                box[(NonceSize + plain.Length)..],
                plain,
                associated);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new InvalidOperationException(
                $"The encryption key does not match the data: a stored value was encrypted with another key, "
                + $"altered, or moved from another row. Use the key it was written with "
                + $"({EncryptionKey.SettingName}, or the key file beside the database).",
                ex);
        }

        return plain;
    }
}

/// <summary>Where an encrypted value is stored (table, column and the row's key), bound into its ciphertext.</summary>
internal readonly record struct FieldAddress(string Table, string Column, string Row)
{
    public byte[] ToBytes() => Encoding.UTF8.GetBytes($"{Table}\0{Column}\0{Row}");
}
