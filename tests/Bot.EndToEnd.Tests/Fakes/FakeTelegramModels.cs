namespace Bot.EndToEnd.Tests.Fakes;

/// <summary>A simulated Telegram user; their private chat with the bot has the same id.</summary>
public sealed record FakeTelegramUser(long Id, string FirstName);

/// <summary>
/// A message the bot sent with sendMessage, sendPhoto or sendDocument, as it looks now (edits replace text and
/// buttons). For a file, <see cref="Text"/> is its caption (empty without one).
/// </summary>
public sealed record SentMessage(
    int MessageId,
    long ChatId,
    string Text,
    IReadOnlyList<IReadOnlyList<SentButton>> Buttons,
    DateTimeOffset At)
{
    /// <summary>The photo or document the message carries; null for a text message.</summary>
    public SentFile? File { get; init; }

    /// <summary>Sent with disable_notification: the person gets it without a sound.</summary>
    public bool Silent { get; init; }

    /// <summary>The markup as sent with parse_mode HTML (validated like Telegram); <see cref="Text"/> is what shows.</summary>
    public string? Html { get; init; }
}

/// <summary>
/// A file the bot sent: its kind ("photo", "document", "voice", "video_note" or "video"), name, MIME type and bytes.
/// </summary>
public sealed record SentFile(string Kind, string FileName, string? ContentType, byte[] Content)
{
    /// <summary>The file_id the bot named instead of uploading (a file this server gave out); null for an upload.</summary>
    public string? ByFileId { get; init; }
}

/// <summary>One inline keyboard button; CallbackData is empty for buttons of another kind (url, ...).</summary>
public sealed record SentButton(string Text, string CallbackData);

/// <summary>An answerCallbackQuery call that the fake accepted.</summary>
public sealed record AnsweredCallback(string CallbackQueryId, string? Text);
