using Bot.Core.Domain;

namespace Bot.Core.Application.Commands;

/// <summary>/schedule DAY HH:MM, off or on.</summary>
public sealed class ScheduleCommand(CoupleSettingsService settings) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        settings.ScheduleAsync(c, couple, arguments.Choice("day"), arguments.Time("time"), ct);
}

/// <summary>/timezone [couple] ZONE: your own clock, or the one the check-ins run on.</summary>
public sealed class TimeZoneCommand(CoupleSettingsService settings) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        settings.TimeZoneAsync(c, couple, arguments.Choice("zone"), arguments.Choice("for") == "couple", ct);
}

/// <summary>/quiet FROM-UNTIL, off or on: your quiet hours.</summary>
public sealed class QuietCommand(CoupleSettingsService settings) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        settings.QuietAsync(c, couple, arguments.Time("from"), arguments.Time("until"), arguments.Flag("off"),
            arguments.Flag("on"), ct);
}

/// <summary>/home [off]: a group as the couple's shared space.</summary>
public sealed class HomeCommand(CoupleSettingsService settings) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        settings.HomeAsync(c, couple, arguments.Flag("off"), ct);
}

/// <summary>/pause 2w: no check-ins or nudges for a while.</summary>
public sealed class PauseCommand(CoupleSettingsService settings) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        settings.PauseAsync(c, couple, arguments.Duration("for") ?? TimeSpan.Zero, ct);
}

/// <summary>/resume: check-ins again from the next slot.</summary>
public sealed class ResumeCommand(CoupleSettingsService settings) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        settings.ResumeAsync(c, couple, ct);
}
