using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Storage;

public sealed class SqliteInboxStoreTests : InboxStoreTests
{
    private protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresInboxStoreTests : InboxStoreTests
{
    private protected override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>The store's contract, on each provider.</summary>
public abstract class InboxStoreTests : IAsyncLifetime
{
    private static readonly ChatUser Sam = new(Platform.Telegram, "42");
    private static readonly ChatAddress SamsChat = new(Platform.Telegram, "42");

    private TestDatabase _database = null!;

    private InboxStore Inbox => _database.Get<InboxStore>();

    private static DateTimeOffset Now => TestDatabase.Start;

    private protected abstract StorageProvider Provider { get; }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider: Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryAdd_SameKeyTwice_ReturnsNullTheSecondTime()
    {
        var first = await Inbox.TryAddAsync("telegram:1", Text("hello"), Now, CancellationToken.None);

        var second = await Inbox.TryAddAsync("telegram:1", Text("hello"), Now, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Single(await Inbox.GetPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetPending_ReturnsEveryKindOfMessageWholeInArrivalOrder()
    {
        var command = new CommandReceived(Sam, "Sam", SamsChat, true, "join", "ABC 123");
        var text = Text("It was lovely") with { MessageId = "77", ForQuestion = new QuestionRef(5, 2) };
        var choice = new ChoiceSelected(Sam, "Sam", new ChatAddress(Platform.Telegram, "-100"), false, "go:12");
        var edit = new MessageEdited(Sam, "Sam", SamsChat, true, "77", "It was lovely, really");
        var ids = new List<long?>
        {
            await Inbox.TryAddAsync("telegram:1", command, Now, CancellationToken.None),
            await Inbox.TryAddAsync("telegram:2", text, Now, CancellationToken.None),
            await Inbox.TryAddAsync("telegram:3", choice, Now, CancellationToken.None),
            await Inbox.TryAddAsync("telegram:4", edit, Now, CancellationToken.None),
        };

        var pending = await Inbox.GetPendingAsync(CancellationToken.None);

        Assert.Equal(ids, pending.Select(p => (long?)p.Id));
        Assert.Equal([command, text, choice, edit], await ReadAllAsync(pending));
        Assert.Equal(["Telegram:42", "Telegram:42", "Telegram:-100", "Telegram:42"], pending.Select(p => p.ChatKey));
    }

    [Fact]
    public async Task GetPendingById_ReturnsTheItemUntilCompleted()
    {
        var id = (await Inbox.TryAddAsync("telegram:1", Text("hi"), Now, CancellationToken.None))!.Value;

        var before = await Inbox.GetPendingAsync(id, CancellationToken.None);
        await Inbox.CompleteAsync(id, Now, CancellationToken.None);
        var after = await Inbox.GetPendingAsync(id, CancellationToken.None);

        Assert.Equal(Text("hi"), before!.Message);
        Assert.Null(after);
    }

    [Fact]
    public async Task Complete_ErasesTheContentAndKeepsTheKeyForDedupe()
    {
        var id = (await Inbox.TryAddAsync("telegram:1", Text("something private"), Now, CancellationToken.None))!.Value;

        await Inbox.CompleteAsync(id, Now.AddSeconds(1), CancellationToken.None);

        await using var connection = await _database.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Key, long? ProcessedAt, long EmptyContent)>(
            """
            SELECT update_key, processed_at,
                   CASE WHEN coalesce(chat_key, from_id, from_name, chat_id, command, arguments, text, payload) IS NULL
                         AND coalesce(kind, from_platform, chat_platform, is_private) IS NULL THEN 1 ELSE 0 END
            FROM inbox WHERE id = @id;
            """,
            new { id });
        Assert.Equal("telegram:1", row.Key);
        Assert.Equal(Now.AddSeconds(1).ToUnixTimeMilliseconds(), row.ProcessedAt);
        Assert.Equal(1, row.EmptyContent);
        Assert.Null(await Inbox.TryAddAsync("telegram:1", Text("again"), Now, CancellationToken.None));
        Assert.Empty(await Inbox.GetPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TypedOptions_ComeBackAsSent_AreStoredEncrypted_AndAreErasedOnCompletion()
    {
        var options = new Dictionary<string, string> { ["text"] = "dinner at 5, surprise", ["at"] = "7pm" };
        var command = new CommandReceived(Sam, "Sam", SamsChat, true, "note", "") { Options = options };
        var id = (await Inbox.TryAddAsync("discord:1", command, Now, CancellationToken.None))!.Value;

        var pending = Assert.IsType<CommandReceived>((await Inbox.GetPendingAsync(id, CancellationToken.None))!.Message);
        await using var connection = await _database.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT options FROM inbox WHERE id = @id;", new { id });
        await Inbox.CompleteAsync(id, Now, CancellationToken.None);
        var erased = await connection.QuerySingleAsync<string?>("SELECT options FROM inbox WHERE id = @id;", new { id });

        Assert.Equal(options, pending.Options);
        Assert.DoesNotContain("dinner", stored, StringComparison.Ordinal);
        Assert.Null(erased);
    }

    [Fact]
    public async Task Complete_InsideAFailedUnitOfWork_IsRolledBack()
    {
        var id = (await Inbox.TryAddAsync("telegram:1", Text("hi"), Now, CancellationToken.None))!.Value;

        await using (var scope = _database.NewScope())
        {
            var services = scope.ServiceProvider;
            var work = () => services.GetRequiredService<IUnitOfWork>().RunAsync(
                async ct =>
                {
                    await services.GetRequiredService<InboxStore>().CompleteAsync(id, Now, ct);
                    throw new InvalidOperationException("handler failed");
                },
                CancellationToken.None);
            await Assert.ThrowsAsync<InvalidOperationException>(work);
        }

        Assert.NotNull(await Inbox.GetPendingAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task PurgeProcessed_DeletesOnlyRowsProcessedBeforeTheCutoff()
    {
        var old = (await Inbox.TryAddAsync("telegram:1", Text("1"), Now, CancellationToken.None))!.Value;
        var recent = (await Inbox.TryAddAsync("telegram:2", Text("2"), Now, CancellationToken.None))!.Value;
        await Inbox.TryAddAsync("telegram:3", Text("3"), Now, CancellationToken.None);
        await Inbox.CompleteAsync(old, Now, CancellationToken.None);
        await Inbox.CompleteAsync(recent, Now.AddDays(2), CancellationToken.None);

        var purged = await Inbox.PurgeProcessedAsync(Now.AddDays(1), CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.NotNull(await Inbox.TryAddAsync("telegram:1", Text("1"), Now, CancellationToken.None));
        Assert.Null(await Inbox.TryAddAsync("telegram:2", Text("2"), Now, CancellationToken.None));
        Assert.Null(await Inbox.TryAddAsync("telegram:3", Text("3"), Now, CancellationToken.None));
    }

    private static TextReceived Text(string text) => new(Sam, "Sam", SamsChat, true, text);

    [Fact]
    public async Task ChatChanges_RoundTrip()
    {
        var group = new ChatAddress(Platform.Telegram, "-100");
        ChatChanged joined = new(Sam, "Sam", group, ChatChange.MemberJoined) { Member = new ChatUser(Platform.Telegram, "77") };
        ChatChanged moved = new(Sam, "Sam", group, ChatChange.Moved) { MovedTo = new ChatAddress(Platform.Telegram, "-100200") };
        await Inbox.TryAddAsync("telegram:1", joined, Now, CancellationToken.None);
        await Inbox.TryAddAsync("telegram:2", moved, Now, CancellationToken.None);

        var read = await ReadAllAsync(await Inbox.GetPendingAsync(CancellationToken.None));

        Assert.Equal([joined, moved], read);
    }

    [Fact]
    public async Task GetPending_KeepsTheReplyAndPrivateAddresses()
    {
        var reply = new ChatAddress(Platform.Discord, "ix:100:token");
        var dm = new ChatAddress(Platform.Discord, "@42");
        var command = new CommandReceived(Sam, "Sam", new ChatAddress(Platform.Discord, "300"), false, "status", "")
        {
            ReplyTo = reply,
            PrivateChat = dm,
        };
        await Inbox.TryAddAsync("discord:1", command, Now, CancellationToken.None);

        var stored = Assert.Single(await ReadAllAsync(await Inbox.GetPendingAsync(CancellationToken.None)));

        Assert.Equal(reply, stored.ReplyTo);
        Assert.Equal(dm, stored.PrivateChat);
        Assert.Equal(command, stored);
    }

    private async Task<List<Inbound>> ReadAllAsync(IReadOnlyList<PendingUpdate> pending)
    {
        var read = new List<Inbound>();
        foreach (var update in pending)
        {
            read.Add((await Inbox.GetPendingAsync(update.Id, CancellationToken.None))!.Message);
        }

        return read;
    }
}
