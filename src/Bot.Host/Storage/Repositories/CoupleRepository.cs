using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;

namespace Bot.Host.Storage.Repositories;

/// <summary>Couples; the minute sweep finds due check-ins through a partial index on active couples.</summary>
/// <remarks>The cool-down topic is the asker's words and is kept encrypted.</remarks>
internal sealed class CoupleRepository(StorageSession session, FieldCipher cipher) : ICoupleRepository
{
    private const string Columns = """
        id AS Id, partner_a_id AS PartnerAId, partner_b_id AS PartnerBId, time_zone AS TimeZone,
        schedule_day AS ScheduleDay, schedule_minute AS ScheduleMinute, schedule_enabled AS ScheduleEnabled,
        next_checkin_at AS NextCheckInAt, home_platform AS HomePlatform, home_chat_id AS HomeChatId,
        created_at AS CreatedAt, ended_at AS EndedAt, paused_until AS PausedUntil,
        cooldown_until AS CooldownUntil, cooldown_by_id AS CooldownById, cooldown_topic AS CooldownTopic,
        next_first_time_at AS NextFirstTimeAt, time_zone_is_guess AS TimeZoneIsGuess, slot_is_default AS SlotIsDefault
        """;

    private const string InsertSql = """
        INSERT INTO couples (partner_a_id, partner_b_id, time_zone, schedule_day, schedule_minute, schedule_enabled,
                             next_checkin_at, home_platform, home_chat_id, created_at, ended_at, paused_until,
                             cooldown_until, cooldown_by_id, cooldown_topic, next_first_time_at, time_zone_is_guess,
                             slot_is_default)
        VALUES (@PartnerAId, @PartnerBId, @TimeZone, @ScheduleDay, @ScheduleMinute, @ScheduleEnabled,
                @NextCheckInAt, @HomePlatform, @HomeChatId, @CreatedAt, @EndedAt, @PausedUntil,
                @CooldownUntil, @CooldownById, @CooldownTopic, @NextFirstTimeAt, @TimeZoneIsGuess, @SlotIsDefault)
        RETURNING id;
        """;

    private const string GetSql = $"""
        SELECT {Columns} FROM couples WHERE id = @Id;
        """;

    // One index per partner column answers this as a multi-index OR.
    private const string GetLatestForPersonSql = $"""
        SELECT {Columns} FROM couples
        WHERE partner_a_id = @PersonId OR partner_b_id = @PersonId
        ORDER BY id DESC
        LIMIT 1;
        """;

    internal const string GetActiveForPersonSql = $"""
        SELECT {Columns} FROM couples
        WHERE ended_at IS NULL AND (partner_a_id = @PersonId OR partner_b_id = @PersonId)
        ORDER BY id DESC
        LIMIT 1;
        """;

    private const string FindByHomeSql = $"""
        SELECT {Columns} FROM couples
        WHERE ended_at IS NULL AND home_platform = @Platform AND home_chat_id = @ChatId
        ORDER BY id;
        """;

    private const string UpdateSql = """
        UPDATE couples SET
            time_zone = @TimeZone,
            schedule_day = @ScheduleDay,
            schedule_minute = @ScheduleMinute,
            schedule_enabled = @ScheduleEnabled,
            next_checkin_at = @NextCheckInAt,
            home_platform = @HomePlatform,
            home_chat_id = @HomeChatId,
            ended_at = @EndedAt,
            paused_until = @PausedUntil,
            cooldown_until = @CooldownUntil,
            cooldown_by_id = @CooldownById,
            cooldown_topic = @CooldownTopic,
            next_first_time_at = @NextFirstTimeAt,
            time_zone_is_guess = @TimeZoneIsGuess,
            slot_is_default = @SlotIsDefault
        WHERE id = @Id;
        """;

    // Must match ix_couples_due_checkin's condition to use it (see 0001_initial.sql).
    internal const string FindDueCheckInsSql = """
        SELECT id FROM couples
        WHERE ended_at IS NULL AND next_checkin_at IS NOT NULL AND next_checkin_at <= @Now
        ORDER BY next_checkin_at, id
        LIMIT @Limit;
        """;

    private const string TryAdvanceCheckInSql = """
        UPDATE couples SET next_checkin_at = @Next WHERE id = @Id AND next_checkin_at = @Expected;
        """;

    // Must match ix_couples_due_cooldown's condition to use it (see 0008_cooldown_and_first_times.sql).
    internal const string FindDueCooldownEndsSql = """
        SELECT id FROM couples
        WHERE ended_at IS NULL AND cooldown_until IS NOT NULL AND cooldown_until <= @Now
        ORDER BY cooldown_until, id
        LIMIT @Limit;
        """;

    private const string TryEndCooldownSql = """
        UPDATE couples SET cooldown_until = NULL, cooldown_by_id = NULL, cooldown_topic = NULL
        WHERE id = @Id AND cooldown_until = @Expected;
        """;

    // Must match ix_couples_due_first_time's condition to use it.
    internal const string FindDueFirstTimesSql = """
        SELECT id FROM couples
        WHERE ended_at IS NULL AND next_first_time_at IS NOT NULL AND next_first_time_at <= @Now
        ORDER BY next_first_time_at, id
        LIMIT @Limit;
        """;

    private const string TryAdvanceFirstTimeSql = """
        UPDATE couples SET next_first_time_at = @Next WHERE id = @Id AND next_first_time_at = @Expected;
        """;

    public async Task<Couple> AddAsync(Couple couple, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(couple);
        // The topic is sealed to the couple's id, which the insert has yet to give: a new couple has no cool-down.
        if (couple.CooldownTopic is not null)
        {
            throw new ArgumentException("A new couple has no cool-down topic yet.", nameof(couple));
        }

        var id = await session.ExecuteScalarAsync<long>(InsertSql, Parameters(couple), ct).ConfigureAwait(false);
        return (await GetAsync(id, ct).ConfigureAwait(false))!;
    }

    /// <remarks>In a transaction, the couple is locked first (PostgreSQL; see <see cref="StorageSession.LockCoupleAsync"/>).</remarks>
    public async Task<Couple?> GetAsync(long id, CancellationToken ct)
    {
        await session.LockCoupleAsync(id, ct).ConfigureAwait(false);
        var row = await session.QuerySingleOrDefaultAsync<CoupleRow>(GetSql, new { Id = id }, ct).ConfigureAwait(false);
        return row?.ToDomain(cipher);
    }

    public async Task<Couple?> GetActiveForPersonAsync(long personId, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<CoupleRow>(
            GetActiveForPersonSql, new { PersonId = personId }, ct).ConfigureAwait(false);
        return await LockedAsync(row, ct).ConfigureAwait(false);
    }

    public async Task<Couple?> GetLatestForPersonAsync(long personId, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<CoupleRow>(
            GetLatestForPersonSql, new { PersonId = personId }, ct).ConfigureAwait(false);
        return await LockedAsync(row, ct).ConfigureAwait(false);
    }

    // A couple found by a partner is locked once known, and read again: what was read before the lock may be what
    // another transaction was changing.
    private async Task<Couple?> LockedAsync(CoupleRow? row, CancellationToken ct) =>
        row is not null && session.LocksCouples ? await GetAsync(row.Id, ct).ConfigureAwait(false) : row?.ToDomain(cipher);

    public async Task<IReadOnlyList<Couple>> FindByHomeAsync(ChatAddress home, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(home);
        var rows = await session.QueryAsync<CoupleRow>(
            FindByHomeSql, new { Platform = (long)home.Platform, home.ChatId }, ct).ConfigureAwait(false);
        return rows.Select(r => r.ToDomain(cipher)).ToList();
    }

    public Task UpdateAsync(Couple couple, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(couple);
        return session.ExecuteAsync(UpdateSql, Parameters(couple), ct);
    }

    public Task<IReadOnlyList<long>> FindDueCheckInsAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindDueAsync(FindDueCheckInsSql, now, limit, ct);

    public Task<IReadOnlyList<long>> FindDueCooldownEndsAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindDueAsync(FindDueCooldownEndsSql, now, limit, ct);

    public async Task<bool> TryEndCooldownAsync(long coupleId, DateTimeOffset expectedUntil, CancellationToken ct) =>
        await session.ExecuteAsync(TryEndCooldownSql, new { Id = coupleId, Expected = UnixTime.ToMs(expectedUntil) }, ct)
            .ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<long>> FindDueFirstTimesAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        FindDueAsync(FindDueFirstTimesSql, now, limit, ct);

    public async Task<bool> TryAdvanceFirstTimeAsync(
        long coupleId, DateTimeOffset expected, DateTimeOffset? next, CancellationToken ct) =>
        await session.ExecuteAsync(
            TryAdvanceFirstTimeSql,
            new { Id = coupleId, Expected = UnixTime.ToMs(expected), Next = UnixTime.ToMs(next) },
            ct).ConfigureAwait(false) == 1;

    private Task<IReadOnlyList<long>> FindDueAsync(string sql, DateTimeOffset now, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return session.QueryAsync<long>(sql, new { Now = UnixTime.ToMs(now), Limit = (long)limit }, ct);
    }

    public async Task<bool> TryAdvanceCheckInAsync(
        long coupleId, DateTimeOffset expected, DateTimeOffset? next, CancellationToken ct)
    {
        var changed = await session.ExecuteAsync(
            TryAdvanceCheckInSql,
            new { Id = coupleId, Expected = UnixTime.ToMs(expected), Next = UnixTime.ToMs(next) },
            ct).ConfigureAwait(false);
        return changed == 1;
    }

    private object Parameters(Couple couple) => new
    {
        couple.Id,
        couple.PartnerAId,
        couple.PartnerBId,
        couple.TimeZone,
        ScheduleDay = (long)couple.Schedule.Day,
        ScheduleMinute = (long)((couple.Schedule.Time.Hour * 60) + couple.Schedule.Time.Minute),
        ScheduleEnabled = couple.Schedule.IsEnabled ? 1L : 0L,
        NextCheckInAt = UnixTime.ToMs(couple.NextCheckInAt),
        HomePlatform = (long?)couple.Home?.Platform,
        HomeChatId = couple.Home?.ChatId,
        CreatedAt = UnixTime.ToMs(couple.CreatedAt),
        EndedAt = UnixTime.ToMs(couple.EndedAt),
        PausedUntil = UnixTime.ToMs(couple.PausedUntil),
        CooldownUntil = UnixTime.ToMs(couple.CooldownUntil),
        couple.CooldownById,
        CooldownTopic = cipher.Encrypt(couple.CooldownTopic, SealedColumns.CooldownTopic.At(couple.Id)),
        NextFirstTimeAt = UnixTime.ToMs(couple.NextFirstTimeAt),
        TimeZoneIsGuess = couple.TimeZoneIsGuess ? 1L : 0L,
        SlotIsDefault = couple.SlotIsDefault ? 1L : 0L,
    };

    private sealed record CoupleRow(
        long Id,
        long PartnerAId,
        long PartnerBId,
        string TimeZone,
        long ScheduleDay,
        long ScheduleMinute,
        long ScheduleEnabled,
        long? NextCheckInAt,
        long? HomePlatform,
        string? HomeChatId,
        long CreatedAt,
        long? EndedAt,
        long? PausedUntil,
        long? CooldownUntil,
        long? CooldownById,
        string? CooldownTopic,
        long? NextFirstTimeAt,
        long TimeZoneIsGuess,
        long SlotIsDefault)
    {
        public Couple ToDomain(FieldCipher cipher) => new(
            Id,
            PartnerAId,
            PartnerBId,
            TimeZone,
            new WeeklySchedule(
                (DayOfWeek)ScheduleDay, new TimeOnly((int)(ScheduleMinute / 60), (int)(ScheduleMinute % 60)),
                ScheduleEnabled != 0),
            UnixTime.FromMs(NextCheckInAt),
            HomePlatform is { } platform && HomeChatId is not null
                ? new ChatAddress((Platform)platform, HomeChatId)
                : null,
            UnixTime.FromMs(CreatedAt),
            UnixTime.FromMs(EndedAt))
        {
            PausedUntil = UnixTime.FromMs(PausedUntil),
            CooldownUntil = UnixTime.FromMs(CooldownUntil),
            CooldownById = CooldownById,
            CooldownTopic = cipher.Decrypt(CooldownTopic, SealedColumns.CooldownTopic.At(Id)),
            NextFirstTimeAt = UnixTime.FromMs(NextFirstTimeAt),
            TimeZoneIsGuess = TimeZoneIsGuess != 0,
            SlotIsDefault = SlotIsDefault != 0,
        };
    }
}
