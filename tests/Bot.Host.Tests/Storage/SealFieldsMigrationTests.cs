using System.Reflection;
using System.Security.Cryptography;
using Bot.Host.Security;
using Bot.Host.Storage;
using Bot.Host.Storage.Repositories;
using Bot.Host.Tests.Security;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Host.Tests.Storage;

public sealed class SealFieldsMigrationTests : IDisposable
{
    private const string Answer = "I felt closest to you on Sunday's walk";
    private const string Wish = "See the northern lights together";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "botsuite-0017-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(FieldCipher.KeySize);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Migrations0016And0017_RebindOldCiphertexts_EncryptWhatWasPlain_AndNameBowlAuthors()
    {
        var factory = await DatabaseBeforeAsync(16);
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO round_questions (round_id, position, question_id, text)
                VALUES (1, 1, NULL, 'What made you smile?'), (2, 1, 'bowl:1', @BowlQuestion);
                INSERT INTO answers (round_id, position, person_id, text, answered_at)
                VALUES (1, 1, 1, @Answer, 0), (1, 1, 2, 'plain from before encryption', 0), (2, 1, 1, NULL, 0);
                INSERT INTO bucket_items (id, couple_id, text, added_by_id, added_at) VALUES (1, 1, @Wish, 2, 0);
                INSERT INTO outbox (id, platform, chat_id, text, choices, created_at, next_attempt_at)
                VALUES (5, 1, '1', @Message, '[]', 0, 0);
                INSERT INTO outbox_attachments (outbox_id, kind, file_name, content_type, content)
                VALUES (5, 2, 'journal.md', 'text/markdown', @File);
                """,
                new
                {
                    BowlQuestion = LegacyFormat.Encrypt(_key, "Which song reminds you of us?"),
                    Answer = LegacyFormat.Encrypt(_key, Answer),
                    Wish,
                    Message = LegacyFormat.Encrypt(_key, "Alex: " + Answer),
                    File = LegacyFormat.EncryptBytes(_key, "# journal"u8.ToArray()),
                });
        }

        await new Migrator(factory, new FieldCipher(_key), NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var session = new StorageSession(factory, NullLogger<StorageSession>.Instance);
        var cipher = new FieldCipher(_key);
        var rounds = new RoundRepository(session, cipher);
        var first = (await rounds.GetAsync(1, CancellationToken.None))!;
        var second = (await rounds.GetAsync(2, CancellationToken.None))!;
        Assert.Equal("What made you smile?", first.Questions[0].Text);
        Assert.Equal([Answer, "plain from before encryption"], first.Answers.Select(a => a.Text));
        Assert.Equal(("Which song reminds you of us?", (long?)1), (second.Questions[0].Text, second.Questions[0].AuthorId));
        Assert.Null(second.Answers[0].Text);
        var wish = Assert.Single(await new BucketListRepository(session, cipher).ListAsync(1, CancellationToken.None));
        Assert.Equal(Wish, wish.Text);
        var message = Assert.Single(await new OutboxStore(session, cipher, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxStore>.Instance)
            .ClaimDueAsync(DateTimeOffset.UnixEpoch.AddMinutes(1), TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal("Alex: " + Answer, message.Message.Text);
        Assert.Equal("# journal"u8.ToArray(), message.Message.Attachment!.Content.ToArray());
        await using var check = await factory.OpenAsync(CancellationToken.None);
        var stored = await check.QueryAsync<string>(
            "SELECT text FROM answers WHERE text IS NOT NULL UNION ALL SELECT text FROM bucket_items "
            + "UNION ALL SELECT text FROM round_questions UNION ALL SELECT text FROM outbox;");
        Assert.All(stored, value => Assert.StartsWith(FieldCipher.Prefix, value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migration0017_WithAnotherKey_FailsAndChangesNothing()
    {
        var factory = await DatabaseBeforeAsync(17);
        var legacy = LegacyFormat.Encrypt(_key, Answer);
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO round_questions (round_id, position, text) VALUES (1, 1, 'What made you smile?');
                INSERT INTO answers (round_id, position, person_id, text, answered_at) VALUES (1, 1, 1, @Text, 0);
                """,
                new { Text = legacy });
        }

        var migrate = () => new Migrator(
            factory, new FieldCipher(RandomNumberGenerator.GetBytes(FieldCipher.KeySize)), NullLogger<Migrator>.Instance)
            .MigrateAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(migrate);
        Assert.Contains("encryption key does not match", error.Message, StringComparison.Ordinal);
        await using var check = await factory.OpenAsync(CancellationToken.None);
        Assert.Equal(legacy, await check.ExecuteScalarAsync<string>("SELECT text FROM answers;"));
        Assert.Equal(16L, await check.ExecuteScalarAsync<long>("PRAGMA user_version;"));
    }

    /// <summary>A database with every migration before <paramref name="version"/>, a couple and two rounds.</summary>
    private async Task<SqliteConnectionFactory> DatabaseBeforeAsync(int version)
    {
        Directory.CreateDirectory(_folder);
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, "bot.db")}");
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        var assembly = typeof(Migrator).Assembly;
        var earlier = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)
                && string.CompareOrdinal(n, $"Migrations.{version:D4}") < 0)
            .Order(StringComparer.Ordinal);
        foreach (var name in earlier)
        {
            await connection.ExecuteAsync(Read(assembly, name));
        }

        await connection.ExecuteAsync($"PRAGMA user_version = {version - 1};");
        await connection.ExecuteAsync("""
            INSERT INTO persons (id, platform, external_id, display_name, created_at) VALUES
                (1, 1, '1', 'Alex', 0), (2, 1, '2', 'Sam', 0);
            INSERT INTO couples (id, partner_a_id, partner_b_id, time_zone, schedule_day, schedule_minute,
                                 schedule_enabled, created_at) VALUES (1, 1, 2, 'UTC', 0, 1140, 1, 0);
            INSERT INTO bowl_questions (id, couple_id, added_by_id, text, added_at, drawn_at) VALUES (1, 1, 1, 'x', 0, 0);
            INSERT INTO rounds (id, couple_id, kind, state, opened_at, remind_at, expires_at) VALUES
                (1, 1, 1, 2, 0, 0, 0), (2, 1, 3, 2, 0, 0, 0);
            """);
        return factory;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
