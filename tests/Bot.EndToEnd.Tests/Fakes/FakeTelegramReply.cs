using System.Text.Json.Nodes;

namespace Bot.EndToEnd.Tests.Fakes;

/// <summary>What the fake answers to one Bot API call: the HTTP status and the Telegram envelope.</summary>
internal sealed record FakeTelegramReply(int StatusCode, JsonObject Body, int? RetryAfter)
{
    public bool IsSuccess => StatusCode == 200;

    public string? Description => Body["description"]?.GetValue<string>();

    // Telegram.Bot rejects a successful reply whose result is null, so every success carries a value.
    public static FakeTelegramReply Ok(JsonNode result) =>
        new(200, new JsonObject { ["ok"] = true, ["result"] = result }, null);

    public static FakeTelegramReply True() => Ok(JsonValue.Create(true));

    public static FakeTelegramReply Error(int errorCode, string description, int? retryAfter = null)
    {
        var body = new JsonObject
        {
            ["ok"] = false,
            ["error_code"] = errorCode,
            ["description"] = description,
        };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return new FakeTelegramReply(errorCode, body, retryAfter);
    }

    public static FakeTelegramReply BadRequest(string detail) => Error(400, "Bad Request: " + detail);

    /// <summary>400 naming the supergroup a group became, as Telegram answers for the old id.</summary>
    public static FakeTelegramReply Migrated(string description, long newChatId)
    {
        var reply = Error(400, description);
        reply.Body["parameters"] = new JsonObject { ["migrate_to_chat_id"] = newChatId };
        return reply;
    }
}
