using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Storage;

public sealed class SqliteOutboxStoreTests : OutboxStoreTests
{
    private protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresOutboxStoreTests : OutboxStoreTests
{
    private protected override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>The store's contract, on each provider.</summary>
public abstract class OutboxStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly ChatAddress Alex = new(Platform.Telegram, "1");
    private static readonly ChatAddress Blake = new(Platform.Telegram, "2");

    private TestDatabase _database = null!;

    private IOutbox Outbox => _database.Get<IOutbox>();

    private OutboxStore Store => _database.Get<OutboxStore>();

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    private protected abstract StorageProvider Provider { get; }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider: Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Enqueue_ThenClaim_ReturnsTheWholeMessage()
    {
        var message = new OutgoingMessage(
            Alex,
            "Ready for this week?",
            [[new Choice("Yes", "go:1"), new Choice("Later", "later:1")], [new Choice("Skip", "skip:1")]],
            [7, 8]);
        await Outbox.EnqueueAsync(message, CancellationToken.None);

        var claimed = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));

        Assert.Equal(Alex, claimed.Message.To);
        Assert.Equal("Ready for this week?", claimed.Message.Text);
        Assert.Equal(
            ["Yes|go:1", "Later|later:1", "Skip|skip:1"],
            claimed.Message.Choices.SelectMany(row => row).Select(c => $"{c.Label}|{c.Payload}"));
        Assert.Equal([2, 1], claimed.Message.Choices.Select(row => row.Count));
        Assert.Equal([7L, 8L], claimed.Message.WordsOf);
        Assert.Equal(0, claimed.Attempts);
        Assert.Equal(0, claimed.PartsSent);
    }

    [Fact]
    public async Task ClaimDue_ReturnsOnlyTheOldestMessageOfEachChat()
    {
        await EnqueueAsync(Alex, "a1");
        await EnqueueAsync(Blake, "b1");
        await EnqueueAsync(Alex, "a2");
        await EnqueueAsync(new ChatAddress(Platform.Discord, "1"), "d1");

        var claimed = await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None);

        Assert.Equal(["a1", "b1", "d1"], claimed.Select(c => c.Message.Text));
    }

    [Fact]
    public async Task ClaimDue_WhileClaimed_ReturnsNothingOfThatChat()
    {
        await EnqueueAsync(Alex, "a1");
        await EnqueueAsync(Alex, "a2");
        await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None);

        var again = await Store.ClaimDueAsync(Now.AddSeconds(30), Lease, 10, CancellationToken.None);

        Assert.Empty(again);
    }

    [Fact]
    public async Task ClaimDue_AfterTheLeaseRunsOut_ClaimsTheSameRowAgain()
    {
        await EnqueueAsync(Alex, "a1");
        var first = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));
        var afterLease = Now + Lease + TimeSpan.FromMilliseconds(1);

        var again = await Store.ClaimDueAsync(afterLease, Lease, 10, CancellationToken.None);

        Assert.Equal(first.Id, Assert.Single(again).Id);
    }

    [Fact]
    public async Task ClaimDue_OldestNotDueYet_HoldsBackTheWholeChat()
    {
        await EnqueueAsync(Alex, "a1");
        await EnqueueAsync(Alex, "a2");
        var claimed = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));
        await Store.RetryLaterAsync(claimed.Id, Now.AddMinutes(5), 1, "timeout");

        var beforeRetry = await Store.ClaimDueAsync(Now.AddMinutes(4), Lease, 10, CancellationToken.None);
        var atRetry = await Store.ClaimDueAsync(Now.AddMinutes(5), Lease, 10, CancellationToken.None);

        Assert.Empty(beforeRetry);
        Assert.Equal("a1", Assert.Single(atRetry).Message.Text);
    }

    [Fact]
    public async Task ClaimDue_StopsAtTheLimitOldestDueFirst()
    {
        await EnqueueAsync(Alex, "a1");
        _database.Time.Advance(TimeSpan.FromSeconds(1));
        await EnqueueAsync(Blake, "b1");
        _database.Time.Advance(TimeSpan.FromSeconds(1));
        await EnqueueAsync(new ChatAddress(Platform.Telegram, "3"), "c1");

        var claimed = await Store.ClaimDueAsync(Now, Lease, 2, CancellationToken.None);

        Assert.Equal(["a1", "b1"], claimed.Select(c => c.Message.Text));
    }

    [Fact]
    public async Task Complete_DeletesTheRowAndFreesTheChatsNextMessage()
    {
        await EnqueueAsync(Alex, "a1");
        await EnqueueAsync(Alex, "a2");
        var first = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));

        await Store.CompleteAsync(first.Id);

        var next = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));
        Assert.Equal("a2", next.Message.Text);
        Assert.Equal(1, await Store.CountAsync());
    }

    [Fact]
    public async Task RetryLater_CountsTheAttemptAndFreesTheClaim()
    {
        await EnqueueAsync(Alex, "a1");
        var claimed = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));

        await Store.RetryLaterAsync(claimed.Id, Now.AddSeconds(10), 1, "HttpRequestException");

        var retried = Assert.Single(await Store.ClaimDueAsync(Now.AddSeconds(10), Lease, 10, CancellationToken.None));
        Assert.Equal(1, retried.Attempts);
    }

    [Fact]
    public async Task Release_FreesTheClaimWithoutCountingAnAttempt()
    {
        await EnqueueAsync(Alex, "a1");
        var claimed = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));

        await Store.ReleaseAsync(claimed.Id, Now.AddSeconds(3));

        Assert.Empty(await Store.ClaimDueAsync(Now.AddSeconds(2), Lease, 10, CancellationToken.None));
        var released = Assert.Single(await Store.ClaimDueAsync(Now.AddSeconds(3), Lease, 10, CancellationToken.None));
        Assert.Equal(0, released.Attempts);
    }

    [Fact]
    public async Task MarkPartsSent_IsKeptForTheNextClaim()
    {
        await EnqueueAsync(Alex, "a long text");
        var claimed = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));

        await Store.MarkPartsSentAsync(claimed.Id, 2);
        await Store.ReleaseAsync(claimed.Id, Now);

        Assert.Equal(2, Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None)).PartsSent);
    }

    [Fact]
    public async Task Drop_DeletesTheRow()
    {
        await EnqueueAsync(Alex, "a1");
        var claimed = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));

        await Store.DropAsync(claimed.Id, "chat not found");

        Assert.Equal(0, await Store.CountAsync());
    }

    [Fact]
    public async Task UpdatesOfAGoneRow_DoNothing()
    {
        await EnqueueAsync(Alex, "a1");
        var claimed = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));
        await Store.CompleteAsync(claimed.Id);

        await Store.MarkPartsSentAsync(claimed.Id, 1);
        await Store.RetryLaterAsync(claimed.Id, Now, 1, "late");
        await Store.ReleaseAsync(claimed.Id, Now);
        await Store.CompleteAsync(claimed.Id);

        Assert.Equal(0, await Store.CountAsync());
    }

    [Fact]
    public async Task Enqueue_WithAnAttachment_ClaimsTheFileIntact()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0, 255, 7];
        var message = new OutgoingMessage(Alex, "Your week in a picture", [[new Choice("Nice", "nice:1")]], [1])
        {
            Attachment = new Attachment(AttachmentKind.Photo, "trend.png", "image/png", bytes),
        };
        await Outbox.EnqueueAsync(message, CancellationToken.None);
        await EnqueueAsync(Blake, "no file here");

        var claimed = await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None);

        var file = claimed.Single(c => c.Message.To == Alex).Message.Attachment;
        Assert.NotNull(file);
        Assert.Equal((AttachmentKind.Photo, "trend.png", "image/png"), (file.Kind, file.FileName, file.ContentType));
        Assert.Equal(bytes, file.Content.ToArray());
        Assert.Equal("Your week in a picture", claimed.Single(c => c.Message.To == Alex).Message.Text);
        Assert.Null(claimed.Single(c => c.Message.To == Blake).Message.Attachment);
    }

    [Fact]
    public async Task Enqueue_WithALetter_KeepsItSealedAndClaimsItIntact()
    {
        var letter = new Letter("✨ Alex and Sam", [new LetterSection("1. Q?",
            [new LetterAnswer("Alex", "lettermark <b>", null) { Continued = true }, new LetterAnswer("Sam", null, "passed")])], "Bye");
        await Outbox.EnqueueAsync(new OutgoingMessage(Alex, "plain", [], [1, 2]) { Letter = letter }, CancellationToken.None);
        await EnqueueAsync(Blake, "no letter");

        var claimed = await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None);

        var back = claimed.Single(c => c.Message.To == Alex).Message.Letter;
        Assert.NotNull(back);
        Assert.Equal(letter.PlainText(), back.PlainText());
        Assert.True(Assert.IsType<LetterAnswer>(back.Sections[0].Parts[0]).Continued);
        Assert.Null(claimed.Single(c => c.Message.To == Blake).Message.Letter);
        await using var connection = await _database.OpenConnectionAsync();
        var raw = (await Dapper.SqlMapper.QueryAsync<string?>(connection, "SELECT letter FROM outbox ORDER BY id;")).ToList();
        Assert.DoesNotContain(raw, stored => stored?.Contains("lettermark", StringComparison.Ordinal) == true);
        Assert.Null(raw.Last());
    }

    [Fact]
    public async Task CompleteAndForget_TakeTheAttachmentWithTheMessage()
    {
        var file = new Attachment(AttachmentKind.Document, "journal.md", "text/markdown", "# hi"u8.ToArray());
        await Outbox.EnqueueAsync(new OutgoingMessage(Alex, "journal", [], [2]) { Attachment = file }, CancellationToken.None);
        await Outbox.EnqueueAsync(new OutgoingMessage(Blake, "journal", [], []) { Attachment = file }, CancellationToken.None);

        await Outbox.DeleteUndeliveredWordsOfAsync(2, CancellationToken.None);
        var left = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));
        await Store.CompleteAsync(left.Id);

        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM outbox_attachments;"));
    }

    [Fact]
    public async Task DeleteUndeliveredWordsOf_RemovesOnlyMessagesQuotingThatPerson()
    {
        await Outbox.EnqueueAsync(new OutgoingMessage(Alex, "Blake wrote: ...", [], [2]), CancellationToken.None);
        await Outbox.EnqueueAsync(new OutgoingMessage(Blake, "Both wrote: ...", [], [1, 2]), CancellationToken.None);
        await Outbox.EnqueueAsync(new OutgoingMessage(Blake, "Alex wrote: ...", [], [1]), CancellationToken.None);
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Blake, "Blake, it is check-in time"), CancellationToken.None);

        await Outbox.DeleteUndeliveredWordsOfAsync(2, CancellationToken.None);

        Assert.Equal(2, await Store.CountAsync());
        var left = await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None);
        Assert.Equal("Alex wrote: ...", Assert.Single(left).Message.Text);
    }

    [Fact]
    public async Task ClaimDue_TwoNodesAtOnce_NeverClaimTheSameRow()
    {
        for (var chat = 0; chat < 20; chat++)
        {
            await EnqueueAsync(new ChatAddress(Platform.Telegram, $"{chat}"), "hi");
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = _database.NewScope();
            var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            return await store.ClaimDueAsync(Now, Lease, 8, CancellationToken.None);
        })));

        var ids = claims.SelectMany(c => c).Select(c => c.Id).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private Task EnqueueAsync(ChatAddress to, string text) =>
        Outbox.EnqueueAsync(OutgoingMessage.Plain(to, text), CancellationToken.None);

    private async Task EnqueueReplyAsync(ChatAddress to, string text)
    {
        await using var scope = _database.NewScope();
        scope.ServiceProvider.GetRequiredService<OutboxLaneOfScope>().Lane = OutboxLane.Reply;
        await scope.ServiceProvider.GetRequiredService<IOutbox>()
            .EnqueueAsync(OutgoingMessage.Plain(to, text), CancellationToken.None);
    }

    private Task EnqueueBroadcastAsync(int count) =>
        _database.Get<IUnitOfWork>().RunAsync(
            async token =>
            {
                for (var i = 0; i < count; i++)
                {
                    await Outbox.EnqueueAsync(
                        OutgoingMessage.Plain(new ChatAddress(Platform.Telegram, $"{1000 + i}"), $"question {i}"), token);
                }
            },
            CancellationToken.None);

    [Fact]
    public async Task ClaimDue_AReplyEnqueuedAfterThousandsOfBroadcastRows_IsClaimedFirst()
    {
        await EnqueueBroadcastAsync(3000);
        _database.Time.Advance(TimeSpan.FromSeconds(1));
        await EnqueueReplyAsync(Alex, "Here is your status");

        var claimed = await Store.ClaimDueAsync(Now, Lease, 3, CancellationToken.None);

        Assert.Equal(["Here is your status", "question 0", "question 1"], claimed.Select(c => c.Message.Text));
        Assert.Equal([OutboxLane.Reply, OutboxLane.Background, OutboxLane.Background], claimed.Select(c => c.Lane));
    }

    [Fact]
    public async Task ClaimDue_AReplyToAChatWithBroadcastWaiting_KeepsTheChatsOrderAndTakesItAlongFirst()
    {
        await EnqueueBroadcastAsync(50);
        await EnqueueAsync(Alex, "a1");
        await EnqueueAsync(Alex, "a2");
        await EnqueueReplyAsync(Alex, "reply");
        var texts = new List<string>();

        for (var i = 0; i < 3; i++)
        {
            var first = (await Store.ClaimDueAsync(Now, Lease, 1, CancellationToken.None))[0];
            texts.Add(first.Message.Text);
            await Store.CompleteAsync(first.Id);
        }

        Assert.Equal(["a1", "a2", "reply"], texts);
    }

    [Fact]
    public async Task Enqueue_AQuestion_KeepsThatItInvitesAnAnswer_AndWhichQuestionItAsks()
    {
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Alex, "How was your week?") with
        {
            InvitesAnswer = true,
            Asks = new QuestionRef(7, 2),
        }, CancellationToken.None);
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Blake, "Thanks!"), CancellationToken.None);

        var claimed = await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None);

        var question = claimed.Single(c => c.Message.To == Alex).Message;
        Assert.True(question.InvitesAnswer);
        Assert.Equal(new QuestionRef(7, 2), question.Asks);
        Assert.False(claimed.Single(c => c.Message.To == Blake).Message.InvitesAnswer);
        Assert.Null(claimed.Single(c => c.Message.To == Blake).Message.Asks);
    }

    [Fact]
    public async Task Enqueue_ASilentMessage_KeepsThatItIsSilent()
    {
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Alex, "Sam answered too") with { Silent = true }, CancellationToken.None);
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Blake, "Thanks!"), CancellationToken.None);

        var claimed = await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None);

        Assert.True(claimed.Single(c => c.Message.To == Alex).Message.Silent);
        Assert.False(claimed.Single(c => c.Message.To == Blake).Message.Silent);
    }

    [Fact]
    public async Task ClaimDue_AHeldMessage_IsNotSentEarly_AndDoesNotHoldUpNewerOnesOfItsChat()
    {
        var holdUntil = Now.AddHours(8);
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Alex, "held") with { NotBefore = holdUntil }, CancellationToken.None);
        await EnqueueAsync(Alex, "a1");
        await EnqueueAsync(Alex, "a2");

        var first = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));
        await Store.CompleteAsync(first.Id);
        var second = Assert.Single(await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None));
        await Store.CompleteAsync(second.Id);
        var justBefore = await Store.ClaimDueAsync(holdUntil.AddMilliseconds(-1), Lease, 10, CancellationToken.None);
        var atTheTime = await Store.ClaimDueAsync(holdUntil, Lease, 10, CancellationToken.None);

        Assert.Equal(("a1", "a2"), (first.Message.Text, second.Message.Text));
        Assert.Empty(justBefore);
        Assert.Equal("held", Assert.Single(atTheTime).Message.Text);
    }

    [Fact]
    public async Task ClaimDue_OnceTheHoldEnds_TheHeldMessageTakesItsTurnBeforeNewerOnes()
    {
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Alex, "held") with { NotBefore = Now.AddHours(1) }, CancellationToken.None);
        _database.Time.Advance(TimeSpan.FromHours(2));
        await EnqueueAsync(Alex, "later");
        await EnqueueAsync(Blake, "b1");

        var claimed = await Store.ClaimDueAsync(Now, Lease, 10, CancellationToken.None);

        Assert.Equal(["held", "b1"], claimed.Select(c => c.Message.Text));
    }

    [Fact]
    public async Task DropHeldQuestions_RemovesOnlyThatChatsQuestionsStillHeld()
    {
        var later = Now.AddHours(6);
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Alex, "held question") with { NotBefore = later, InvitesAnswer = true }, CancellationToken.None);
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Alex, "held note") with { NotBefore = later }, CancellationToken.None);
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Alex, "question now") with { InvitesAnswer = true }, CancellationToken.None);
        await Outbox.EnqueueAsync(OutgoingMessage.Plain(Blake, "held for Blake") with { NotBefore = later, InvitesAnswer = true }, CancellationToken.None);

        await Outbox.DropHeldQuestionsAsync(Alex, Now, CancellationToken.None);

        var left = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var batch = await Store.ClaimDueAsync(later, Lease, 10, CancellationToken.None);
            left.AddRange(batch.Select(c => c.Message.Text));
            foreach (var item in batch)
            {
                await Store.CompleteAsync(item.Id);
            }
        }

        Assert.Equal(["held for Blake", "held note", "question now"], left.Order(StringComparer.Ordinal));
    }
}
