using System.Globalization;
using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.Host.Storage;
using Dapper;

namespace Bot.Benchmarks;

/// <summary>
/// Fills a migrated database with paired couples straight through SQL against the real schema: two persons with
/// private chats per couple, a time zone from a handful of real IANA zones, a slot spread over the week, and the
/// next check-in that <see cref="ScheduleCalculator"/> gives. Every 20th couple has the peak slot.
/// </summary>
internal static class Seeder
{
    public const string PeakTimeZone = "Europe/Berlin";

    /// <summary>One couple in this many has the peak slot: 5 %.</summary>
    public const int PeakEvery = 20;

    /// <summary>One couple in this many has switched its schedule off.</summary>
    public const int ScheduleOffEvery = 50;

    private const int CouplesPerTransaction = 10_000;

    private const string InsertPersonSql = """
        INSERT INTO persons (id, platform, external_id, display_name, private_chat_id, is_reachable, join_failures,
                             created_at)
        VALUES (@Id, @Platform, @ExternalId, @DisplayName, @ExternalId, 1, 0, @CreatedAt);
        """;

    private const string InsertCoupleSql = """
        INSERT INTO couples (id, partner_a_id, partner_b_id, time_zone, schedule_day, schedule_minute,
                             schedule_enabled, next_checkin_at, created_at)
        VALUES (@Id, @PartnerAId, @PartnerBId, @TimeZone, @ScheduleDay, @ScheduleMinute, @ScheduleEnabled,
                @NextCheckInAt, @CreatedAt);
        """;

    public static readonly WeeklySchedule PeakSlot = new(DayOfWeek.Sunday, new TimeOnly(19, 0), IsEnabled: true);

    private static readonly string[] TimeZones =
    [
        "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "America/Sao_Paulo",
        "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney",
    ];

    private static readonly string[] Names = ["Alex", "Sam", "Robin", "Kim", "Noa", "Jules", "Mika", "Charlie"];

    /// <summary>The first peak slot after a fixed date, so every run seeds the same week.</summary>
    public static DateTimeOffset PeakInstant { get; } = ScheduleCalculator.NextOccurrence(
        PeakSlot, PeakTimeZone, new DateTimeOffset(2026, 1, 7, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Inserts persons 1..2N and couples 1..N, 10,000 couples per transaction; returns the rows written.</summary>
    public static async Task<long> SeedAsync(BenchDatabase database, int couples, DateTimeOffset now, CancellationToken ct)
    {
        // Fixed seed: the same couples on every run and every machine.
        var random = new Random(20260111);
        var rows = 0L;
        var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            for (var first = 1; first <= couples; first += CouplesPerTransaction)
            {
                var last = Math.Min(couples, first + CouplesPerTransaction - 1);
                var persons = new List<PersonSeed>((last - first + 1) * 2);
                var pairs = new List<CoupleSeed>(last - first + 1);
                for (var id = first; id <= last; id++)
                {
                    var createdAt = now.AddDays(-random.Next(1, 365)).ToUnixTimeMilliseconds();
                    persons.Add(Person((2L * id) - 1, random, createdAt));
                    persons.Add(Person(2L * id, random, createdAt));
                    var (zone, slot) = id % PeakEvery == 0
                        ? (PeakTimeZone, PeakSlot)
                        : (TimeZones[random.Next(TimeZones.Length)], new WeeklySchedule(
                            (DayOfWeek)random.Next(7),
                            new TimeOnly(6, 0).AddMinutes(15 * random.Next(72)),
                            IsEnabled: id % ScheduleOffEvery != 1));
                    pairs.Add(new CoupleSeed(
                        id,
                        (2L * id) - 1,
                        2L * id,
                        zone,
                        (long)slot.Day,
                        (slot.Time.Hour * 60L) + slot.Time.Minute,
                        slot.IsEnabled ? 1 : 0,
                        ScheduleCalculator.NextCheckIn(slot, zone, now)?.ToUnixTimeMilliseconds(),
                        createdAt));
                }

                await using var transaction = await database.BeginWriteAsync(connection, ct).ConfigureAwait(false);
                rows += await connection.ExecuteAsync(
                    new CommandDefinition(InsertPersonSql, persons, transaction, cancellationToken: ct))
                    .ConfigureAwait(false);
                rows += await connection.ExecuteAsync(
                    new CommandDefinition(InsertCoupleSql, pairs, transaction, cancellationToken: ct))
                    .ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }

            if (database.Provider == StorageProvider.Postgres)
            {
                // The ids were given here, so the identities start after them.
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    SELECT setval(pg_get_serial_sequence('persons', 'id'), (SELECT max(id) FROM persons));
                    SELECT setval(pg_get_serial_sequence('couples', 'id'), (SELECT max(id) FROM couples));
                    """,
                    cancellationToken: ct)).ConfigureAwait(false);
            }
        }

        return rows;
    }

    private static PersonSeed Person(long id, Random random, long createdAt) => new(
        id,
        (long)Platform.Telegram,
        (1_000_000_000L + id).ToString(CultureInfo.InvariantCulture),
        Names[random.Next(Names.Length)],
        createdAt);

    private sealed record PersonSeed(long Id, long Platform, string ExternalId, string DisplayName, long CreatedAt);

    private sealed record CoupleSeed(
        long Id,
        long PartnerAId,
        long PartnerBId,
        string TimeZone,
        long ScheduleDay,
        long ScheduleMinute,
        long ScheduleEnabled,
        long? NextCheckInAt,
        long CreatedAt);
}
