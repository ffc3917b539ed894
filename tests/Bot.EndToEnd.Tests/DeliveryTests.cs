using System.Globalization;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.EndToEnd.Tests;

public sealed class DeliveryTests
{
    /// <summary>Five seconds of sends at Telegram's pace.</summary>
    private const int Broadcast = 150;

    [Fact]
    public async Task ServerError_IsRetriedAfterABackoff_AndDeliveredOnce()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        bot.Telegram.FailNextSend(502);

        bot.Telegram.SendText(alex, "/start");
        await bot.Telegram.WaitForCallAsync("sendMessage", 1);
        await bot.WaitForDatabaseAsync("SELECT EXISTS (SELECT 1 FROM outbox WHERE attempts = 1 AND claimed_until IS NULL)");
        var deliveredBeforeBackoff = bot.Telegram.SentTo(alex.Id).Count;
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        var welcome = await bot.Telegram.WaitForMessageAsync(alex.Id);

        Assert.Equal(0, deliveredBeforeBackoff);
        Assert.Contains("Hi Alex", welcome.Text, StringComparison.Ordinal);
        Assert.Single(bot.Telegram.SentTo(alex.Id));
        Assert.Equal(2, bot.Telegram.SendMessageAttempts);
    }

    [Fact]
    public async Task UpdateThatCannotBeRead_IsSetAsideWithAReply_BeforeTheChatsNewerMessages()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        await Journeys.ReplyAsync(bot, alex, "/start");
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            // Stored before a restart and damaged since (a kind nobody knows): it can be neither handled nor read.
            await scope.ServiceProvider.GetRequiredService<Bot.Host.Storage.StorageSession>().ExecuteAsync(
                """
                INSERT INTO inbox (update_key, chat_key, received_at, kind, from_platform, from_id, from_name,
                                   chat_platform, chat_id, is_private)
                VALUES ('telegram:damaged', 'Telegram:1001', 0, 99, 1, '1001', 'Alex', 1, '1001', 1);
                """,
                null, CancellationToken.None);
        }

        await bot.RestartAsync();
        var before = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendText(alex, "/help");
        await bot.Telegram.WaitForMessageCountAsync(alex.Id, before + 2, TimeSpan.FromSeconds(30));

        var after = bot.Telegram.SentTo(alex.Id).Skip(before).Select(m => m.Text).ToList();
        Assert.Equal(Bot.Core.Application.Copy.SomethingWentWrong, after[0]);
        Assert.Contains("/pair", after[1], StringComparison.Ordinal);
        await bot.WaitForDatabaseAsync("SELECT NOT EXISTS (SELECT 1 FROM inbox WHERE processed_at IS NULL)");
    }

    [Fact]
    public async Task ReplyToWhatSomeoneTyped_GoesOutBeforeABroadcastThatWasQueuedFirst()
    {
        await using var bot = await BotTestHost.StartAsync();
        var alex = bot.User(1001, "Alex");
        var recipients = Enumerable.Range(0, Broadcast).Select(i => bot.User(5000 + i, "P" + i)).ToList();
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            // Queued outside any person's update, as the sweep's fan-out is.
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().RunAsync(
                async ct =>
                {
                    foreach (var person in recipients)
                    {
                        await outbox.EnqueueAsync(
                            OutgoingMessage.Plain(new ChatAddress(Platform.Telegram, person.Id.ToString(CultureInfo.InvariantCulture)), "broadcast"),
                            ct);
                    }
                },
                CancellationToken.None);
        }

        await bot.Telegram.WaitForMessageCountAsync(recipients[0].Id, 1);
        bot.Telegram.SendText(alex, "/help");
        var reply = await bot.Telegram.WaitForMessageAsync(alex.Id);
        var broadcastsFirst = bot.Telegram.Sent.TakeWhile(m => m != reply).Count(m => m.Text == "broadcast");

        Assert.True(broadcastsFirst < Broadcast / 2, $"{broadcastsFirst} of {Broadcast} broadcasts went out before the reply.");
        await bot.Telegram.WaitForMessageCountAsync(recipients[^1].Id, 1, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task LongReveal_IsSplitIntoPartsWithinTelegramsLimit_InOrder()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        string Long(string tag) => tag + " " + string.Join(' ', Enumerable.Repeat("word", 580)) + " end-" + tag;

        await Journeys.AnswerAllAsync(bot, alex, Long("A1"), Long("A2"), Long("A3"));
        await Journeys.AnswerAllAsync(bot, sam, Long("S1"), Long("S2"));
        var before = bot.Telegram.SentTo(alex.Id).Count;
        bot.Telegram.SendText(sam, Long("S3"));
        var last = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("end-S3", StringComparison.Ordinal), TimeSpan.FromSeconds(20), after: before);
        var parts = bot.Telegram.SentTo(alex.Id).Skip(before).ToList();
        var joined = string.Join('\n', parts.Select(p => p.Text));

        Assert.True(parts.Count >= 5, $"Expected the ~21,000 character reveal in at least 5 parts, got {parts.Count}.");
        Assert.All(parts, p => Assert.InRange(p.Text.Length, 1, 4096));
        Assert.Same(parts[^1], last);
        foreach (var tag in new[] { "A1", "S1", "A2", "S2", "A3", "S3" })
        {
            Assert.Contains("end-" + tag, joined, StringComparison.Ordinal);
        }

        Assert.True(joined.IndexOf("end-A1", StringComparison.Ordinal) < joined.IndexOf("end-S3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BurstFromOneChat_IsHandledInOrder()
    {
        await using var bot = await BotTestHost.StartAsync();
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);

        bot.Telegram.SendText(alex, "first");
        bot.Telegram.SendText(alex, "second");
        bot.Telegram.SendText(alex, "third");
        bot.Telegram.SendText(sam, "one");
        bot.Telegram.SendText(sam, "two");
        bot.Telegram.SendText(sam, "three");
        var reveal = await bot.Telegram.WaitForMessageAsync(alex.Id, m => m.Text.Contains("here are your answers", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        var order = new[] { "Alex\nfirst", "Sam\none", "Alex\nsecond", "Sam\ntwo", "Alex\nthird", "Sam\nthree" }
            .Select(line => reveal.Text.IndexOf(line, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }
}
