using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Bot.EndToEnd.Tests.Fakes;

// The HTTP side: routing, the Bot API methods the bot uses, and the validation the real server would apply.
public sealed partial class FakeTelegramServer
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxPhotoBytes = 10 * 1024 * 1024;
    private const int MaxDocumentBytes = 50 * 1024 * 1024;
    private const int MaxCallbackDataBytes = 64;
    private const int MaxCallbackAnswerLength = 200;
    private const int MaxLongPollSeconds = 50;
    private const string NotModifiedDetail = "message is not modified: specified new message content and reply " +
        "markup are exactly the same as a current content and reply markup of the message";

    private static readonly Dictionary<string, string> MethodNames = new[]
    {
        "getMe", "getUpdates", "sendMessage", "sendPhoto", "sendDocument", "sendVoice", "sendVideoNote", "sendVideo", "getFile",
        "answerCallbackQuery", "setMyCommands", "deleteWebhook",
        "getWebhookInfo", "editMessageText", "editMessageReplyMarkup", "deleteMessage", "getChatMemberCount",
        "getChatMember", "setWebhook",
    }.ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    // Any of these makes a button valid without callback_data.
    private static readonly string[] OtherButtonActions =
    [
        "url", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    private async Task HandleAsync(HttpContext context)
    {
        if (await TryServeFileAsync(context).ConfigureAwait(false))
        {
            return;
        }

        FakeTelegramReply reply;
        try
        {
            reply = await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a cancelled long poll); there is nobody to answer.
            return;
        }

        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = "application/json";
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(reply.Body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<FakeTelegramReply> DispatchAsync(HttpContext context)
    {
        const string prefix = "/bot";
        var path = context.Request.Path.Value ?? string.Empty;
        var slash = path.StartsWith(prefix, StringComparison.Ordinal)
            ? path.IndexOf('/', prefix.Length)
            : -1;
        if (slash < 0)
        {
            return FakeTelegramReply.Error(404, "Not Found");
        }

        if (!string.Equals(path[prefix.Length..slash], Token, StringComparison.Ordinal))
        {
            return FakeTelegramReply.Error(401, "Unauthorized");
        }

        var requestedMethod = path[(slash + 1)..];
        if (!MethodNames.TryGetValue(requestedMethod, out var method))
        {
            lock (_gate)
            {
                _callLog.Add(requestedMethod);
                return RecordErrorLocked(requestedMethod, null, FakeTelegramReply.Error(404, "Not Found"));
            }
        }

        var request = await FakeTelegramRequest.ReadAsync(context.Request, context.RequestAborted)
            .ConfigureAwait(false);
        if (request is null)
        {
            lock (_gate)
            {
                _callLog.Add(method);
                return RecordErrorLocked(method, null, FakeTelegramReply.BadRequest("can't parse JSON object"));
            }
        }

        if (method == "getUpdates")
        {
            return await GetUpdatesAsync(request, context.RequestAborted).ConfigureAwait(false);
        }

        if (method == "sendMessage" && HoldIfHolding() is { } gate)
        {
            // Held unprocessed until dropped (or until the caller goes away); then the connection ends unanswered,
            // as if the request had never reached Telegram.
            await gate.WaitAsync(context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            context.Abort();
            throw new OperationCanceledException(context.RequestAborted);
        }

        lock (_gate)
        {
            _callLog.Add(method);
            var reply = method switch
            {
                "getMe" => FakeTelegramReply.Ok(GetMeJson()),
                "sendMessage" => SendMessageLocked(request),
                "sendPhoto" => SendFileLocked(request, "photo"),
                "sendDocument" => SendFileLocked(request, "document"),
                "sendVoice" => SendFileLocked(request, "voice"),
                "sendVideoNote" => SendFileLocked(request, "video_note"),
                "sendVideo" => SendFileLocked(request, "video"),
                "getFile" => GetFileLocked(request),
                "answerCallbackQuery" => AnswerCallbackQueryLocked(request),
                "setMyCommands" => SetMyCommandsLocked(request),
                "deleteWebhook" => DeleteWebhookLocked(request),
                "getWebhookInfo" => WebhookInfoLocked(),
                "setWebhook" => SetWebhookLocked(request),
                "editMessageText" => EditMessageLocked(request, editsText: true),
                "editMessageReplyMarkup" => EditMessageLocked(request, editsText: false),
                "deleteMessage" => DeleteMessageLocked(request),
                "getChatMemberCount" => GetChatMemberCountLocked(request),
                "getChatMember" => GetChatMemberLocked(request),
                _ => FakeTelegramReply.Error(404, "Not Found"),
            };
            if (!reply.IsSuccess)
            {
                RecordErrorLocked(method, request.GetInt64("chat_id"), reply);
            }

            SignalLocked();
            return reply;
        }
    }

    private FakeTelegramReply RecordErrorLocked(string method, long? chatId, FakeTelegramReply reply)
    {
        _errors.Add(new ErrorEntry(method, chatId, reply.StatusCode, reply.Description ?? string.Empty));
        SignalLocked();
        return reply;
    }

    private async Task<FakeTelegramReply> GetUpdatesAsync(FakeTelegramRequest request, CancellationToken aborted)
    {
        var offset = request.GetInt64("offset") ?? 0;
        var limit = Math.Clamp(request.GetInt32("limit") ?? 100, 1, 100);
        var timeout = Math.Clamp(request.GetInt32("timeout") ?? 0, 0, MaxLongPollSeconds);
        var poll = new PendingPoll();
        lock (_gate)
        {
            // Logged in the same lock that registers the poll, so a test that saw the call knows the poll will
            // notice any update enqueued after that.
            _callLog.Add("getUpdates");
            if (_webhookUrl is not null)
            {
                return RecordErrorLocked("getUpdates", null, FakeTelegramReply.Error(
                    409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
            }

            if (request.GetJson("allowed_updates") is JsonArray allowed)
            {
                _allowedUpdates = allowed.Count == 0 ? null : [.. allowed.Select(kind => kind!.GetValue<string>())];
            }

            DropConfirmedLocked(offset);
            if (_activePoll is not null)
            {
                _activePoll.IsTerminated = true;
            }

            _activePoll = poll;
            SignalLocked();
        }

        using var window = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        window.CancelAfter(TimeSpan.FromSeconds(timeout));
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (poll.IsTerminated)
                    {
                        return RecordErrorLocked("getUpdates", null, FakeTelegramReply.Error(
                            409,
                            "Conflict: terminated by other getUpdates request; " +
                            "make sure that only one bot instance is running"));
                    }

                    // Kinds the bot did not ask for never reach it; Telegram drops them.
                    _updates.RemoveAll(update => !IsWantedLocked(update.Kind));
                    if (_updates.Count > 0 || timeout == 0 || window.IsCancellationRequested)
                    {
                        aborted.ThrowIfCancellationRequested();
                        var batch = _updates.Take(limit).Select(update => update.Json.DeepClone()).ToArray();
                        return FakeTelegramReply.Ok(new JsonArray(batch));
                    }

                    changed = _changed.Task;
                }

                try
                {
                    await changed.WaitAsync(window.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    // The poll timed out or the server is stopping: answer with what there is (nothing).
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == poll)
                {
                    _activePoll = null;
                }
            }
        }
    }

    // An offset confirms every update below it; a negative offset -k keeps only the last k updates.
    private void DropConfirmedLocked(long offset)
    {
        if (offset > 0)
        {
            _updates.RemoveAll(update => update.UpdateId < offset);
        }
        else if (offset < 0 && _updates.Count > -offset)
        {
            _updates.RemoveRange(0, _updates.Count - (int)Math.Min(-offset, int.MaxValue));
        }
    }

    private JsonObject GetMeJson()
    {
        var me = BotUserJson();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        me["can_connect_to_business"] = false;
        me["has_main_web_app"] = false;
        return me;
    }

    private FakeTelegramReply SendMessageLocked(FakeTelegramRequest request)
    {
        _sendMessageAttempts++;
        var chatId = request.GetInt64("chat_id");
        var failureIndex = _scriptedFailures.FindIndex(f => f.ChatId is null || f.ChatId == chatId);
        if (failureIndex >= 0)
        {
            var failure = _scriptedFailures[failureIndex];
            _scriptedFailures.RemoveAt(failureIndex);
            return FakeTelegramReply.Error(failure.ErrorCode, failure.Description, failure.RetryAfter);
        }

        if (CheckChatLocked(request, chatId) is { } chatError)
        {
            return chatError;
        }

        if (!TryReadText(request, out var text, out var html, out var textError))
        {
            return textError;
        }

        if (!TryReadInlineKeyboard(request, out var keyboard, out var buttons, out var keyboardError))
        {
            return keyboardError;
        }

        var message = new SentMessage(_nextMessageId++, chatId!.Value, text, buttons, DateTimeOffset.UtcNow)
        {
            Silent = request.GetBoolean("disable_notification"),
            Html = html,
        };
        _sent.Add(message);
        if (keyboard is not null)
        {
            _keyboards[message.MessageId] = keyboard;
        }

        return FakeTelegramReply.Ok(BotMessageJsonLocked(message, editDate: null));
    }

    // sendPhoto / sendDocument / sendVoice / sendVideoNote / sendVideo: uploads, or a file_id this server gave out
    // (a URL cannot be resolved here); scripted failures apply as they do to sendMessage.
    private FakeTelegramReply SendFileLocked(FakeTelegramRequest request, string kind)
    {
        var chatId = request.GetInt64("chat_id");
        var failureIndex = _scriptedFailures.FindIndex(f => f.ChatId is null || f.ChatId == chatId);
        if (failureIndex >= 0)
        {
            var failure = _scriptedFailures[failureIndex];
            _scriptedFailures.RemoveAt(failureIndex);
            return FakeTelegramReply.Error(failure.ErrorCode, failure.Description, failure.RetryAfter);
        }

        if (CheckChatLocked(request, chatId) is { } chatError)
        {
            return chatError;
        }

        if (!request.Has(kind))
        {
            return FakeTelegramReply.BadRequest($"there is no {kind} in the request");
        }

        if ((request.GetUpload(kind) ?? FileByIdLocked(request, kind)) is not { } upload)
        {
            return FakeTelegramReply.BadRequest("wrong file identifier/HTTP URL specified");
        }

        if (upload.Content.Length > (kind == "photo" ? MaxPhotoBytes : MaxDocumentBytes))
        {
            return FakeTelegramReply.Error(413, "Request Entity Too Large");
        }

        if (kind == "video_note" && request.Has("caption"))
        {
            return FakeTelegramReply.BadRequest("video notes have no caption");
        }

        if (kind == "photo" && upload.FileId is null && !LooksLikeImage(upload.Content))
        {
            return FakeTelegramReply.BadRequest("IMAGE_PROCESS_FAILED");
        }

        var caption = request.GetString("caption") ?? string.Empty;
        if (caption.Length > MaxCaptionLength)
        {
            return FakeTelegramReply.BadRequest("message caption is too long");
        }

        if (!TryReadInlineKeyboard(request, out var keyboard, out var buttons, out var keyboardError))
        {
            return keyboardError;
        }

        var message = new SentMessage(_nextMessageId++, chatId!.Value, caption, buttons, DateTimeOffset.UtcNow)
        {
            File = new SentFile(kind, upload.FileName, upload.ContentType, upload.Content) { ByFileId = upload.FileId },
            Silent = request.GetBoolean("disable_notification"),
        };
        _sent.Add(message);
        if (keyboard is not null)
        {
            _keyboards[message.MessageId] = keyboard;
        }

        return FakeTelegramReply.Ok(BotMessageJsonLocked(message, editDate: null));
    }

    // PNG, JPEG, GIF or WebP by their magic numbers; Telegram cannot process anything else as a photo.
    private static bool LooksLikeImage(byte[] content) =>
        content.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 })
        || content.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })
        || content.AsSpan().StartsWith("GIF8"u8)
        || (content.Length > 12 && content.AsSpan(8, 4).SequenceEqual("WEBP"u8));

    private FakeTelegramReply EditMessageLocked(FakeTelegramRequest request, bool editsText)
    {
        if (request.Has("inline_message_id"))
        {
            return FakeTelegramReply.BadRequest("inline messages are not supported by the fake");
        }

        var chatId = request.GetInt64("chat_id");
        if (CheckChatLocked(request, chatId) is { } chatError)
        {
            return chatError;
        }

        var index = FindSentIndexLocked(chatId!.Value, request.GetInt64("message_id") ?? 0);
        if (index < 0)
        {
            return FakeTelegramReply.BadRequest("message to edit not found");
        }

        var current = _sent[index];
        if (editsText && current.File is not null)
        {
            return FakeTelegramReply.BadRequest("there is no text in the message to edit");
        }

        var text = current.Text;
        if (editsText && !TryReadText(request, out text, out _, out var textError))
        {
            return textError;
        }

        // As on Telegram, an edit without reply_markup removes the inline keyboard.
        if (!TryReadInlineKeyboard(request, out var keyboard, out var buttons, out var keyboardError))
        {
            return keyboardError;
        }

        _keyboards.TryGetValue(current.MessageId, out var oldKeyboard);
        if (text == current.Text && JsonNode.DeepEquals(oldKeyboard, keyboard))
        {
            return FakeTelegramReply.BadRequest(NotModifiedDetail);
        }

        var edited = current with { Text = text, Buttons = buttons };
        _sent[index] = edited;
        if (keyboard is null)
        {
            _keyboards.Remove(edited.MessageId);
        }
        else
        {
            _keyboards[edited.MessageId] = keyboard;
        }

        return FakeTelegramReply.Ok(BotMessageJsonLocked(edited, DateTimeOffset.UtcNow));
    }

    private FakeTelegramReply DeleteMessageLocked(FakeTelegramRequest request)
    {
        var chatId = request.GetInt64("chat_id");
        return CheckChatLocked(request, chatId) ?? FakeTelegramReply.True();
    }

    private FakeTelegramReply AnswerCallbackQueryLocked(FakeTelegramRequest request)
    {
        var queryId = request.GetString("callback_query_id");
        var text = request.GetString("text");
        if (text is { Length: > MaxCallbackAnswerLength })
        {
            return FakeTelegramReply.BadRequest("MESSAGE_TOO_LONG");
        }

        // Each query can be answered once; a second answer gets the same error as a late one.
        if (queryId is null || !_openCallbackQueries.Remove(queryId))
        {
            return FakeTelegramReply.BadRequest(
                "query is too old and response timeout expired or query ID is invalid");
        }

        _answeredCallbacks.Add(new AnsweredCallback(queryId, text));
        return FakeTelegramReply.True();
    }

    private FakeTelegramReply SetMyCommandsLocked(FakeTelegramRequest request)
    {
        if (request.GetJson("commands") is not JsonArray commands)
        {
            return FakeTelegramReply.BadRequest("parameter \"commands\" is required");
        }

        if (commands.Count > 100)
        {
            return FakeTelegramReply.BadRequest("BOT_COMMANDS_TOO_MUCH");
        }

        var registered = new List<(string Command, string Description)>();
        foreach (var node in commands)
        {
            var command = AsString(node?["command"]);
            var description = AsString(node?["description"]);
            if (command is null || !CommandName().IsMatch(command))
            {
                return FakeTelegramReply.BadRequest("BOT_COMMAND_INVALID");
            }

            if (string.IsNullOrWhiteSpace(description) || description.Length > 256)
            {
                return FakeTelegramReply.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }

            registered.Add((command, description));
        }

        _registeredCommands.Add(registered);
        return FakeTelegramReply.True();
    }

    private FakeTelegramReply DeleteWebhookLocked(FakeTelegramRequest request)
    {
        _webhookUrl = null;
        _webhookSecret = null;
        if (request.GetBoolean("drop_pending_updates"))
        {
            _updates.Clear();
        }

        return FakeTelegramReply.True();
    }

    private FakeTelegramReply? CheckChatLocked(FakeTelegramRequest request, long? chatId)
    {
        if (!request.Has("chat_id"))
        {
            return FakeTelegramReply.BadRequest("chat_id is empty");
        }

        if (chatId is not { } id || !IsKnownChatLocked(id))
        {
            return FakeTelegramReply.BadRequest("chat not found");
        }

        return _blockedChats.Contains(id) ? FakeTelegramReply.Error(403, BlockedDescription) : GroupGoneLocked(id);
    }

    // Telegram limits the text after entity parsing, so HTML tags and entities do not count.
    private static bool TryReadText(
        FakeTelegramRequest request,
        [NotNullWhen(true)] out string? text,
        out string? html,
        [NotNullWhen(false)] out FakeTelegramReply? error)
    {
        html = null;
        text = request.GetString("text");
        var isHtml = string.Equals(request.GetString("parse_mode"), "html", StringComparison.OrdinalIgnoreCase);
        var visible = text;
        if (isHtml && text is not null)
        {
            if (!FakeTelegramHtml.TryParse(text, out visible, out var parseError))
            {
                error = FakeTelegramReply.BadRequest(parseError);
                return false;
            }

            // Telegram keeps the text people see; the markup becomes entities. The fake keeps the markup aside.
            html = text;
            text = visible;
        }

        if (text is null || string.IsNullOrWhiteSpace(visible))
        {
            error = FakeTelegramReply.BadRequest("message text is empty");
            return false;
        }

        if (visible.Length > MaxTextLength)
        {
            error = FakeTelegramReply.BadRequest("message is too long");
            return false;
        }

        error = null;
        return true;
    }

    // Only an inline keyboard becomes part of the message; reply keyboards and ForceReply are accepted and dropped.
    private static bool TryReadInlineKeyboard(
        FakeTelegramRequest request,
        out JsonObject? keyboard,
        out IReadOnlyList<IReadOnlyList<SentButton>> buttons,
        [NotNullWhen(false)] out FakeTelegramReply? error)
    {
        keyboard = null;
        buttons = [];
        error = null;
        if (!request.Has("reply_markup"))
        {
            return true;
        }

        if (request.GetJson("reply_markup") is not JsonObject markup)
        {
            error = FakeTelegramReply.BadRequest("can't parse reply keyboard markup JSON object");
            return false;
        }

        if (!markup.TryGetPropertyValue("inline_keyboard", out var rowsNode))
        {
            return true;
        }

        if (rowsNode is not JsonArray rows)
        {
            error = FakeTelegramReply.BadRequest(
                "can't parse inline keyboard: field \"inline_keyboard\" must be an Array");
            return false;
        }

        var parsed = new List<IReadOnlyList<SentButton>>();
        foreach (var rowNode in rows)
        {
            if (rowNode is not JsonArray row)
            {
                error = FakeTelegramReply.BadRequest("can't parse inline keyboard: row must be an Array");
                return false;
            }

            var parsedRow = new List<SentButton>();
            foreach (var buttonNode in row)
            {
                if (!TryReadButton(buttonNode, out var button, out error))
                {
                    return false;
                }

                parsedRow.Add(button);
            }

            parsed.Add(parsedRow);
        }

        if (parsed.Count > 0)
        {
            keyboard = new JsonObject { ["inline_keyboard"] = rows.DeepClone() };
            buttons = parsed;
        }

        return true;
    }

    private static bool TryReadButton(
        JsonNode? node,
        [NotNullWhen(true)] out SentButton? button,
        [NotNullWhen(false)] out FakeTelegramReply? error)
    {
        button = null;
        var text = node is JsonObject ? AsString(node["text"]) : null;
        if (node is not JsonObject buttonObject || string.IsNullOrEmpty(text))
        {
            error = FakeTelegramReply.BadRequest(
                "can't parse inline keyboard button: Field \"text\" must be of type String");
            return false;
        }

        var data = AsString(buttonObject["callback_data"]);
        if (data is not null && Encoding.UTF8.GetByteCount(data) is < 1 or > MaxCallbackDataBytes)
        {
            error = FakeTelegramReply.BadRequest("BUTTON_DATA_INVALID");
            return false;
        }

        if (data is null && !OtherButtonActions.Any(buttonObject.ContainsKey))
        {
            error = FakeTelegramReply.BadRequest(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
            return false;
        }

        button = new SentButton(text, data ?? string.Empty);
        error = null;
        return true;
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
