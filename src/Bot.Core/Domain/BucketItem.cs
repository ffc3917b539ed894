namespace Bot.Core.Domain;

/// <summary>Something a couple wants to do together one day; done when they tick it off.</summary>
public sealed record BucketItem(long Id, long CoupleId, string Text, long AddedById, DateTimeOffset AddedAt, DateTimeOffset? DoneAt)
{
    public bool IsDone => DoneAt is not null;
}
