namespace Bot.Core.Domain;

/// <summary>
/// A note one partner wrote for the other, delivered at <see cref="DeliverAt"/>; a capsule stays sealed until then.
/// </summary>
/// <param name="DeliveredAt">When it reached the outbox; null while it is still waiting.</param>
public sealed record LoveNote(
    long Id,
    long CoupleId,
    long FromId,
    long ToId,
    string Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset DeliverAt,
    DateTimeOffset? DeliveredAt,
    bool IsCapsule)
{
    /// <summary>A voice note, photo or video that goes with the words.</summary>
    public long? MediaId { get; init; }

    public bool IsDelivered => DeliveredAt is not null;
}
