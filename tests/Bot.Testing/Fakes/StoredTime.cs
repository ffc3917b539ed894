namespace Bot.Testing.Fakes;

/// <summary>What a timestamp looks like after a trip through storage: Unix milliseconds, read back in UTC.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    public static DateTimeOffset? Of(DateTimeOffset? value) => value is { } v ? Of(v) : null;
}
