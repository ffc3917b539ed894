using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Host.Storage.Repositories;

/// <summary>People, keyed by their platform identity.</summary>
internal sealed class PersonRepository(StorageSession session) : IPersonRepository
{
    private const string Columns = """
        id AS Id, platform AS Platform, external_id AS ExternalId, display_name AS DisplayName,
        private_chat_id AS PrivateChatId, is_reachable AS IsReachable, join_failures AS JoinFailures,
        join_window_started_at AS JoinWindowStartedAt, created_at AS CreatedAt, time_zone AS TimeZone,
        quiet_from AS QuietFrom, quiet_until AS QuietUntil, last_nudge_at AS LastNudgeAt,
        awaiting AS Awaiting, awaiting_since AS AwaitingSince
        """;

    // Writing to us (a private chat given) proves the person reachable again; other updates leave both alone.
    private const string UpsertSql = """
        INSERT INTO persons (platform, external_id, display_name, private_chat_id, is_reachable, join_failures,
                             created_at)
        VALUES (@Platform, @ExternalId, @DisplayName, @PrivateChatId, 1, 0, @Now)
        ON CONFLICT (platform, external_id) DO UPDATE SET
            display_name = excluded.display_name,
            private_chat_id = coalesce(excluded.private_chat_id, persons.private_chat_id),
            is_reachable = CASE WHEN excluded.private_chat_id IS NULL THEN persons.is_reachable ELSE 1 END;
        """;

    private const string GetByUserSql = $"""
        SELECT {Columns} FROM persons WHERE platform = @Platform AND external_id = @ExternalId;
        """;

    private const string GetSql = $"""
        SELECT {Columns} FROM persons WHERE id = @Id;
        """;

    private const string SaveThrottleSql = """
        UPDATE persons SET join_failures = @Failures, join_window_started_at = @WindowStartedAt WHERE id = @Id;
        """;

    private const string MarkUnreachableSql = """
        UPDATE persons SET is_reachable = 0 WHERE platform = @Platform AND private_chat_id = @ChatId;
        """;

    private const string SaveTimeZoneSql = """
        UPDATE persons SET time_zone = @TimeZone WHERE id = @Id;
        """;

    private const string SaveQuietHoursSql = """
        UPDATE persons SET quiet_from = @From, quiet_until = @Until WHERE id = @Id;
        """;

    private const string SaveAwaitingSql = """
        UPDATE persons SET awaiting = @Awaiting, awaiting_since = @Since WHERE id = @Id;
        """;

    // "IS" compares NULL with NULL too: the first nudge ever expects NULL.
    private const string TryMarkNudgedSql = """
        UPDATE persons SET last_nudge_at = @At WHERE id = @Id AND last_nudge_at IS NOT DISTINCT FROM @Previous;
        """;

    public async Task<Person> UpsertAsync(
        ChatUser user, string displayName, ChatAddress? privateChat, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(displayName);
        if (privateChat is not null && privateChat.Platform != user.Platform)
        {
            throw new ArgumentException("A private chat is on the person's own platform.", nameof(privateChat));
        }

        var platform = (long)user.Platform;
        await session.ExecuteAsync(
            UpsertSql,
            new
            {
                Platform = platform,
                user.ExternalId,
                DisplayName = displayName,
                PrivateChatId = privateChat?.ChatId,
                Now = UnixTime.ToMs(now),
            },
            ct).ConfigureAwait(false);
        var row = await session.QuerySingleOrDefaultAsync<PersonRow>(
            GetByUserSql, new { Platform = platform, user.ExternalId }, ct).ConfigureAwait(false);
        return row!.ToDomain();
    }

    public async Task<Person?> GetAsync(long id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<PersonRow>(GetSql, new { Id = id }, ct).ConfigureAwait(false);
        return row?.ToDomain();
    }

    public Task SaveThrottleAsync(long personId, JoinThrottle throttle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(throttle);
        return session.ExecuteAsync(
            SaveThrottleSql,
            new
            {
                Id = personId,
                Failures = (long)throttle.Failures,
                WindowStartedAt = UnixTime.ToMs(throttle.WindowStartedAt),
            },
            ct);
    }

    public Task MarkUnreachableAsync(ChatAddress privateChat, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(privateChat);
        return session.ExecuteAsync(
            MarkUnreachableSql, new { Platform = (long)privateChat.Platform, privateChat.ChatId }, ct);
    }

    public Task SaveTimeZoneAsync(long personId, string? timeZone, CancellationToken ct) =>
        session.ExecuteAsync(SaveTimeZoneSql, new { Id = personId, TimeZone = timeZone }, ct);

    public Task SaveQuietHoursAsync(long personId, QuietHours? quietHours, CancellationToken ct) =>
        session.ExecuteAsync(
            SaveQuietHoursSql,
            new
            {
                Id = personId,
                From = quietHours is null ? (long?)null : MinuteOf(quietHours.From),
                Until = quietHours is null ? (long?)null : MinuteOf(quietHours.Until),
            },
            ct);

    public Task SaveAwaitingAsync(long personId, WelcomeInput? awaiting, DateTimeOffset? since, CancellationToken ct) =>
        session.ExecuteAsync(
            SaveAwaitingSql,
            new { Id = personId, Awaiting = (long?)awaiting, Since = awaiting is null ? null : UnixTime.ToMs(since) },
            ct);

    public async Task<bool> TryMarkNudgedAsync(
        long personId, DateTimeOffset? previous, DateTimeOffset at, CancellationToken ct) =>
        await session.ExecuteAsync(
            TryMarkNudgedSql,
            new { Id = personId, Previous = UnixTime.ToMs(previous), At = UnixTime.ToMs(at) },
            ct).ConfigureAwait(false) == 1;

    private static long MinuteOf(TimeOnly time) => (time.Hour * 60) + time.Minute;

    private sealed record PersonRow(
        long Id,
        long Platform,
        string ExternalId,
        string DisplayName,
        string? PrivateChatId,
        long IsReachable,
        long JoinFailures,
        long? JoinWindowStartedAt,
        long CreatedAt,
        string? TimeZone,
        long? QuietFrom,
        long? QuietUntil,
        long? LastNudgeAt,
        long? Awaiting,
        long? AwaitingSince)
    {
        public Person ToDomain() => new(
            Id,
            new ChatUser((Platform)Platform, ExternalId),
            DisplayName,
            PrivateChatId is null ? null : new ChatAddress((Platform)Platform, PrivateChatId),
            IsReachable != 0,
            new JoinThrottle((int)JoinFailures, UnixTime.FromMs(JoinWindowStartedAt)),
            UnixTime.FromMs(CreatedAt))
        {
            TimeZone = TimeZone,
            QuietHours = QuietFrom is { } from && QuietUntil is { } until && from != until
                ? new QuietHours(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(from)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(until)))
                : null,
            LastNudgeAt = UnixTime.FromMs(LastNudgeAt),
            Awaiting = (WelcomeInput?)Awaiting,
            AwaitingSince = UnixTime.FromMs(AwaitingSince),
        };
    }
}
