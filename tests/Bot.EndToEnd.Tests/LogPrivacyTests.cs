using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.EndToEnd.Tests;

/// <summary>Logs are for operators: ids and outcomes, never a platform token or what a partner wrote.</summary>
public sealed class LogPrivacyTests
{
    private const string Answer = "the quiet breakfast on the balcony";

    [Fact]
    public async Task AWholeJourney_LoggedAtTraceLevel_NeverLogsTheTokenOrAnAnswer()
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
        };
        // The capture sees every level of every category, past any filter: whatever a sink could be set to write.
        await using var bot = await BotTestHost.StartAsync(settings, configure: b => b.Logging.AddProvider(logs)
            .AddFilter<CapturingLoggerProvider>(_ => true));
        var (alex, sam) = await Journeys.PairedAsync(bot);
        await Journeys.OpenCheckInAsync(bot, alex, sam);
        await Journeys.AnswerAllAsync(bot, alex, Answer, "b", "c");
        await Journeys.AnswerAllAsync(bot, sam, "d", "e", "f");
        await bot.Telegram.WaitForMessageAsync(sam.Id, m => m.Text.Contains(Answer, StringComparison.Ordinal));
        // A send Telegram rejects is logged with its reason: that path must not leak either.
        bot.Telegram.FailNextSend(400, chatId: alex.Id);
        bot.Telegram.SendText(alex, "/history");
        await Journeys.ReplyAsync(bot, alex, "/help");

        await bot.StopAsync();

        var entries = logs.Entries.ToList();
        Assert.Contains(entries, e => e.Contains("Telegram sendMessage answered 200", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Telegram sendMessage answered 400", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(bot.Telegram.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(Answer, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _entries = new();

        /// <summary>Each entry: category, message and the whole exception, as any sink could write them.</summary>
        public IEnumerable<string> Entries => _entries;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                    : "";
                entries.Enqueue($"{category} {logLevel}: {formatter(state, exception)} [{values}] {exception}");
            }
        }
    }
}
