using System.Security.Cryptography;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Bot.Testing.Postgres;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Storage;

public sealed class SqliteToPostgresTests
{
    private static readonly DateTimeOffset Now = TestDatabase.Start;

    [Fact]
    public async Task Copy_MovesEveryRowWithItsId_WordsStayReadable_AndNewIdsFollowTheCopiedOnes()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var sqlite = await TestDatabase.CreateAsync(new Dictionary<string, string?> { ["Security:EncryptionKey"] = key });
        var persons = sqlite.Get<IPersonRepository>();
        var alex = await persons.UpsertAsync(new ChatUser(Platform.Telegram, "1"), "Alex", new ChatAddress(Platform.Telegram, "1"), Now, default);
        var blake = await persons.UpsertAsync(new ChatUser(Platform.Telegram, "2"), "Blake", new ChatAddress(Platform.Telegram, "2"), Now, default);
        var couple = await sqlite.Get<ICoupleRepository>().AddAsync(
            new Couple(0, alex.Id, blake.Id, "UTC", new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), null, null, Now, null),
            default);
        var item = await sqlite.Get<IBucketListRepository>().AddAsync(
            new BucketItem(0, couple.Id, "see the northern lights", alex.Id, Now, null), default);
        var file = new Attachment(AttachmentKind.Document, "journal.md", "text/markdown", "# our words"u8.ToArray());
        await sqlite.Get<IOutbox>().EnqueueAsync(
            new OutgoingMessage(new ChatAddress(Platform.Telegram, "1"), "Blake wrote: hello", [], [blake.Id]) { Attachment = file }, default);
        var target = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            var counts = await SqliteToPostgres.CopyAsync(sqlite.ConnectionString, target, CancellationToken.None);

            Assert.Contains(("persons", 2L), counts);
            Assert.Contains(("couples", 1L), counts);
            Assert.Contains(("outbox_attachments", 1L), counts);
            await using var postgres = Services(target, key);
            await using var scope = postgres.CreateAsyncScope();
            var copiedItem = Assert.Single(await scope.ServiceProvider.GetRequiredService<IBucketListRepository>()
                .ListAsync(couple.Id, default));
            Assert.Equal((item.Id, "see the northern lights"), (copiedItem.Id, copiedItem.Text));
            var sent = Assert.Single(await scope.ServiceProvider.GetRequiredService<OutboxStore>()
                .ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, default));
            Assert.Equal("Blake wrote: hello", sent.Message.Text);
            Assert.Equal("# our words"u8.ToArray(), sent.Message.Attachment!.Content.ToArray());
            var carol = await scope.ServiceProvider.GetRequiredService<IPersonRepository>().UpsertAsync(
                new ChatUser(Platform.Telegram, "3"), "Carol", null, Now, default);
            Assert.True(carol.Id > blake.Id);
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(target);
        }
    }

    [Fact]
    public async Task Copy_IntoADatabaseWithRows_CopiesNothing()
    {
        await using var sqlite = await TestDatabase.CreateAsync();
        await sqlite.Get<IPersonRepository>().UpsertAsync(new ChatUser(Platform.Telegram, "1"), "Alex", null, Now, default);
        var target = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            await SqliteToPostgres.CopyAsync(sqlite.ConnectionString, target, CancellationToken.None);

            var again = await Assert.ThrowsAsync<InvalidOperationException>(
                () => SqliteToPostgres.CopyAsync(sqlite.ConnectionString, target, CancellationToken.None));

            Assert.Contains("not empty", again.Message, StringComparison.Ordinal);
            await using var postgres = Services(target, Convert.ToBase64String(new byte[32]));
            await using var connection = await postgres.GetRequiredService<DbConnectionFactory>().OpenAsync(default);
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM persons;"));
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(target);
        }
    }

    private static ServiceProvider Services(string connectionString, string key)
    {
        // Qualified: inside Bot.Host.Tests, Host alone means the Bot.Host namespace.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageProviders.SettingName] = "postgres",
            ["ConnectionStrings:Bot"] = connectionString,
            ["Security:EncryptionKey"] = key,
        });
        builder.AddStorage();
        return builder.Services.BuildServiceProvider();
    }
}
