using System.Globalization;
using Bot.Host.Security;

namespace Bot.Host.Storage;

/// <summary>
/// Every column that holds encrypted words, with the columns naming its row; each value is bound to its table,
/// column and row. A column added later that holds anyone's words belongs here, so the upgrade and the tests find it.
/// </summary>
internal static class SealedColumns
{
    public static readonly SealedColumn AnswerText = new("answers", "text", ["round_id", "position", "person_id"]);
    public static readonly SealedColumn RoundQuestionText = new("round_questions", "text", ["round_id", "position"]);
    public static readonly SealedColumn BowlQuestionText = new("bowl_questions", "text", ["id"]);
    public static readonly SealedColumn BucketItemText = new("bucket_items", "text", ["id"]);
    public static readonly SealedColumn LoveNoteText = new("love_notes", "text", ["id"]);
    public static readonly SealedColumn CooldownTopic = new("couples", "cooldown_topic", ["id"]);
    public static readonly SealedColumn OutboxText = new("outbox", "text", ["id"]);
    public static readonly SealedColumn OutboxLetter = new("outbox", "letter", ["id"]);
    public static readonly SealedColumn OutboxAttachment = new("outbox_attachments", "content", ["outbox_id"], IsBinary: true);
    public static readonly SealedColumn InboxArguments = new("inbox", "arguments", ["update_key"]);
    public static readonly SealedColumn InboxText = new("inbox", "text", ["update_key"]);
    public static readonly SealedColumn InboxPayload = new("inbox", "payload", ["update_key"]);
    public static readonly SealedColumn InboxOptions = new("inbox", "options", ["update_key"]);
    public static readonly SealedColumn DiscordInteractionToken = new("discord_interactions", "token", ["id"]);
    public static readonly SealedColumn QuizChoice = new("quiz_answers", "choice", ["play_id", "person_id", "item"]);
    public static readonly SealedColumn QuizGuess = new("quiz_answers", "guess", ["play_id", "person_id", "item"]);
    public static readonly SealedColumn MediaContent = new("media", "content", ["id"], IsBinary: true);
    public static readonly SealedColumn MediaSource = new("media", "source", ["id"]);
    public static readonly SealedColumn MemoryText = new("memories", "text", ["id"]);
    public static readonly SealedColumn InboxMedia = new("inbox", "media", ["update_key"]);
    public static readonly SealedColumn OutboxAttachmentSource = new("outbox_attachments", "source", ["outbox_id"]);

    /// <summary>The columns that existed when values were first bound to their place (migration 0017).</summary>
    public static IReadOnlyList<SealedColumn> SealedByMigration { get; } =
    [
        AnswerText, RoundQuestionText, BowlQuestionText, BucketItemText, LoveNoteText, CooldownTopic, OutboxText,
        OutboxAttachment, InboxArguments, InboxText, InboxPayload, InboxOptions,
    ];

    public static IReadOnlyList<SealedColumn> All { get; } =
    [
        .. SealedByMigration, DiscordInteractionToken, QuizChoice, QuizGuess, MediaContent, MediaSource, MemoryText,
        InboxMedia, OutboxAttachmentSource, OutboxLetter,
    ];
}

/// <summary>An encrypted column and the columns that name its row (the row's part of the associated data).</summary>
internal sealed record SealedColumn(string Table, string Column, IReadOnlyList<string> RowKey, bool IsBinary = false)
{
    /// <summary>The address of this column in the row with these key values, in <see cref="RowKey"/> order.</summary>
    public FieldAddress At(params ReadOnlySpan<object> key)
    {
        if (key.Length != RowKey.Count)
        {
            throw new ArgumentException($"{Table}.{Column} is keyed by {RowKey.Count} values.", nameof(key));
        }

        var parts = new string[key.Length];
        for (var i = 0; i < key.Length; i++)
        {
            parts[i] = Convert.ToString(key[i], CultureInfo.InvariantCulture)
                ?? throw new ArgumentException("A row key value is missing.", nameof(key));
        }

        return new FieldAddress(Table, Column, string.Join(':', parts));
    }

    /// <summary>Sets the value of a row keyed by <c>@Id</c> alone (one the insert just numbered).</summary>
    public string SetByIdSql => $"UPDATE {Table} SET {Column} = @Value WHERE {RowKey.Single()} = @Id;";
}
