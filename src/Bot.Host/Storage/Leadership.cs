using Bot.Host.Delivery;
using Dapper;
using Npgsql;

namespace Bot.Host.Storage;

/// <summary>
/// Which node does what only one node may do at a time: send the outbox (so all nodes together keep within the
/// platforms' limits with one pacer) and hold the Discord gateway. With SQLite the one node always leads.
/// </summary>
internal interface ILeadership
{
    /// <summary>Whether this node leads right now.</summary>
    bool IsLeader { get; }

    /// <summary>Completes once this node leads, with a token that is cancelled when it no longer does.</summary>
    Task<CancellationToken> WaitForLeadershipAsync(CancellationToken ct);
}

/// <summary>Runs the node's <see cref="ILeadership"/> with the host (the PostgreSQL one keeps trying to lead).</summary>
internal sealed class LeadershipService(ILeadership leadership) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        leadership is IHostedService service ? service.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        leadership is IHostedService service ? service.StopAsync(cancellationToken) : Task.CompletedTask;
}

/// <summary>One machine, one node: it always leads.</summary>
internal sealed class SoleLeadership : ILeadership
{
    public bool IsLeader => true;

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken ct) => Task.FromResult(CancellationToken.None);
}

/// <summary>
/// Leadership on PostgreSQL: a session advisory lock held on a connection of its own. The server lets go of it when
/// that connection ends (the node died, the network went, the connection was killed), and the other nodes, trying
/// every few seconds, take it over. The leader also LISTENs for the other nodes' NOTIFY that they committed outbox
/// rows, so its sender need not wait for its next poll.
/// </summary>
internal sealed class PostgresLeadership : BackgroundService, ILeadership
{
    /// <summary>The channel a node NOTIFYs after committing outbox rows.</summary>
    public const string OutboxChannel = "botsuite_outbox";

    private const string TryLockSql = "SELECT pg_try_advisory_lock(@Class, 2);";

    private readonly PostgresConnectionFactory _factory;
    private readonly OutboxSignal _signal;
    private readonly ILogger<PostgresLeadership> _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource<CancellationToken> _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _term;
    private int _notifying;

    public PostgresLeadership(
        PostgresConnectionFactory factory, OutboxSignal signal, ILogger<PostgresLeadership> logger)
    {
        _factory = factory;
        _signal = signal;
        _logger = logger;
        _signal.Notified += OnLocalOutboxRows;
    }

    /// <summary>How often a node that does not lead tries to take over, and a leader checks its connection.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(3);

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _term is not null;
            }
        }
    }

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _leading.Task.WaitAsync(ct);
        }
    }

    public override void Dispose()
    {
        _signal.Notified -= OnLocalOutboxRows;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LeadWhenPossibleAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogWarning("Leadership connection failed ({Error}); trying again in {Interval}",
                    ex.Message, RetryInterval);
            }
            finally
            {
                StepDown();
            }

            await Task.Delay(RetryInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task LeadWhenPossibleAsync(CancellationToken ct)
    {
        var connection = await _factory.OpenDedicatedAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            while (!await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(TryLockSql, new { Class = SqlDialect.LockClass }, cancellationToken: ct))
                .ConfigureAwait(false))
            {
                await Task.Delay(RetryInterval, ct).ConfigureAwait(false);
            }

            connection.Notification += (_, _) => _signal.Wake();
            await connection.ExecuteAsync(new CommandDefinition($"LISTEN {OutboxChannel};", cancellationToken: ct))
                .ConfigureAwait(false);
            StepUp();
            _logger.LogInformation("This node now leads: it sends the outbox and holds the Discord gateway");

            // Notifications arrive while waiting; between them the connection is checked, and a broken one throws.
            while (true)
            {
                if (!await connection.WaitAsync(RetryInterval, ct).ConfigureAwait(false))
                {
                    await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1;", cancellationToken: ct))
                        .ConfigureAwait(false);
                }
            }
        }
    }

    private void StepUp()
    {
        lock (_gate)
        {
            _term = new CancellationTokenSource();
            _leading.TrySetResult(_term.Token);
        }
    }

    private void StepDown()
    {
        CancellationTokenSource? term;
        lock (_gate)
        {
            term = _term;
            _term = null;
            if (_leading.Task.IsCompleted)
            {
                _leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (term is not null)
        {
            _logger.LogWarning("This node no longer leads; another node takes over sending and the Discord gateway");
            term.Cancel();
            term.Dispose();
        }
    }

    // Another node leads: tell it (one NOTIFY in flight at a time; the leader also polls).
    private void OnLocalOutboxRows()
    {
        if (IsLeader || Interlocked.Exchange(ref _notifying, 1) == 1)
        {
            return;
        }

        _ = NotifyLeaderAsync();
    }

    private async Task NotifyLeaderAsync()
    {
        try
        {
            var connection = await _factory.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await connection.ExecuteAsync($"NOTIFY {OutboxChannel};").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            _logger.LogDebug("Could not notify the leading node ({Error}); it finds the rows on its next poll", ex.Message);
        }
        finally
        {
            Volatile.Write(ref _notifying, 0);
        }
    }
}
