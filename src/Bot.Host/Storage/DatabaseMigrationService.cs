namespace Bot.Host.Storage;

/// <summary>Brings the database schema up to date before anything else starts (registered first).</summary>
internal sealed class DatabaseMigrationService(Migrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
