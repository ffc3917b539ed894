using System.Security.Cryptography;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Security;
using Bot.Host.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Storage;

public sealed class EncryptionAtRestTests : IAsyncLifetime
{
    private const string Words = "I felt closest to you on Sunday's walk ❤️";

    private static readonly ChatUser Sam = new(Platform.Telegram, "42");
    private static readonly ChatAddress SamsChat = new(Platform.Telegram, "42");

    private TestDatabase _database = null!;

    private static DateTimeOffset Now => TestDatabase.Start;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AddAnswer_StoresTheTextEncryptedAndLoadsItIntact()
    {
        var (round, person) = await OpenRoundAsync();
        var rounds = _database.Get<IRoundRepository>();

        await rounds.AddAnswerAsync(new Answer(round.Id, 1, person, Words, Now), CancellationToken.None);
        await rounds.AddAnswerAsync(new Answer(round.Id, 2, person, null, Now), CancellationToken.None);

        var raw = await RawAsync("SELECT text FROM answers ORDER BY position;");
        Assert.Equal(2, raw.Count);
        AssertEncrypted(raw[0], Words);
        Assert.Null(raw[1]);
        var loaded = (await rounds.GetAsync(round.Id, CancellationToken.None))!.Answers;
        Assert.Equal([Words, null], loaded.Select(a => a.Text));
    }

    [Fact]
    public async Task UpdateAnswer_StoresTheNewTextEncryptedAndLoadsItIntact()
    {
        var (round, person) = await OpenRoundAsync();
        var rounds = _database.Get<IRoundRepository>();
        await rounds.AddAnswerAsync(new Answer(round.Id, 1, person, "first words", Now), CancellationToken.None);

        await rounds.UpdateAnswerAsync(
            new Answer(round.Id, 1, person, Words, Now) { Visibility = AnswerVisibility.Private }, CancellationToken.None);

        AssertEncrypted(Assert.Single(await RawAsync("SELECT text FROM answers;")), Words);
        var loaded = Assert.Single((await rounds.GetAsync(round.Id, CancellationToken.None))!.Answers);
        Assert.Equal((Words, AnswerVisibility.Private), (loaded.Text, loaded.Visibility));
    }

    [Fact]
    public async Task AddLoveNote_StoresTheTextEncryptedAndLoadsItIntact()
    {
        var (round, person) = await OpenRoundAsync();
        var notes = _database.Get<ILoveNoteRepository>();

        var note = await notes.AddAsync(
            new LoveNote(0, round.CoupleId, person, person, Words, Now, Now.AddYears(1), null, IsCapsule: true),
            CancellationToken.None);

        AssertEncrypted(Assert.Single(await RawAsync("SELECT text FROM love_notes;")), Words);
        Assert.Equal(Words, (await notes.GetAsync(note.Id, CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task AddBowlQuestion_StoresTheTextEncryptedAndListsItIntact()
    {
        var (round, person) = await OpenRoundAsync();
        var bowl = _database.Get<IQuestionBowlRepository>();

        await bowl.AddAsync(new BowlQuestion(0, round.CoupleId, person, Words, Now, null), CancellationToken.None);

        AssertEncrypted(Assert.Single(await RawAsync("SELECT text FROM bowl_questions;")), Words);
        Assert.Equal(Words, Assert.Single(await bowl.ListAsync(round.CoupleId, CancellationToken.None)).Text);
    }

    [Fact]
    public async Task AddRound_StoresEveryQuestionEncrypted_WithItsAuthor()
    {
        var (weekly, _) = await OpenRoundAsync();
        var rounds = _database.Get<IRoundRepository>();
        await rounds.CloseAsync(weekly.Id, RoundState.Revealed, Now, CancellationToken.None);

        var bowlRound = await rounds.AddAsync(
            new Round(
                0, weekly.CoupleId, RoundKind.Bowl, null, RoundState.Open, Now, Now.AddDays(1), Now.AddDays(6), null,
                null, [new RoundQuestion(1, "bowl:1", Words, weekly.CoupleId)], []),
            CancellationToken.None);

        var raw = await RawAsync("SELECT text FROM round_questions ORDER BY round_id, position;");
        AssertEncrypted(raw[0], "What made you smile?");
        AssertEncrypted(raw[1], "And?");
        AssertEncrypted(raw[2], Words);
        Assert.Equal((Words, (long?)weekly.CoupleId), (bowlRound.Questions[0].Text, bowlRound.Questions[0].AuthorId));
        Assert.Equal(Words, Assert.Single((await rounds.GetOpenAsync(weekly.CoupleId, CancellationToken.None))!.Questions).Text);
    }

    [Fact]
    public async Task CooldownTopic_IsStoredEncryptedAndLoadsIntact()
    {
        var (round, person) = await OpenRoundAsync();
        var couples = _database.Get<ICoupleRepository>();
        var couple = (await couples.GetAsync(round.CoupleId, CancellationToken.None))!;

        await couples.UpdateAsync(
            couple with { CooldownUntil = Now.AddHours(1), CooldownById = person, CooldownTopic = Words },
            CancellationToken.None);

        AssertEncrypted(Assert.Single(await RawAsync("SELECT cooldown_topic FROM couples;")), Words);
        Assert.Equal(Words, (await couples.GetAsync(couple.Id, CancellationToken.None))!.CooldownTopic);
    }

    [Fact]
    public async Task Enqueue_StoresTheTextEncryptedAndClaimsItIntact()
    {
        var quote = $"Here are your answers. Alex: {Words}";

        await _database.Get<IOutbox>().EnqueueAsync(
            new OutgoingMessage(SamsChat, quote, [[new Choice("Thanks", "thanks:1")]], [7]), CancellationToken.None);

        AssertEncrypted(Assert.Single(await RawAsync("SELECT text FROM outbox;")), quote);
        var claimed = Assert.Single(
            await _database.Get<OutboxStore>().ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal(quote, claimed.Message.Text);
    }

    [Fact]
    public async Task Enqueue_WithAFile_StoresItsContentEncryptedAndClaimsItIntact()
    {
        var content = System.Text.Encoding.UTF8.GetBytes($"# Our journal\n\n**Alex:** {Words}\n");
        var file = new Attachment(AttachmentKind.Document, "journal-2026-03-02.md", "text/markdown", content);

        await _database.Get<IOutbox>().EnqueueAsync(
            new OutgoingMessage(SamsChat, "Here's your journal", [], [7]) { Attachment = file }, CancellationToken.None);

        await using var connection = await _database.OpenAsync();
        var raw = Assert.Single(await connection.QueryAsync<byte[]>("SELECT content FROM outbox_attachments;"));
        Assert.NotEqual(content, raw);
        Assert.Equal(-1, raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("Sunday's walk")));
        Assert.Equal(-1, raw.AsSpan().IndexOf("Our journal"u8));
        var claimed = Assert.Single(
            await _database.Get<OutboxStore>().ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal(content, claimed.Message.Attachment!.Content.ToArray());
    }

    [Fact]
    public async Task InboxTryAdd_StoresArgumentsTextAndPayloadEncryptedAndReadsThemIntact()
    {
        var command = new CommandReceived(Sam, "Sam", SamsChat, true, "note", Words + " (for tonight)");
        var text = new TextReceived(Sam, "Sam", SamsChat, true, Words);
        var choice = new ChoiceSelected(Sam, "Sam", SamsChat, true, "answer:secret-payload");
        var inbox = _database.Get<InboxStore>();

        await inbox.TryAddAsync("telegram:1", command, Now, CancellationToken.None);
        await inbox.TryAddAsync("telegram:2", text, Now, CancellationToken.None);
        await inbox.TryAddAsync("telegram:3", choice, Now, CancellationToken.None);

        await using (var connection = await _database.OpenAsync())
        {
            var rows = (await connection.QueryAsync<(string? Command, string? Arguments, string? Text, string? Pay)>(
                    "SELECT command, arguments, text, payload FROM inbox ORDER BY id;"))
                .ToList();
            Assert.Equal("note", rows[0].Command);
            AssertEncrypted(rows[0].Arguments, command.Arguments);
            AssertEncrypted(rows[1].Text, Words);
            AssertEncrypted(rows[2].Pay, choice.Payload);
        }

        var pending = await inbox.GetPendingAsync(CancellationToken.None);
        var read = new List<Inbound>();
        foreach (var update in pending)
        {
            read.Add((await inbox.GetPendingAsync(update.Id, CancellationToken.None))!.Message);
        }

        Assert.Equal([command, text, choice], read);
    }

    [Fact]
    public async Task AddBucketItem_StoresTheWishEncryptedAndListsItIntact()
    {
        var (round, person) = await OpenRoundAsync();
        var bucket = _database.Get<IBucketListRepository>();

        await bucket.AddAsync(new BucketItem(0, round.CoupleId, Words, person, Now, null), CancellationToken.None);

        AssertEncrypted(Assert.Single(await RawAsync("SELECT text FROM bucket_items;")), Words);
        Assert.Equal(Words, Assert.Single(await bucket.ListAsync(round.CoupleId, CancellationToken.None)).Text);
    }

    [Fact]
    public async Task QuizAnswers_AreStoredEncryptedAndLoadIntact()
    {
        var (round, person) = await OpenRoundAsync();
        var quizzes = _database.Get<IQuizRepository>();
        var play = await quizzes.AddAsync(
            new QuizPlay(0, round.CoupleId, "weekend", person, QuizPlayState.Open, Now, null, []), CancellationToken.None);

        await quizzes.AddChoiceAsync(new QuizAnswer(play.Id, person, 1, 3, null, Now), CancellationToken.None);
        await quizzes.SetGuessAsync(play.Id, person, 1, 2, CancellationToken.None);

        var raw = Assert.Single(await RawAsync("SELECT choice || ' ' || guess FROM quiz_answers;"))!.Split(' ');
        Assert.All(raw, value => Assert.StartsWith("v2:", value, StringComparison.Ordinal));
        var answer = Assert.Single((await quizzes.GetAsync(play.Id, CancellationToken.None))!.Answers);
        Assert.Equal((3, (int?)2), (answer.Choice, answer.Guess));
    }

    [Fact]
    public async Task AValueWithoutTheCiphersPrefix_IsAnError_NotReadAsPlainText()
    {
        var (round, person) = await OpenRoundAsync();
        await using (var connection = await _database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO answers (round_id, position, person_id, text, answered_at)
                VALUES (@Id, 1, @Person, 'slipped in as plain text', 0);
                """,
                new { round.Id, Person = person });
        }

        var load = () => _database.Get<IRoundRepository>().GetAsync(round.Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(load);
        Assert.Contains("answers.text", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("slipped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerCopiedIntoAnotherRow_DoesNotDecrypt()
    {
        var (round, person) = await OpenRoundAsync();
        var rounds = _database.Get<IRoundRepository>();
        await rounds.AddAnswerAsync(new Answer(round.Id, 1, person, Words, Now), CancellationToken.None);
        await rounds.AddAnswerAsync(new Answer(round.Id, 2, person, "harmless", Now), CancellationToken.None);
        await using (var connection = await _database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                UPDATE answers SET text = (SELECT text FROM answers WHERE position = 1) WHERE position = 2;
                """);
        }

        var load = () => rounds.GetAsync(round.Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(load);
        Assert.DoesNotContain("Sunday", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWishCopiedIntoALoveNote_DoesNotDecrypt()
    {
        var (round, person) = await OpenRoundAsync();
        await _database.Get<IBucketListRepository>().AddAsync(
            new BucketItem(0, round.CoupleId, Words, person, Now, null), CancellationToken.None);
        var note = await _database.Get<ILoveNoteRepository>().AddAsync(
            new LoveNote(0, round.CoupleId, person, person, "a note", Now, Now, null, IsCapsule: false),
            CancellationToken.None);
        await using (var connection = await _database.OpenAsync())
        {
            // Same id (1) in both tables: only the table and column tell them apart.
            await connection.ExecuteAsync("UPDATE love_notes SET text = (SELECT text FROM bucket_items);");
        }

        var load = () => _database.Get<ILoveNoteRepository>().GetAsync(note.Id, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(load);
    }

    [Fact]
    public async Task AddStorage_WithoutAKey_GeneratesOneBesideTheDatabaseAndReusesItOnTheNextStart()
    {
        var keyFile = Path.Combine(Path.GetDirectoryName(_database.FilePath)!, "bot.key");
        await _database.Get<IOutbox>().EnqueueAsync(OutgoingMessage.Plain(SamsChat, Words), CancellationToken.None);
        var key = await File.ReadAllTextAsync(keyFile);

        await using var restarted = _database.Restart();
        await using var scope = restarted.CreateAsyncScope();
        var claimed = await scope.ServiceProvider.GetRequiredService<OutboxStore>()
            .ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None);

        Assert.Equal(Words, Assert.Single(claimed).Message.Text);
        Assert.Equal(key, await File.ReadAllTextAsync(keyFile));
    }

    [Fact]
    public async Task AddStorage_WithAConfiguredKey_EncryptsWithItAndWritesNoKeyFile()
    {
        var key = RandomNumberGenerator.GetBytes(FieldCipher.KeySize);
        await using var database = await TestDatabase.CreateAsync(
            new Dictionary<string, string?> { ["Security:EncryptionKey"] = Convert.ToBase64String(key) });

        await database.Get<IOutbox>().EnqueueAsync(OutgoingMessage.Plain(SamsChat, Words), CancellationToken.None);

        await using var connection = await database.OpenAsync();
        var (id, raw) = await connection.QuerySingleAsync<(long, string)>("SELECT id, text FROM outbox;");
        Assert.Equal(Words, new FieldCipher(key).Decrypt(raw, SealedColumns.OutboxText.At(id)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(database.FilePath)!, "*.key"));
    }

    [Fact]
    public async Task Start_WithAKeyThatDoesNotMatchTheStoredWords_FailsAndReadsNothing()
    {
        await _database.Get<IOutbox>().EnqueueAsync(OutgoingMessage.Plain(SamsChat, Words), CancellationToken.None);
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(FieldCipher.KeySize));
        await using var restarted = _database.Restart(
            new Dictionary<string, string?> { ["Security:EncryptionKey"] = otherKey });

        var start = () => ActivatorUtilities.CreateInstance<DatabaseMigrationService>(restarted)
            .StartAsync(CancellationToken.None);
        await using var scope = restarted.CreateAsyncScope();
        var claim = () => scope.ServiceProvider.GetRequiredService<OutboxStore>()
            .ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(start);
        Assert.Contains("encryption key does not match", error.Message, StringComparison.Ordinal);
        Assert.Contains("Security:EncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sunday", error.ToString(), StringComparison.Ordinal);
        // Should it run anyway, what it cannot read is set aside, never sent or lost.
        Assert.Empty(await claim());
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxStore>().CountAsync());
    }

    [Fact]
    public async Task Start_WithAMalformedKey_FailsNamingTheSetting()
    {
        await using var restarted = _database.Restart(
            new Dictionary<string, string?> { ["Security:EncryptionKey"] = "c2hvcnQ=" });

        var start = () => ActivatorUtilities.CreateInstance<DatabaseMigrationService>(restarted);

        var error = Assert.Throws<InvalidOperationException>(start);
        Assert.Contains("Security:EncryptionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithTheKeyTheWordsWereWrittenWith_Succeeds()
    {
        await _database.Get<IOutbox>().EnqueueAsync(OutgoingMessage.Plain(SamsChat, Words), CancellationToken.None);
        await using var restarted = _database.Restart();

        await ActivatorUtilities.CreateInstance<DatabaseMigrationService>(restarted).StartAsync(CancellationToken.None);

        Assert.Equal(1, await _database.Get<OutboxStore>().CountAsync());
    }

    [Fact]
    public async Task Start_OnAnEmptyDatabase_Succeeds()
    {
        await using var restarted = _database.Restart();
        var start = () => ActivatorUtilities.CreateInstance<DatabaseMigrationService>(restarted)
            .StartAsync(CancellationToken.None);

        var error = await Record.ExceptionAsync(start);

        Assert.Null(error);
    }

    private static void AssertEncrypted(string? stored, string plain)
    {
        Assert.NotNull(stored);
        Assert.StartsWith("v2:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(plain, stored, StringComparison.Ordinal);
        foreach (var word in plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3))
        {
            Assert.DoesNotContain(word, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<(Round Round, long PersonId)> OpenRoundAsync()
    {
        var persons = _database.Get<IPersonRepository>();
        var alex = await persons.UpsertAsync(
            new ChatUser(Platform.Telegram, "1"), "Alex", new ChatAddress(Platform.Telegram, "1"), Now, default);
        var blake = await persons.UpsertAsync(
            new ChatUser(Platform.Telegram, "2"), "Blake", new ChatAddress(Platform.Telegram, "2"), Now, default);
        var couple = await _database.Get<ICoupleRepository>().AddAsync(
            new Couple(
                0, alex.Id, blake.Id, "UTC", new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), null,
                null, Now, null),
            CancellationToken.None);
        var round = await _database.Get<IRoundRepository>().AddAsync(
            new Round(
                0, couple.Id, RoundKind.Weekly, null, RoundState.Open, Now, Now.AddDays(1), Now.AddDays(6), null,
                null, [new RoundQuestion(1, null, "What made you smile?"), new RoundQuestion(2, null, "And?")], []),
            CancellationToken.None);
        return (round, alex.Id);
    }

    private async Task<List<string?>> RawAsync(string sql)
    {
        await using var connection = await _database.OpenAsync();
        return (await connection.QueryAsync<string?>(sql)).ToList();
    }
}
