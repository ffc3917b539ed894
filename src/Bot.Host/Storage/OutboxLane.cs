namespace Bot.Host.Storage;

/// <summary>Which queue an outbox message waits in: replies go before scheduled and broadcast messages.</summary>
internal enum OutboxLane
{
    /// <summary>Caused by what a person just did: a reply, or news of it for their partner.</summary>
    Reply = 0,

    /// <summary>Scheduled or broadcast (the sweep's check-ins, reminders, reveals at a deadline).</summary>
    Background = 1,
}

/// <summary>
/// The lane of every message enqueued in this DI scope. Core does not say why it sends; the host knows: a scope that
/// handles a person's update marks itself <see cref="OutboxLane.Reply"/>, every other scope (the sweep) stays
/// background.
/// </summary>
internal sealed class OutboxLaneOfScope
{
    public OutboxLane Lane { get; set; } = OutboxLane.Background;
}
