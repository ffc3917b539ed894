namespace Bot.Core.Application.Commands;

/// <summary>/start: a welcome and what the bot can do.</summary>
public sealed class StartCommand(Messenger messenger) : ICommandHandler
{
    public Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return messenger.ReplyAsync(c, Copy.Welcome(c.Me.DisplayName), ct);
    }
}

/// <summary>/help: the command list.</summary>
public sealed class HelpCommand(Messenger messenger) : ICommandHandler
{
    public Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return messenger.ReplyAsync(c, Copy.Help(c.Me.DisplayName), ct);
    }
}

/// <summary>/support [off | on]: what helps and where to find it; whether the gentle offer may come.</summary>
public sealed class SupportCommand(SupportOfferService support) : ICommandHandler
{
    public Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return support.HandleAsync(c, arguments.Flag("off"), arguments.Flag("on"), ct);
    }
}
