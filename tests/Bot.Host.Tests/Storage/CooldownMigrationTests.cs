using System.Reflection;
using Bot.Host.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Host.Tests.Storage;

public sealed class CooldownMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "botsuite-0008-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Migration0008_GivesActiveCouplesAFirstTimeAboutAMonthAway_AndEndedOnesNone()
    {
        Directory.CreateDirectory(_folder);
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, "bot.db")}");
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            var assembly = typeof(Migrator).Assembly;
            var earlier = assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)
                    && string.CompareOrdinal(n, "Migrations.0008") < 0)
                .Order(StringComparer.Ordinal);
            foreach (var name in earlier)
            {
                await connection.ExecuteAsync(Read(assembly, name));
            }

            await connection.ExecuteAsync("PRAGMA user_version = 7;");
            await connection.ExecuteAsync("""
                INSERT INTO persons (id, platform, external_id, display_name, created_at) VALUES
                    (1, 1, '1', 'Alex', 0), (2, 1, '2', 'Sam', 0), (3, 1, '3', 'Kim', 0), (4, 1, '4', 'Lee', 0);
                INSERT INTO couples (id, partner_a_id, partner_b_id, time_zone, schedule_day, schedule_minute,
                                     schedule_enabled, created_at, ended_at) VALUES
                    (1, 1, 2, 'UTC', 0, 1140, 1, 0, NULL), (2, 3, 4, 'UTC', 0, 1140, 1, 0, 5);
                """);
        }

        var before = DateTimeOffset.UtcNow;
        await new Migrator(factory, new Bot.Host.Security.FieldCipher(new byte[Bot.Host.Security.FieldCipher.KeySize]), NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var check = await factory.OpenAsync(CancellationToken.None);
        var next = (await check.QueryAsync<long?>("SELECT next_first_time_at FROM couples ORDER BY id;")).ToList();
        var active = DateTimeOffset.FromUnixTimeMilliseconds(next[0]!.Value);
        Assert.InRange(active, before.AddDays(30).AddSeconds(-2), DateTimeOffset.UtcNow.AddDays(30).AddSeconds(2));
        Assert.Null(next[1]);
        Assert.Equal(0L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM first_times;"));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
