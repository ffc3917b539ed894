using Bot.Host;
using Bot.Host.Storage;

return args is [SqliteToPostgres.CommandName, .. var rest]
    ? await SqliteToPostgres.RunAsync(rest, Console.Out, Console.Error, CancellationToken.None)
    : await BotHost.RunAsync(args, Console.Error);
