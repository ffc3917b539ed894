using Bot.Core.Domain;

namespace Bot.Core.Application.Commands;

/// <summary>/status: pairing, clocks, schedule, who has answered, and the rhythm.</summary>
public sealed class StatusCommand(JournalService journal) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        journal.StatusAsync(c, couple, ct);
}

/// <summary>/history [N]: the last revealed check-ins.</summary>
public sealed class HistoryCommand(JournalService journal) : ICommandHandler
{
    public Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return journal.HistoryAsync(c, arguments.Number("count"), ct);
    }
}

/// <summary>/export: the journal as files.</summary>
public sealed class ExportCommand(JournalService journal, ExportService export, Messenger messenger) : ICommandHandler
{
    public async Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (await journal.JournalOfAsync(c, ct).ConfigureAwait(false) is not { } couple)
        {
            await messenger.ReplyAsync(c, Copy.NotPaired(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await export.ExportAsync(c, couple, ct).ConfigureAwait(false);
    }
}

/// <summary>/trend [weeks]: the weekly pulse as a chart.</summary>
public sealed class TrendCommand(PulseTrendService pulseTrend) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        pulseTrend.TrendAsync(c, couple, arguments.Number("weeks"), ct);
}

/// <summary>/memory [TEXT]: a photo, voice note or video (or a line alone) for the couple's journal.</summary>
public sealed class MemoryCommand(MemoryService memories) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        memories.AddAsync(c, couple, arguments.Text("text") ?? "", ct);
}
