using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Bot.Host.Storage.Repositories;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace Bot.Host.Tests.Storage;

public sealed class SqliteStorageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AnErase_SecureDeletesAndEmptiesTheWal_OnceItsTransactionCommits()
    {
        var persons = _database.Get<IPersonRepository>();
        var alex = await persons.UpsertAsync(
            new ChatUser(Platform.Telegram, "1"), "Alex", new ChatAddress(Platform.Telegram, "1"), TestDatabase.Start, default);
        var blake = await persons.UpsertAsync(
            new ChatUser(Platform.Telegram, "2"), "Blake", new ChatAddress(Platform.Telegram, "2"), TestDatabase.Start, default);
        var couple = await _database.Get<ICoupleRepository>().AddAsync(
            new Couple(0, alex.Id, blake.Id, "UTC", new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), null,
                null, TestDatabase.Start, null),
            CancellationToken.None);
        await _database.Get<IBucketListRepository>().AddAsync(
            new BucketItem(0, couple.Id, "a wish", alex.Id, TestDatabase.Start, null), CancellationToken.None);
        var wal = new FileInfo(_database.FilePath + "-wal");
        var before = wal.Length;

        long during = -1;
        await _database.Get<IUnitOfWork>().RunAsync(
            async ct =>
            {
                await _database.Get<IBucketListRepository>().DeleteAddedByAsync(alex.Id, ct);
                wal.Refresh();
                during = wal.Length;
            },
            CancellationToken.None);
        wal.Refresh();

        Assert.True(before > 0 && during > 0, $"the WAL held {before} and {during} bytes");
        Assert.Equal(0, wal.Length);
        await using var connection = await _database.OpenAsync();
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA secure_delete;"));
    }

    [Fact]
    public async Task Migrate_CreatesTheFoldersAndSetsUserVersion()
    {
        await using var connection = await _database.OpenAsync();

        var version = await connection.ExecuteScalarAsync<long>("PRAGMA user_version;");

        Assert.True(File.Exists(_database.FilePath));
        Assert.Equal(Migrator.LatestVersion, version);
        Assert.True(version >= 1);
    }

    [Fact]
    public async Task Migrate_Again_ChangesNothing()
    {
        await using var connection = await _database.OpenAsync();
        var schemaBefore = await SchemaAsync(connection);

        await _database.MigrateAsync();

        Assert.Equal(schemaBefore, await SchemaAsync(connection));
        Assert.Equal(Migrator.LatestVersion, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Migrate_NewerDatabase_Throws()
    {
        await using (var connection = await _database.OpenAsync())
        {
            await connection.ExecuteAsync($"PRAGMA user_version = {Migrator.LatestVersion + 1};");
        }

        var migrate = _database.MigrateAsync;

        await Assert.ThrowsAsync<InvalidOperationException>(migrate);
    }

    [Fact]
    public async Task Migrate_TurnsOnWal()
    {
        await using var connection = await _database.OpenAsync();

        var mode = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;");

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Open_SetsForeignKeysBusyTimeoutAndSynchronous()
    {
        await using var connection = await _database.OpenAsync();

        var foreignKeys = await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;");
        var busyTimeout = await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;");
        var synchronous = await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;");

        Assert.Equal(1, foreignKeys);
        Assert.Equal(5000, busyTimeout);
        Assert.Equal(1, synchronous);
    }

    [Fact]
    public async Task ForeignKeys_AreEnforced()
    {
        var couples = _database.Get<ICoupleRepository>();
        var couple = new Couple(
            0, 404, 405, "UTC", new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), null, null,
            TestDatabase.Start, null);

        var add = () => couples.AddAsync(couple, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(add);
    }

    [Fact]
    public async Task RunAsync_WhenTheWorkThrows_RollsBackEverythingIncludingTheOutbox()
    {
        await using (var scope = _database.NewScope())
        {
            var services = scope.ServiceProvider;
            var work = () => services.GetRequiredService<IUnitOfWork>().RunAsync(
                async ct =>
                {
                    await services.GetRequiredService<IPersonRepository>().UpsertAsync(
                        new ChatUser(Platform.Telegram, "1"), "Sam", null, TestDatabase.Start, ct);
                    await services.GetRequiredService<IOutbox>().EnqueueAsync(
                        OutgoingMessage.Plain(new ChatAddress(Platform.Telegram, "1"), "Hi"), ct);
                    throw new InvalidOperationException("boom");
                },
                CancellationToken.None);

            await Assert.ThrowsAsync<InvalidOperationException>(work);
        }

        Assert.Equal(0, await _database.Get<OutboxStore>().CountAsync());
        Assert.Equal(0, await CountAsync("persons"));
    }

    [Fact]
    public async Task RunAsync_Commits_WhenTheWorkSucceeds()
    {
        await using (var scope = _database.NewScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<IUnitOfWork>().RunAsync(
                async ct =>
                {
                    await services.GetRequiredService<IPersonRepository>().UpsertAsync(
                        new ChatUser(Platform.Telegram, "1"), "Sam", null, TestDatabase.Start, ct);
                    await services.GetRequiredService<IOutbox>().EnqueueAsync(
                        OutgoingMessage.Plain(new ChatAddress(Platform.Telegram, "1"), "Hi"), ct);
                },
                CancellationToken.None);
        }

        Assert.Equal(1, await _database.Get<OutboxStore>().CountAsync());
        Assert.Equal(1, await CountAsync("persons"));
    }

    [Fact]
    public async Task RunAsync_Nested_JoinsTheOuterTransaction()
    {
        await using (var scope = _database.NewScope())
        {
            var services = scope.ServiceProvider;
            var unitOfWork = services.GetRequiredService<IUnitOfWork>();
            var work = () => unitOfWork.RunAsync(
                async ct =>
                {
                    await unitOfWork.RunAsync(
                        inner => services.GetRequiredService<IPersonRepository>().UpsertAsync(
                            new ChatUser(Platform.Telegram, "1"), "Sam", null, TestDatabase.Start, inner),
                        ct);
                    throw new InvalidOperationException("after the inner unit of work");
                },
                CancellationToken.None);

            await Assert.ThrowsAsync<InvalidOperationException>(work);
        }

        Assert.Equal(0, await CountAsync("persons"));
    }

    [Fact]
    public async Task RunAsync_TakesTheWriteLockAtBegin()
    {
        await using var scope = _database.NewScope();
        await using var other = await _database.OpenAsync();
        await other.ExecuteAsync("PRAGMA busy_timeout = 0;");
        var otherResult = -1;

        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().RunAsync(
            _ =>
            {
                // Straight to SQLite: Microsoft.Data.Sqlite would retry SQLITE_BUSY until its command timeout.
                otherResult = raw.sqlite3_exec(other.Handle, "BEGIN IMMEDIATE;");
                return Task.CompletedTask;
            },
            CancellationToken.None);

        Assert.Equal(raw.SQLITE_BUSY, otherResult);
    }

    [Fact]
    public async Task RunAsync_ConcurrentUnitsOfWorkOnSeparateScopes_BothCommit()
    {
        var firstHasLock = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = Task.Run(() => ReadThenWriteAsync("1", async () =>
        {
            firstHasLock.SetResult();
            await Task.Delay(150);
        }));
        await firstHasLock.Task;
        var second = Task.Run(() => ReadThenWriteAsync("2", () => Task.CompletedTask));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, await CountAsync("persons"));
    }

    [Fact]
    public async Task AddStorage_ResolvesEveryPortPerScope()
    {
        await using var scope = _database.NewScope();
        var services = scope.ServiceProvider;

        Assert.IsType<UnitOfWork>(services.GetRequiredService<IUnitOfWork>());
        Assert.IsType<Outbox>(services.GetRequiredService<IOutbox>());
        Assert.Same(services.GetRequiredService<StorageSession>(), services.GetRequiredService<StorageSession>());
        Assert.NotSame(_database.Get<StorageSession>(), services.GetRequiredService<StorageSession>());
    }

    [Theory]
    [InlineData(nameof(CoupleRepository.FindDueCheckInsSql), "ix_couples_due_checkin")]
    [InlineData(nameof(RoundRepository.FindDueRemindersSql), "ix_rounds_due_reminder")]
    [InlineData(nameof(RoundRepository.FindDueExpiriesSql), "ix_rounds_due_expiry")]
    [InlineData(nameof(OutboxStore.FindClaimableSql), "ix_outbox_due")]
    [InlineData(nameof(CoupleRepository.FindDueCooldownEndsSql), "ix_couples_due_cooldown")]
    [InlineData(nameof(CoupleRepository.FindDueFirstTimesSql), "ix_couples_due_first_time")]
    [InlineData(nameof(FirstTimeRepository.FindDueFollowUpsSql), "ix_first_times_due_follow_up")]
    public async Task DueQueries_SearchTheirIndexWithoutSorting(string query, string index)
    {
        var sql = query switch
        {
            nameof(CoupleRepository.FindDueCheckInsSql) => CoupleRepository.FindDueCheckInsSql,
            nameof(RoundRepository.FindDueRemindersSql) => RoundRepository.FindDueRemindersSql,
            nameof(RoundRepository.FindDueExpiriesSql) => RoundRepository.FindDueExpiriesSql,
            nameof(CoupleRepository.FindDueCooldownEndsSql) => CoupleRepository.FindDueCooldownEndsSql,
            nameof(CoupleRepository.FindDueFirstTimesSql) => CoupleRepository.FindDueFirstTimesSql,
            nameof(FirstTimeRepository.FindDueFollowUpsSql) => FirstTimeRepository.FindDueFollowUpsSql,
            _ => OutboxStore.FindClaimableSql,
        };
        await using var connection = await _database.OpenAsync();

        var plan = await PlanAsync(connection, sql, new { Now = 0L, Limit = 10L });

        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal)
            && (step.Contains($"USING INDEX {index}", StringComparison.Ordinal)
                || step.Contains($"USING COVERING INDEX {index}", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersonFromBeforeOwnClocks_GoesByTheCouplesZone_WithNightQuietHours()
    {
        await using (var connection = await _database.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO persons (platform, external_id, display_name, created_at) VALUES (1, '77', 'Old', 0);");
        }

        await using var scope = _database.NewScope();
        var person = await scope.ServiceProvider.GetRequiredService<IPersonRepository>()
            .UpsertAsync(new ChatUser(Platform.Telegram, "77"), "Old", null, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Null(person.TimeZone);
        Assert.Equal(QuietHours.Default, person.QuietHours);
        Assert.Null(person.LastNudgeAt);
    }

    [Fact]
    public async Task OutboxClaim_ChecksOlderRowsOfAChatFromTheCoveringChatIndex()
    {
        await using var connection = await _database.OpenAsync();

        var plan = await PlanAsync(connection, OutboxStore.FindClaimableSql, new { Now = 0L, Limit = 10L });

        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX ix_outbox_chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DueHeldAnswersQuery_SearchesTheHeldIndex()
    {
        await using var connection = await _database.OpenAsync();

        var plan = await PlanAsync(connection, RoundRepository.FindDueHeldSql, new { Now = 0L, Limit = 10L });

        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal)
            && step.Contains("USING INDEX ix_answers_held_due", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ActiveCoupleQuery_SearchesBothPartnerIndexes()
    {
        await using var connection = await _database.OpenAsync();

        var plan = await PlanAsync(connection, CoupleRepository.GetActiveForPersonSql, new { PersonId = 1L });

        Assert.Contains(plan, step => step.Contains("USING INDEX ix_couples_partner_a", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING INDEX ix_couples_partner_b", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PlanAsync(
        System.Data.Common.DbConnection connection, string sql, object parameters) =>
        (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql, parameters)).Select(row => row.Detail).ToList();

    private async Task ReadThenWriteAsync(string id, Func<Task> whileHoldingTheLock)
    {
        await using var scope = _database.NewScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<IUnitOfWork>().RunAsync(
            async ct =>
            {
                var persons = services.GetRequiredService<IPersonRepository>();
                await persons.GetAsync(1, ct);
                await whileHoldingTheLock();
                await persons.UpsertAsync(
                    new ChatUser(Platform.Telegram, id), "Sam", null, TestDatabase.Start, ct);
            },
            CancellationToken.None);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await _database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table};");
    }

    private static async Task<List<string>> SchemaAsync(System.Data.Common.DbConnection connection) =>
        (await connection.QueryAsync<string>("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name;"))
        .AsList();
}
