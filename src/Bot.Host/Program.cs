using Bot.Host;

var builder = BotHost.CreateBuilder(args);
if (!BotHost.HasAnyPlatform(builder.Configuration))
{
    await Console.Error.WriteLineAsync(BotHost.NoPlatformMessage);
    return 2;
}

using var host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;
