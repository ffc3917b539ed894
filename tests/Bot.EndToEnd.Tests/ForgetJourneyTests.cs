using System.Text;
using Bot.Host.Security;
using Bot.Host.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.EndToEnd.Tests;

/// <summary>/forget deletes a person's words for real: in every table and column, and in the files on disk.</summary>
public sealed class ForgetJourneyTests
{
    // Every word Alex writes carries this mark; Sam's carry their own, which must stay.
    private const string AlexMark = "alexmark";
    private const string SamMark = "sammark";

    [Fact]
    public async Task Forget_LeavesNoneOfTheirWords_InAnyTableColumnOrFile()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await SeedEverythingAsync(bot, alex, sam);
        var before = await WalkAsync(bot);
        Assert.Subset(
            new HashSet<string>
            {
                "answers.text", "round_questions.text", "bowl_questions.text", "bucket_items.text", "love_notes.text",
                "couples.cooldown_topic", "outbox.text", "media.content", "memories.text", "outbox_attachments.content",
            },
            before.Where(v => v.Plain.Contains(AlexMark, StringComparison.Ordinal)).Select(v => v.Column).ToHashSet());

        bot.Telegram.SendText(alex, "/forget");
        var confirm = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("can't be undone", StringComparison.Ordinal));
        bot.Telegram.PressButton(alex, confirm, confirm.Buttons.SelectMany(r => r).First().CallbackData);
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("has been deleted", StringComparison.Ordinal));
        await bot.SettleAsync();
        await bot.WaitForDeliverableSentAsync();

        var after = await WalkAsync(bot);
        Assert.DoesNotContain(after, v => v.Plain.Contains(AlexMark, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(after, v => v.Column == "answers.text" && v.Plain.Contains(SamMark, StringComparison.Ordinal));
        Assert.Contains(before, v => v.Column.StartsWith("pending_inputs.", StringComparison.Ordinal));
        Assert.Contains(before, v => v.Column.StartsWith("first_times.", StringComparison.Ordinal));
        Assert.DoesNotContain(after, v => v.Column.StartsWith("pending_inputs.", StringComparison.Ordinal));
        Assert.Contains(before, v => v.Column == "quiz_answers.choice");
        Assert.DoesNotContain(after, v => v.Column.StartsWith("quiz_answers.", StringComparison.Ordinal));
        var gone = before.Where(v => v.Plain.Contains(AlexMark, StringComparison.Ordinal)).Select(v => v.Stored).ToList();
        await AssertFilesHoldNoneOfAsync(bot, [AlexMark, .. gone]);
        await bot.StopAsync();
        await AssertFilesHoldNoneOfAsync(bot, [AlexMark, .. gone]);
    }

    /// <summary>Alex writes into every feature that keeps words; some of it waits for Sam's morning.</summary>
    private static async Task SeedEverythingAsync(BotTestHost bot, Fakes.FakeTelegramUser alex, Fakes.FakeTelegramUser sam)
    {
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, $"{AlexMark} one", $"{AlexMark} two", $"{AlexMark} three");
        await Journeys.AnswerAllAsync(bot, sam, $"{SamMark} one", $"{SamMark} two", $"{SamMark} three");

        await Journeys.ReplyAsync(bot, alex, $"/bowl add {AlexMark} what made you laugh?");
        await Journeys.ReplyAsync(bot, sam, "/draw");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("Out of the bowl", StringComparison.Ordinal));
        await Journeys.AnswerAllAsync(bot, alex, $"{AlexMark} bowl answer");
        await Journeys.AnswerAllAsync(bot, sam, $"{SamMark} bowl answer");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains($"{SamMark} bowl answer", StringComparison.Ordinal));

        // It is 23:00 in Auckland: what Alex starts now waits in the outbox for Sam's morning.
        await Journeys.ReplyAsync(bot, sam, "/timezone Pacific/Auckland");
        await Journeys.ReplyAsync(bot, alex, $"/bowl add {AlexMark} where shall we go next?");
        bot.Telegram.SendText(alex, "/draw");
        await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("where shall we go next?", StringComparison.Ordinal));
        await Journeys.AnswerAllAsync(bot, alex, $"{AlexMark} the coast");
        await Journeys.ReplyAsync(bot, alex, $"/bowl add {AlexMark} still waiting?");
        await Journeys.ReplyAsync(bot, alex, $"/bucket add {AlexMark} northern lights");
        await Journeys.ReplyAsync(bot, alex, $"/note {AlexMark} sleep well");
        // A photo for the journal and a voice note for Sam, whose morning it is not yet: kept, and waiting.
        var photoBefore = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendMedia(alex, "photo", [0xFF, 0xD8, 0xFF, .. Encoding.UTF8.GetBytes($"{AlexMark} photo")], $"/memory {AlexMark} beach");
        await bot.Telegram.WaitForMessageAsync(alex.Id, after: photoBefore);
        var voiceBefore = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendMedia(alex, "voice", Encoding.UTF8.GetBytes($"OggS {AlexMark} voice"), "/note");
        await bot.Telegram.WaitForMessageAsync(alex.Id, after: voiceBefore);
        await Journeys.ReplyAsync(bot, alex, $"/capsule 2027-01-01 {AlexMark} open me");
        bot.Telegram.SendText(alex, "/quiz weekend");
        var quiz = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("(1/5) About you", StringComparison.Ordinal));
        bot.Telegram.PressButton(alex, quiz, quiz.Buttons.SelectMany(r => r).First().CallbackData);
        await bot.WaitForDatabaseAsync("SELECT EXISTS (SELECT 1 FROM quiz_answers)");
        await Journeys.ReplyAsync(bot, sam, "/firsttime");
        await Journeys.ReplyAsync(bot, alex, $"/cooldown 30m {AlexMark} topic");
        await Journeys.ReplyAsync(bot, sam, "/cooldown");
        await Journeys.ReplyAsync(bot, sam, "/history");
        await Journeys.ReplyAsync(bot, sam, "/export");
        // Last, as any command lets it go: Alex's next text is to replace an answer.
        var answersBefore = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendText(alex, "/answers");
        // Alex's clock was never told, so nothing of his waits for a guessed morning: other news may come first.
        var mine = await bot.Telegram.WaitForMessageAsync(alex.Id,
            m => m.Buttons.SelectMany(r => r).Any(b => b.Text.Contains("Change", StringComparison.Ordinal)), after: answersBefore);
        bot.Telegram.PressButton(alex, mine, mine.Buttons.SelectMany(r => r).First(b => b.Text.Contains("Change", StringComparison.Ordinal)).CallbackData);
        await bot.WaitForDatabaseAsync("SELECT EXISTS (SELECT 1 FROM pending_inputs)");
        await bot.SettleAsync();
        await bot.WaitForDeliverableSentAsync();
    }

    /// <summary>Every value of every column of every table, found through the schema and decrypted where sealed.</summary>
    private static async Task<List<(string Column, string Stored, string Plain)>> WalkAsync(BotTestHost bot)
    {
        var cipher = bot.Services.GetRequiredService<FieldCipher>();
        var values = new List<(string, string, string)>();
        var file = Path.Combine(bot.DataFolder, "bot.db");
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table';");
        foreach (var table in tables)
        {
            var columns = (await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}');")).ToList();
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM \"{table}\";"))
            {
                foreach (var column in columns)
                {
                    var value = row[column];
                    var sealedColumn = SealedColumns.All.SingleOrDefault(s => s.Table == table && s.Column == column);
                    var key = sealedColumn?.RowKey.Select(k => row[k]!).ToArray();
                    var (stored, plain) = value switch
                    {
                        null => ("", ""),
                        byte[] bytes when sealedColumn is not null =>
                            (Convert.ToBase64String(bytes), Encoding.UTF8.GetString(cipher.DecryptBytes(bytes, sealedColumn.At(key!)))),
                        byte[] bytes => (Convert.ToBase64String(bytes), Encoding.UTF8.GetString(bytes)),
                        string text when sealedColumn is not null => (text, cipher.Decrypt(text, sealedColumn.At(key!))),
                        _ => Twice(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                    };
                    values.Add(($"{table}.{column}", stored, plain));
                }
            }
        }

        return values;
    }

    private static (string, string) Twice(string text) => (text, text);

    /// <summary>The database file and its WAL, byte for byte, as someone with the disk (and the key beside it) would read them.</summary>
    private static async Task AssertFilesHoldNoneOfAsync(BotTestHost bot, IReadOnlyList<string> needles)
    {
        foreach (var file in new[] { "bot.db", "bot.db-wal" }.Select(f => Path.Combine(bot.DataFolder, f)).Where(File.Exists))
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                await stream.ReadExactlyAsync(bytes);
            }

            foreach (var needle in needles.Where(n => n.Length > 0))
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) < 0,
                    $"{Path.GetFileName(file)} still holds \"{needle[..Math.Min(needle.Length, 24)]}…\"");
            }
        }
    }
}
