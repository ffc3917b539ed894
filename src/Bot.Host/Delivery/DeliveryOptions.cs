namespace Bot.Host.Delivery;

/// <summary>Settings of the outbox sender (section <c>Delivery</c>).</summary>
internal sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the sender looks for due messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts for a message that keeps failing with network or server errors before it is dropped.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First back-off after a failed send; doubles each time up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a claimed message is this sender's alone; renewed while its parts are being sent.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages claimed in one pass (one per chat).</summary>
    public int BatchSize { get; set; } = 100;
}
