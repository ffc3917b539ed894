namespace Bot.Host.Storage;

/// <summary>Which queue an outbox message waits in: replies go before scheduled and broadcast messages.</summary>
internal enum OutboxLane
{
    /// <summary>Caused by what a person just did: a reply, or news of it for their partner.</summary>
    Reply = 0,

    /// <summary>Scheduled or broadcast (the sweep's check-ins, reminders, reveals at a deadline).</summary>
    Background = 1,
}
