using System.Diagnostics;
using System.Net;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.EndToEnd.Tests.Fakes;

public sealed class FakeTelegramServerTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http = new();
    private FakeTelegramServer _server = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _bot = CreateClient(_server.Token);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task GetMe_ReturnsBotIdentityFromToken()
    {
        var me = await _bot.GetMe();

        Assert.Equal(123456, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("BotSuite", me.FirstName);
        Assert.Equal("botsuite_test_bot", me.Username);
        Assert.Equal(["getMe"], _server.CallLog);
    }

    [Fact]
    public async Task Groups_CountMembersWithTheBot_AndSendMemberChangesOnlyToWhoAskedForThem()
    {
        var alice = _server.AddUser(42, "Alice");
        var bob = _server.AddUser(43, "Bob");
        var group = _server.AddGroup(-7, "Us", alice);

        _server.JoinGroup(bob, group);
        var unasked = await _bot.GetUpdates(timeout: 0);
        _server.LeaveGroup(bob, group);
        var asked = await _bot.GetUpdates(timeout: 0, allowedUpdates: [UpdateType.ChatMember]);
        var count = await _bot.GetChatMemberCount(group);
        var bobThere = await _bot.GetChatMember(group, bob.Id);

        Assert.Empty(unasked);
        var left = Assert.Single(asked).ChatMember!;
        Assert.False(left.NewChatMember.IsInChat);
        Assert.Equal(2, count);
        Assert.False(bobThere.IsInChat);
    }

    [Fact]
    public async Task Groups_AfterAnUpgradeOrTheBotsRemoval_AnswerAsTelegramDoes()
    {
        var alice = _server.AddUser(42, "Alice");
        var upgraded = _server.AddGroup(-7, "Us", alice);
        var left = _server.AddGroup(-8, "Them", alice);

        _server.MigrateGroup(alice, upgraded, -1007);
        _server.RemoveBotFromGroup(alice, left);
        var moved = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(upgraded, "hi"));
        var kicked = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(left, "hi"));
        var there = await _bot.SendMessage(-1007, "hi");

        Assert.Equal((400, -1007L), (moved.ErrorCode, moved.Parameters?.MigrateToChatId));
        Assert.Equal(403, kicked.ErrorCode);
        Assert.Equal(ChatType.Supergroup, there.Chat.Type);
    }

    [Fact]
    public async Task GetUpdates_ReturnsEnqueuedTextWithBotCommandEntity()
    {
        var alice = _server.AddUser(42, "Alice");

        var updateId = _server.SendText(alice, "/start abc");
        var updates = await _bot.GetUpdates();

        var update = Assert.Single(updates);
        Assert.Equal(1, updateId);
        Assert.Equal(updateId, update.Id);
        Assert.Equal(UpdateType.Message, update.Type);
        var message = update.Message!;
        Assert.Equal("/start abc", message.Text);
        Assert.Equal(42, message.Chat.Id);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        Assert.Equal(42, message.From!.Id);
        Assert.Equal("Alice", message.From.FirstName);
        Assert.False(message.From.IsBot);
        var entity = Assert.Single(message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, entity.Type);
        Assert.Equal(0, entity.Offset);
        Assert.Equal(6, entity.Length);
    }

    [Fact]
    public async Task GetUpdates_PlainText_HasNoEntities()
    {
        var alice = _server.AddUser(42, "Alice");

        _server.SendText(alice, "hello there");
        var update = Assert.Single(await _bot.GetUpdates());

        Assert.Null(update.Message!.Entities);
    }

    [Fact]
    public async Task GetUpdates_WithOffset_DropsConfirmedUpdates()
    {
        var alice = _server.AddUser(42, "Alice");
        var first = _server.SendText(alice, "one");
        var second = _server.SendText(alice, "two");

        var all = await _bot.GetUpdates();
        var afterFirst = await _bot.GetUpdates(offset: (int)first + 1);
        var confirmed = _server.WaitForAllUpdatesConfirmedAsync(Bounded);
        Assert.False(confirmed.IsCompleted);
        var afterSecond = await _bot.GetUpdates(offset: (int)second + 1);
        await confirmed;

        Assert.Equal([first, second], all.Select(u => (long)u.Id));
        Assert.Equal([second], afterFirst.Select(u => (long)u.Id));
        Assert.Empty(afterSecond);
    }

    [Fact]
    public async Task GetUpdates_WithLimit_ReturnsOnlyThatMany()
    {
        var alice = _server.AddUser(42, "Alice");
        _server.SendText(alice, "one");
        _server.SendText(alice, "two");

        var updates = await _bot.GetUpdates(limit: 1);

        Assert.Equal("one", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task GetUpdates_LongPoll_WakesWhenUpdateIsEnqueued()
    {
        var alice = _server.AddUser(42, "Alice");
        var poll = _bot.GetUpdates(timeout: 30);
        await _server.WaitForCallAsync("getUpdates", timeout: Bounded);
        Assert.False(poll.IsCompleted);
        var clock = Stopwatch.StartNew();

        _server.SendText(alice, "wake up");
        var updates = await poll.WaitAsync(Bounded);

        Assert.Equal("wake up", Assert.Single(updates).Message!.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task GetUpdates_OverlappingPoll_EndsFirstWithConflict()
    {
        var first = _bot.GetUpdates(timeout: 30);
        await _server.WaitForCallAsync("getUpdates", timeout: Bounded);

        var second = _bot.GetUpdates(timeout: 1);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first.WaitAsync(Bounded));

        Assert.Equal(409, error.ErrorCode);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", error.Message);
        Assert.Empty(await second.WaitAsync(Bounded));
    }

    [Fact]
    public async Task GetUpdates_WhenClientCancels_ReleasesThePoll()
    {
        var alice = _server.AddUser(42, "Alice");
        using var cancel = new CancellationTokenSource();
        var abandoned = _bot.GetUpdates(timeout: 30, cancellationToken: cancel.Token);
        await _server.WaitForCallAsync("getUpdates", timeout: Bounded);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => abandoned.WaitAsync(Bounded));
        _server.SendText(alice, "still here");
        var updates = await _bot.GetUpdates().WaitAsync(Bounded);

        Assert.Equal("still here", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task DisposeAsync_WithPendingLongPoll_EndsThePollPromptly()
    {
        var poll = _bot.GetUpdates(timeout: 30);
        await _server.WaitForCallAsync("getUpdates", timeout: Bounded);

        await _server.DisposeAsync().AsTask().WaitAsync(Bounded);

        Assert.Empty(await poll.WaitAsync(Bounded));
    }

    [Fact]
    public async Task SendSticker_ArrivesAsMessageWithoutText()
    {
        var alice = _server.AddUser(42, "Alice");

        _server.SendSticker(alice);
        var message = Assert.Single(await _bot.GetUpdates()).Message!;

        Assert.Null(message.Text);
        Assert.Equal(MessageType.Sticker, message.Type);
        Assert.Equal(StickerType.Regular, message.Sticker!.Type);
        Assert.False(message.Sticker.IsAnimated);
    }

    [Fact]
    public async Task SendTextInGroup_ArrivesWithGroupChat()
    {
        var alice = _server.AddUser(42, "Alice");
        var group = _server.AddGroup(-1001, "Couples club");

        _server.SendTextInGroup(alice, group, "/join@botsuite_test_bot now");
        var message = Assert.Single(await _bot.GetUpdates()).Message!;

        Assert.Equal(-1001, message.Chat.Id);
        Assert.Equal(ChatType.Group, message.Chat.Type);
        Assert.Equal("Couples club", message.Chat.Title);
        Assert.Equal(42, message.From!.Id);
        Assert.Equal("/join@botsuite_test_bot".Length, Assert.Single(message.Entities!).Length);
    }

    [Fact]
    public async Task SendMessage_WithInlineKeyboard_IsRecordedAndSeenByWaitForMessage()
    {
        _server.AddUser(42, "Alice");
        var waiting = _server.WaitForMessageAsync(42, m => m.Text.Contains("ready", StringComparison.Ordinal), Bounded);

        var returned = await _bot.SendMessage(42, "Are you ready?", replyMarkup: YesNo());
        var seen = await waiting;

        Assert.Equal(returned.Id, seen.MessageId);
        Assert.Equal("Are you ready?", returned.Text);
        Assert.Equal(123456, returned.From!.Id);
        Assert.Equal("yes", returned.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);
        Assert.Equal(42, seen.ChatId);
        Assert.Equal([new SentButton("Yes", "yes"), new SentButton("No", "no")], Assert.Single(seen.Buttons));
        Assert.Equal([seen], _server.SentTo(42));
        Assert.Equal(1, _server.SendMessageAttempts);
    }

    [Fact]
    public async Task WaitForMessageAsync_WithAfter_IgnoresEarlierMessages()
    {
        _server.AddUser(42, "Alice");
        await _bot.SendMessage(42, "old");
        var before = _server.SentTo(42).Count;

        var waiting = _server.WaitForMessageAsync(42, timeout: Bounded, after: before);
        Assert.False(waiting.IsCompleted);
        await _bot.SendMessage(42, "new");

        Assert.Equal("new", (await waiting).Text);
    }

    [Fact]
    public async Task WaitForMessageCountAsync_CompletesWhenCountIsReached()
    {
        _server.AddUser(42, "Alice");
        var waiting = _server.WaitForMessageCountAsync(42, 2, Bounded);

        await _bot.SendMessage(42, "one");
        Assert.False(waiting.IsCompleted);
        await _bot.SendMessage(42, "two");

        Assert.Equal(["one", "two"], (await waiting).Select(m => m.Text));
    }

    [Fact]
    public async Task PressButton_ProducesCallbackQueryTheClientCanRead()
    {
        var alice = _server.AddUser(42, "Alice");
        await _bot.SendMessage(42, "Are you ready?", replyMarkup: YesNo());
        var sent = await _server.WaitForMessageAsync(42, timeout: Bounded);

        var updateId = _server.PressButton(alice, sent, "no");
        var query = Assert.Single(await _bot.GetUpdates()).CallbackQuery!;
        await _bot.AnswerCallbackQuery(query.Id, "Noted");

        Assert.Equal(1, updateId);
        Assert.Equal("no", query.Data);
        Assert.Equal(42, query.From.Id);
        Assert.Equal(sent.MessageId, query.Message!.Id);
        Assert.Equal("Are you ready?", query.Message.Text);
        Assert.Equal(2, query.Message.ReplyMarkup!.InlineKeyboard.Single().Count());
        Assert.False(string.IsNullOrEmpty(query.ChatInstance));
        Assert.Equal([new AnsweredCallback(query.Id, "Noted")], _server.AnsweredCallbacks);
    }

    [Fact]
    public async Task PressButton_WithUnknownCallbackData_Throws()
    {
        var alice = _server.AddUser(42, "Alice");
        await _bot.SendMessage(42, "Are you ready?", replyMarkup: YesNo());
        var sent = await _server.WaitForMessageAsync(42, timeout: Bounded);

        var error = Assert.Throws<InvalidOperationException>(() => _server.PressButton(alice, sent, "maybe"));

        Assert.Contains("[Yes → yes]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerCallbackQuery_Twice_Returns400()
    {
        var alice = _server.AddUser(42, "Alice");
        await _bot.SendMessage(42, "Ready?", replyMarkup: YesNo());
        _server.PressButton(alice, _server.SentTo(42)[0], "yes");
        var query = Assert.Single(await _bot.GetUpdates()).CallbackQuery!;
        await _bot.AnswerCallbackQuery(query.Id);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.AnswerCallbackQuery(query.Id));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal([new AnsweredCallback(query.Id, null)], _server.AnsweredCallbacks);
    }

    [Fact]
    public async Task EditMessageText_ChangesRecordedMessageAndRejectsNoChange()
    {
        _server.AddUser(42, "Alice");
        var sent = await _bot.SendMessage(42, "Are you ready?", replyMarkup: YesNo());

        var edited = await _bot.EditMessageText(42, sent.Id, "Thanks!");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(42, sent.Id, "Thanks!"));

        Assert.Equal("Thanks!", edited.Text);
        Assert.Null(edited.ReplyMarkup);
        var recorded = Assert.Single(_server.SentTo(42));
        Assert.Equal("Thanks!", recorded.Text);
        Assert.Empty(recorded.Buttons);
        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: message is not modified", error.Message);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_ReplacesButtons()
    {
        _server.AddUser(42, "Alice");
        var sent = await _bot.SendMessage(42, "Pick", replyMarkup: YesNo());

        await _bot.EditMessageReplyMarkup(42, sent.Id, new InlineKeyboardMarkup(
            InlineKeyboardButton.WithCallbackData("Done", "done")));

        Assert.Equal([new SentButton("Done", "done")], Assert.Single(_server.SentTo(42)[0].Buttons));
    }

    [Fact]
    public async Task SetMyCommands_IsRecorded()
    {
        await _bot.SetMyCommands([new BotCommand("start", "Begin"), new BotCommand("help", "How it works")]);
        await _bot.DeleteWebhook();
        var info = await _bot.GetWebhookInfo();

        var commands = Assert.Single(_server.RegisteredCommands);
        Assert.Equal([("start", "Begin"), ("help", "How it works")], commands);
        Assert.Equal(string.Empty, info.Url);
        Assert.Equal(["setMyCommands", "deleteWebhook", "getWebhookInfo"], _server.CallLog);
    }

    [Fact]
    public async Task FailNextSend_429_SurfacesAsApiRequestExceptionWithRetryAfter()
    {
        _server.AddUser(42, "Alice");
        _server.FailNextSend(429, "Too Many Requests: retry after 7", retryAfter: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(42, "hi"));
        await _bot.SendMessage(42, "hi again");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.Parameters!.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 7", error.Message);
        Assert.Equal(2, _server.SendMessageAttempts);
        Assert.Equal("hi again", Assert.Single(_server.SentTo(42)).Text);
    }

    [Fact]
    public async Task FailNextSend_429_SendsRetryAfterHeader()
    {
        _server.AddUser(42, "Alice");
        _server.FailNextSend(429, null, retryAfter: 3);

        using var response = await _http.PostAsync(
            $"{_server.BaseUrl}/bot{_server.Token}/sendMessage?chat_id=42&text=hi", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.Equal(
            """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3",""" +
            "\"parameters\":{\"retry_after\":3}}",
            body);
    }

    [Fact]
    public async Task FailNextSend_ForOneChat_LeavesOtherChatsAlone()
    {
        _server.AddUser(42, "Alice");
        _server.AddUser(43, "Bob");
        _server.FailNextSend(502, null, chatId: 43);

        await _bot.SendMessage(42, "to Alice");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(43, "to Bob"));

        Assert.Equal(502, error.ErrorCode);
        Assert.Equal("Bad Gateway", error.Message);
        Assert.Single(_server.SentTo(42));
        Assert.Empty(_server.SentTo(43));
    }

    [Fact]
    public async Task BlockBot_MakesSendMessageReturn403()
    {
        _server.AddUser(42, "Alice");
        _server.BlockBot(42);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(42, "hello?"));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Empty(_server.Sent);
        Assert.Equal(1, _server.SendMessageAttempts);
    }

    [Fact]
    public async Task SendMessage_ToUnknownChat_Returns400ChatNotFound()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(999, "anyone?"));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: chat not found", error.Message);
    }

    [Fact]
    public async Task SendMessage_TooLongText_Returns400()
    {
        _server.AddUser(42, "Alice");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(42, new string('a', 4097)));
        await _bot.SendMessage(42, new string('a', 4096));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
        Assert.Single(_server.Sent);
    }

    [Fact]
    public async Task SendMessage_HtmlTags_DoNotCountTowardsTheLimit()
    {
        _server.AddUser(42, "Alice");

        await _bot.SendMessage(42, "<b>" + new string('a', 4096) + "</b>", ParseMode.Html);

        Assert.Single(_server.Sent);
    }

    [Fact]
    public async Task SendMessage_CallbackDataOver64Bytes_Returns400()
    {
        _server.AddUser(42, "Alice");
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Go", new string('é', 33)));

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => _bot.SendMessage(42, "hi", replyMarkup: markup));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
        Assert.Empty(_server.Sent);
    }

    [Fact]
    public async Task WrongToken_Returns401()
    {
        var intruder = CreateClient("123456:WRONG");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => intruder.GetMe());

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
        Assert.Empty(_server.CallLog);
    }

    [Fact]
    public async Task UnknownMethod_Returns404()
    {
        using var response = await _http.GetAsync($"{_server.BaseUrl}/bot{_server.Token}/sendDice?chat_id=42");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            """{"ok":false,"error_code":404,"description":"Not Found"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FormEncodedSendMessage_IsAccepted()
    {
        _server.AddUser(42, "Alice");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42",
            ["text"] = "from a form",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Ok","callback_data":"ok"}]]}""",
        });

        using var response = await _http.PostAsync($"{_server.BaseUrl}/bot{_server.Token}/SENDMESSAGE", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(_server.SentTo(42));
        Assert.Equal("from a form", sent.Text);
        Assert.Equal([new SentButton("Ok", "ok")], Assert.Single(sent.Buttons));
    }

    [Fact]
    public async Task WaitForMessageAsync_WhenNothingArrives_ThrowsTimeoutException()
    {
        _server.AddUser(42, "Alice");
        await _bot.SendMessage(42, "something else");

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => _server.WaitForMessageAsync(42, m => m.Text == "never", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("something else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForAllUpdatesConfirmedAsync_WhenNotConfirmed_ThrowsTimeoutException()
    {
        var alice = _server.AddUser(42, "Alice");
        _server.SendText(alice, "hi");

        await Assert.ThrowsAsync<TimeoutException>(
            () => _server.WaitForAllUpdatesConfirmedAsync(TimeSpan.FromMilliseconds(200)));
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static InputFileStream Upload(byte[] content, string name) => InputFile.FromStream(new MemoryStream(content), name);

    [Fact]
    public async Task SendDocument_Multipart_RecordsTheBytesNameCaptionAndButtons()
    {
        _server.AddUser(42, "Alice");
        var bytes = "# Our journal\n"u8.ToArray();

        var returned = await _bot.SendDocument(42, Upload(bytes, "journal.md"), caption: "Your journal", replyMarkup: YesNo());

        var sent = Assert.Single(_server.SentTo(42));
        Assert.Equal("Your journal", sent.Text);
        Assert.Equal("document", sent.File!.Kind);
        Assert.Equal("journal.md", sent.File.FileName);
        Assert.Equal(bytes, sent.File.Content);
        Assert.Equal(2, Assert.Single(sent.Buttons).Count);
        Assert.Equal("journal.md", returned.Document!.FileName);
        Assert.Equal("Your journal", returned.Caption);
        Assert.Equal(bytes.Length, returned.Document.FileSize);
    }

    [Fact]
    public async Task SendPhoto_Multipart_RecordsTheImage_AndIsSeenByWaitForMessage()
    {
        _server.AddUser(42, "Alice");
        var waiting = _server.WaitForMessageAsync(42, m => m.File?.Kind == "photo", Bounded);

        var returned = await _bot.SendPhoto(42, Upload(Png, "trend.png"));
        var seen = await waiting;

        Assert.Equal(Png, seen.File!.Content);
        Assert.Equal("trend.png", seen.File.FileName);
        Assert.Equal("", seen.Text);
        Assert.NotEmpty(returned.Photo!);
        Assert.Null(returned.Caption);
    }

    [Fact]
    public async Task SendPhoto_ThatIsNoImage_Returns400ImageProcessFailed()
    {
        _server.AddUser(42, "Alice");

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => _bot.SendPhoto(42, Upload("not a picture"u8.ToArray(), "x.png")));

        Assert.Equal("Bad Request: IMAGE_PROCESS_FAILED", error.Message);
        Assert.Empty(_server.Sent);
    }

    [Fact]
    public async Task SendDocument_CaptionOver1024Characters_Returns400()
    {
        _server.AddUser(42, "Alice");

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => _bot.SendDocument(42, Upload([1], "a.bin"), caption: new string('a', 1025)));
        await _bot.SendDocument(42, Upload([1], "a.bin"), caption: new string('a', 1024));

        Assert.Equal("Bad Request: message caption is too long", error.Message);
        Assert.Single(_server.Sent);
    }

    [Fact]
    public async Task SendDocument_ByFileIdOrUrl_IsNotSupportedAndSaysSo()
    {
        _server.AddUser(42, "Alice");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(42, InputFile.FromFileId("BQACAgabc")));

        Assert.Equal("Bad Request: wrong file identifier/HTTP URL specified", error.Message);
    }

    [Fact]
    public async Task FailNextSend_AppliesToFileSendsToo()
    {
        _server.AddUser(42, "Alice");
        _server.FailNextSend(429, retryAfter: 3);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(42, Upload([1], "a.bin")));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(3, error.Parameters?.RetryAfter);
        Assert.Empty(_server.Sent);
    }

    [Fact]
    public async Task EditMessageText_OfAFileMessage_Returns400()
    {
        _server.AddUser(42, "Alice");
        var sent = await _bot.SendDocument(42, Upload([1], "a.bin"), caption: "first");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(42, sent.Id, "second"));

        Assert.Equal("Bad Request: there is no text in the message to edit", error.Message);
    }

    private TelegramBotClient CreateClient(string token) =>
        new(new TelegramBotClientOptions(token, _server.BaseUrl) { RetryThreshold = 0 }, _http);

    private static InlineKeyboardMarkup YesNo() => new(
        [[InlineKeyboardButton.WithCallbackData("Yes", "yes"), InlineKeyboardButton.WithCallbackData("No", "no")]]);
}
