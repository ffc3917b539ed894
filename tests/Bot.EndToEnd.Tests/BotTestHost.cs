using System.Globalization;
using Bot.EndToEnd.Tests.Fakes;
using Bot.Host;
using Bot.Host.Pipeline;
using Bot.Host.Scheduling;
using Bot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Bot.EndToEnd.Tests;

/// <summary>
/// The real host (real Telegram.Bot client, real SQLite file, real Quartz) against a fake Telegram server, with a
/// fake clock for the couples' time. Restartable on the same database to simulate a process restart.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    /// <summary>A Wednesday morning, UTC; couples default to Sunday 19:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly string _folder;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IHostApplicationBuilder>? _configure;
    private bool _discordOverHttp;
    private IHost? _host;

    private BotTestHost(FakeTelegramServer? telegram, FakeDiscordServer? discord, Dictionary<string, string?> settings,
        Action<IHostApplicationBuilder>? configure)
    {
        _telegram = telegram;
        Discord = discord;
        _settings = settings;
        _configure = configure;
        _folder = Path.Combine(Path.GetTempPath(), "botsuite-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    private readonly FakeTelegramServer? _telegram;

    public FakeTelegramServer Telegram => _telegram ?? throw new InvalidOperationException("Telegram is not running.");

    /// <summary>The fake Discord server, when the host was started with Discord.</summary>
    public FakeDiscordServer? Discord { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Host is not running.");

    /// <summary>The folder holding the bot's database (<c>bot.db</c>, its WAL) and key file (<c>bot.key</c>).</summary>
    public string DataFolder => _folder;

    /// <param name="configure">Runs on the host's builder after the bot's own setup (e.g. to add a log provider).</param>
    /// <param name="discordOverHttp">Interactions reach the bot over HTTP (signed, at its endpoint), not the gateway.</param>
    public static async Task<BotTestHost> StartAsync(
        Dictionary<string, string?>? settings = null, bool telegram = true, bool discord = false,
        Action<IHostApplicationBuilder>? configure = null, bool discordOverHttp = false)
    {
        var host = new BotTestHost(
            telegram ? await FakeTelegramServer.StartAsync() : null,
            discord || discordOverHttp ? await FakeDiscordServer.StartAsync() : null,
            settings ?? [],
            configure)
        {
            _discordOverHttp = discordOverHttp,
        };
        await host.StartHostAsync();
        return host;
    }

    public FakeTelegramUser User(long id, string name) => Telegram.AddUser(id, name);

    /// <summary>Runs the minute sweep now (as Quartz would) and waits until it has finished.</summary>
    public async Task SweepAsync()
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = new JobDoneListener(done);
        scheduler.ListenerManager.AddJobListener(listener, [new SweepJobMatcher()]);
        try
        {
            await scheduler.TriggerJob(SweepJob.Key);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    /// <summary>Waits until every update sent so far was confirmed and processed.</summary>
    public async Task SettleAsync()
    {
        if (_telegram is not null)
        {
            await _telegram.WaitForAllUpdatesConfirmedAsync(TimeSpan.FromSeconds(10));
        }

        await Services.GetRequiredService<InboundPipeline>().IdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Lets time pass once everything in flight is delivered: leases on outbox rows follow the couples' clock, and a
    /// jump of days under a message being sent would look like an abandoned lease. Messages held for someone's quiet
    /// hours stay behind; they go out once the clock reaches their time.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await SettleAsync();
        await WaitForDeliverableSentAsync();
        Clock.Advance(by);
    }

    /// <summary>Waits until the outbox holds nothing but messages held for later (quiet hours).</summary>
    public Task WaitForDeliverableSentAsync() =>
        WaitForDatabaseAsync(string.Create(CultureInfo.InvariantCulture,
            $"SELECT NOT EXISTS (SELECT 1 FROM outbox WHERE coalesce(not_before, 0) <= {Clock.GetUtcNow().ToUnixTimeMilliseconds()})"));

    /// <summary>Runs a query against the bot's database until it returns true; bounded, for state no message shows.</summary>
    public async Task WaitForDatabaseAsync(string sql, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            await using (var scope = Services.CreateAsyncScope())
            {
                var session = scope.ServiceProvider.GetRequiredService<Bot.Host.Storage.StorageSession>();
                if (await session.ExecuteScalarAsync<bool>(sql, null, CancellationToken.None))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The database never satisfied: {sql}");
            }

            await Task.Delay(50);
        }
    }

    public async Task StopAsync()
    {
        if (_host is null)
        {
            return;
        }

        await _host.StopAsync(TimeSpan.FromSeconds(15));
        _host.Dispose();
        _host = null;
    }

    /// <summary>Starts the host again after <see cref="StopAsync"/> (the same database and fakes).</summary>
    public Task StartAgainAsync() => StartHostAsync();

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartHostAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }

        if (Discord is not null)
        {
            await Discord.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger for a moment; the temp folder is harmless.
        }
    }

    private async Task StartHostAsync()
    {
        var args = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = _telegram?.Token ?? "",
            ["Telegram:ApiBaseUrl"] = _telegram?.BaseUrl ?? "",
            ["Telegram:PollTimeoutSeconds"] = "5",
            ["Discord:Token"] = Discord is null ? "" : FakeDiscordServer.DefaultToken,
            ["Discord:ApiBaseUrl"] = Discord?.ApiBaseUrl.ToString() ?? "",
            ["Discord:GatewayUrl"] = Discord?.GatewayUrl.ToString() ?? "",
            ["ConnectionStrings:Bot"] = $"Data Source={Path.Combine(_folder, "bot.db")}",
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (_discordOverHttp && Discord is not null)
        {
            args["Discord:PublicKey"] = Discord.PublicKey;
            args["Http:Port"] = "0";
        }

        foreach (var (key, value) in _settings)
        {
            args[key] = value;
        }

        var builder = BotHost.CreateBuilder([.. args.Select(a => $"--{a.Key}={a.Value}")]);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        _configure?.Invoke(builder);
        _host = builder.Build();
        await _host.StartAsync();
        if (_discordOverHttp && Discord is not null)
        {
            // As an operator would enter it in the portal once the bot is reachable.
            Discord.InteractionsEndpoint = new Uri(_host.Services.GetRequiredService<Bot.Host.Web.WebServer>().Address,
                "discord/interactions");
        }
    }

    private sealed class SweepJobMatcher : IMatcher<JobKey>
    {
        public bool IsMatch(JobKey key) => key.Equals(SweepJob.Key);
    }

    private sealed class JobDoneListener(TaskCompletionSource done) : IJobListener
    {
        public string Name { get; } = "e2e-" + Guid.NewGuid().ToString("N");

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException,
            CancellationToken cancellationToken = default)
        {
            done.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
