using Bot.Core.Domain;

namespace Bot.Core.Application.Commands;

/// <summary>/unpair: end the pairing, choosing what happens to the journal.</summary>
public sealed class UnpairCommand(FarewellService farewell) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        farewell.AskUnpairAsync(c, couple, ct);
}

/// <summary>/forget: delete every answer you wrote, then unpair (asks first).</summary>
public sealed class ForgetCommand(FarewellService farewell) : ICommandHandler
{
    public Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct) =>
        farewell.AskForgetAsync(c, ct);
}
