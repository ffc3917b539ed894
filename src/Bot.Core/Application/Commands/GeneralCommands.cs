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

/// <summary>/support: when and how couples look for a therapist.</summary>
public sealed class SupportCommand(Messenger messenger) : ICommandHandler
{
    public Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return messenger.ReplyAsync(c, Copy.Support(c.Me.DisplayName), ct);
    }
}
