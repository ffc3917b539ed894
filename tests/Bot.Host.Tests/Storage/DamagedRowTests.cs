using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Dapper;

namespace Bot.Host.Tests.Storage;

/// <summary>A row that cannot be read (damaged, or written under another key) is set aside; everything else goes on.</summary>
public sealed class DamagedRowTests : IAsyncLifetime
{
    // Not base64, so the cipher cannot even start on it.
    private const string Damaged = "v1:damaged";

    private TestDatabase _database = null!;

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task OutboxClaim_WithADamagedRow_SetsItAsideAndHandsOutTheRest_ItsChatIncluded()
    {
        var outbox = _database.Get<IOutbox>();
        await outbox.EnqueueAsync(OutgoingMessage.Plain(new ChatAddress(Platform.Telegram, "1"), "lost"), CancellationToken.None);
        await outbox.EnqueueAsync(OutgoingMessage.Plain(new ChatAddress(Platform.Telegram, "2"), "fine"), CancellationToken.None);
        await using (var connection = await _database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE outbox SET text = @Damaged WHERE chat_id = '1'", new { Damaged });
        }

        await outbox.EnqueueAsync(
            OutgoingMessage.Plain(new ChatAddress(Platform.Telegram, "1"), "after it"), CancellationToken.None);

        var store = _database.Get<OutboxStore>();
        var claimed = await store.ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None);
        var next = await store.ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None);

        Assert.Equal(["fine"], claimed.Select(c => c.Message.Text));
        Assert.Equal(["after it"], next.Select(c => c.Message.Text));
        Assert.Equal(3, await store.CountAsync());
    }

    [Fact]
    public async Task CheckInSweep_WithADamagedCouple_OpensTheOtherCouplesCheckIn()
    {
        var damaged = await DueCoupleAsync(1);
        var fine = await DueCoupleAsync(3);
        await using (var connection = await _database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE couples SET cooldown_topic = @Damaged WHERE id = @Id", new { Damaged, damaged.Id });
        }

        var result = await _database.Get<CheckInSweeper>().RunAsync(CancellationToken.None);

        Assert.Equal(1, result.CheckInsOpened);
        var failure = Assert.Single(result.Failures);
        Assert.Equal($"check-in of couple {damaged.Id}", failure.Item);
        Assert.NotNull(await _database.Get<IRoundRepository>().GetOpenAsync(fine.Id, CancellationToken.None));
    }

    private async Task<Couple> DueCoupleAsync(int firstId)
    {
        var persons = _database.Get<IPersonRepository>();
        var ids = new List<long>();
        foreach (var id in new[] { firstId, firstId + 1 })
        {
            var chat = new ChatAddress(Platform.Telegram, $"{id}");
            ids.Add((await persons.UpsertAsync(new ChatUser(Platform.Telegram, $"{id}"), $"P{id}", chat, Now,
                CancellationToken.None)).Id);
        }

        return await _database.Get<ICoupleRepository>().AddAsync(
            new Couple(0, ids[0], ids[1], "UTC", new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true),
                Now.AddMinutes(-1), null, Now, null),
            CancellationToken.None);
    }
}
