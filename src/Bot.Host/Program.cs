using Bot.Host;

return await BotHost.RunAsync(args, Console.Error);
