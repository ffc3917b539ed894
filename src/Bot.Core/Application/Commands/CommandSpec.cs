namespace Bot.Core.Application.Commands;

/// <summary>Where a command may be used.</summary>
public enum CommandPlace
{
    Anywhere = 1,

    /// <summary>Only in the person's private chat with the bot: it shows or takes something personal.</summary>
    PrivateChat = 2,

    /// <summary>
    /// In the private chat or in the couple's home group: it shows a partner's words or the couple's data (their
    /// list, their clocks, what a cool-down is about), which no other group may read.
    /// </summary>
    PrivateOrHome = 3,
}

/// <summary>
/// One command, declared once: routing, /help, the platforms' command menus and slash commands all come from it.
/// </summary>
/// <param name="Name">The command without its slash, lower case.</param>
/// <param name="Description">One line for menus and /help.</param>
/// <param name="Handler">The <see cref="ICommandHandler"/> that carries it out.</param>
public sealed record CommandSpec(string Name, string Description, Type Handler)
{
    /// <summary>How it is typed with its arguments, e.g. "/pause 2w"; the name alone when it takes none.</summary>
    public string Usage { get => field ?? "/" + Name; init; }

    public CommandPlace Place { get; init; } = CommandPlace.Anywhere;

    /// <summary>Whether only a paired person may use it (others hear how to pair).</summary>
    public bool NeedsCouple { get; init; } = true;

    /// <summary>Shown in /help and the command menus; /start is not, since /help says the same.</summary>
    public bool Listed { get; init; } = true;

    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    /// <summary>
    /// Whether a voice note, photo or video may come with it (Telegram: as the caption of one, or a reply to one;
    /// Discord: an optional attachment option named <see cref="MediaOptionName"/>).
    /// </summary>
    public bool TakesMedia { get; init; }

    /// <summary>The name of the attachment option on platforms with typed options.</summary>
    public const string MediaOptionName = "media";

    /// <summary>
    /// The reply when a required argument is missing or words are left that nothing reads; the default shows
    /// <see cref="Usage"/>.
    /// </summary>
    public Func<string, string> Help { get => field ?? (person => Copy.UsageOf(person, Usage)); init; }
}

/// <summary>Carries out one command with its arguments already read and checked.</summary>
public interface ICommandHandler
{
    Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct);
}

/// <summary>A command only a paired person may use: the catalog's router has checked there is a couple.</summary>
public abstract class CoupleCommand : ICommandHandler
{
    public Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var couple = c.Couple ?? throw new InvalidOperationException("The router sends only paired people here.");
        return HandleAsync(c, couple, arguments, ct);
    }

    protected abstract Task HandleAsync(Conversation c, Domain.Couple couple, CommandArguments arguments, CancellationToken ct);
}
