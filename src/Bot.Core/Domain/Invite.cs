namespace Bot.Core.Domain;

/// <summary>A single-use pairing code one person hands to their partner.</summary>
/// <param name="Code">Normalised code (upper case, no separators).</param>
public sealed record Invite(
    string Code,
    long OwnerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt,
    long? UsedById)
{
    public bool IsUsed => UsedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;
}
