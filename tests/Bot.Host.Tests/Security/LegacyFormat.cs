using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Tests.Security;

/// <summary>Values as builds before 0017 wrote them: AES-GCM without associated data ("v1:" text, version byte 1).</summary>
internal static class LegacyFormat
{
    public static string Encrypt(byte[] key, string text) =>
        "v1:" + Convert.ToBase64String(Seal(key, Encoding.UTF8.GetBytes(text)));

    public static byte[] EncryptBytes(byte[] key, byte[] content) => [1, .. Seal(key, content)];

    private static byte[] Seal(byte[] key, byte[] plain)
    {
        var box = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(box.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(box.AsSpan(0, 12), plain, box.AsSpan(12, plain.Length), box.AsSpan(12 + plain.Length));
        return box;
    }
}
