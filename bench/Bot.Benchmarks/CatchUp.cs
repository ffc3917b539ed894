using Bot.Core.Application;
using Bot.Core.Domain;
using Dapper;

namespace Bot.Benchmarks;

/// <summary>
/// Jumping the clock by a day would make a whole day of check-ins due at once, which no real minute sees. This
/// puts the database where the minute sweeps in between would have left it, so the measured sweep finds only
/// what is due in its own minute: each couple due earlier moves to its next slot after the one it had (without
/// opening a round), and open rounds whose reminder or expiry came earlier count as reminded or expired.
/// </summary>
internal static class CatchUp
{
    private const string DueBeforeSql = """
        SELECT id AS Id, time_zone AS TimeZone, schedule_day AS ScheduleDay, schedule_minute AS ScheduleMinute,
               next_checkin_at AS NextCheckInAt
        FROM couples
        WHERE ended_at IS NULL AND next_checkin_at IS NOT NULL AND next_checkin_at < @Until;
        """;

    private const string AdvanceSql = """
        UPDATE couples SET next_checkin_at = @Next WHERE id = @Id;
        """;

    // State 1 is RoundState.Open, 3 is RoundState.Expired.
    private const string RemindEarlierSql = """
        UPDATE rounds SET reminded_at = remind_at WHERE state = 1 AND reminded_at IS NULL AND remind_at < @Until;
        """;

    private const string ExpireEarlierSql = """
        UPDATE rounds SET state = 3, closed_at = expires_at WHERE state = 1 AND expires_at < @Until;
        """;

    /// <summary>Returns how many couples moved on.</summary>
    public static async Task<int> RunAsync(BenchDatabase database, DateTimeOffset until, CancellationToken ct)
    {
        var untilMs = until.ToUnixTimeMilliseconds();
        var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var due = (await connection.QueryAsync<DueRow>(
                new CommandDefinition(DueBeforeSql, new { Until = untilMs }, cancellationToken: ct))
                .ConfigureAwait(false)).AsList();
            var moves = due.Select(row => new { row.Id, Next = NextAfter(row, until).ToUnixTimeMilliseconds() });

            await using var transaction = await database.BeginWriteAsync(connection, ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(AdvanceSql, moves, transaction, cancellationToken: ct))
                .ConfigureAwait(false);
            await connection.ExecuteAsync(
                new CommandDefinition(RemindEarlierSql, new { Until = untilMs }, transaction, cancellationToken: ct))
                .ConfigureAwait(false);
            await connection.ExecuteAsync(
                new CommandDefinition(ExpireEarlierSql, new { Until = untilMs }, transaction, cancellationToken: ct))
                .ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return due.Count;
        }
    }

    /// <summary>The couple's first slot at or after <paramref name="until"/>, counted on from the one it had.</summary>
    private static DateTimeOffset NextAfter(DueRow row, DateTimeOffset until)
    {
        var slot = new WeeklySchedule(
            (DayOfWeek)row.ScheduleDay,
            new TimeOnly((int)(row.ScheduleMinute / 60), (int)(row.ScheduleMinute % 60)),
            IsEnabled: true);
        var next = DateTimeOffset.FromUnixTimeMilliseconds(row.NextCheckInAt);
        while (next < until)
        {
            next = ScheduleCalculator.NextOccurrence(slot, row.TimeZone, next);
        }

        return next;
    }

    private sealed record DueRow(long Id, string TimeZone, long ScheduleDay, long ScheduleMinute, long NextCheckInAt);
}
