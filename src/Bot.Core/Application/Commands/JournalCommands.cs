using Bot.Core.Domain;

namespace Bot.Core.Application.Commands;

/// <summary>/status: pairing, clocks, schedule, who has answered, and the rhythm.</summary>
public sealed class StatusCommand(JournalService journal) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        journal.StatusAsync(c, couple, ct);
}

/// <summary>/history [N]: the last revealed check-ins.</summary>
public sealed class HistoryCommand(JournalService journal) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        journal.HistoryAsync(c, couple, arguments.Number("count"), ct);
}

/// <summary>/export: the journal as files.</summary>
public sealed class ExportCommand(ExportService export) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        export.ExportAsync(c, couple, ct);
}

/// <summary>/trend [weeks]: the weekly pulse as a chart.</summary>
public sealed class TrendCommand(PulseTrendService pulseTrend) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        pulseTrend.TrendAsync(c, couple, arguments.Number("weeks"), ct);
}
