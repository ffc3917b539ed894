using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Application;

/// <summary>Invite codes: 10 symbols from 31 that cannot be mistaken for each other (no 0/O, 1/I/L), ~49 bits.</summary>
public static class InviteCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 10;

    /// <summary>A fresh random code in its normalised form.</summary>
    public static string NewCode()
    {
        var chars = new char[Length];
        for (var i = 0; i < chars.Length; i++)
        {
            // A code is a secret that lets someone into a couple, so it comes from the cryptographic RNG.
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Upper case, without dashes, spaces or other separators people type or paste.</summary>
    public static string Normalize(string typed)
    {
        var builder = new StringBuilder(typed.Length);
        foreach (var c in typed)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the text could be a code (right length, right symbols) once normalised.</summary>
    public static bool LooksLikeCode(string typed)
    {
        var normalized = Normalize(typed);
        return typed.Length <= Length + 4 && normalized.Length == Length && normalized.All(Alphabet.Contains);
    }

    /// <summary>"ABCDE-FGHJK": easier to read aloud and to compare.</summary>
    public static string Format(string normalized) =>
        normalized.Length == Length ? $"{normalized[..5]}-{normalized[5..]}" : normalized;
}
