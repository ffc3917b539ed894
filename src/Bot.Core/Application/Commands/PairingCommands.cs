using System.Diagnostics;

namespace Bot.Core.Application.Commands;

/// <summary>/pair: a fresh invite code for the partner.</summary>
public sealed class PairCommand(PairingService pairing, Messenger messenger) : ICommandHandler
{
    public async Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Partner is { } partner)
        {
            await messenger.ReplyAsync(c, Copy.AlreadyPaired(c.Me.DisplayName, partner.DisplayName), ct)
                .ConfigureAwait(false);
            return;
        }

        var invite = await pairing.CreateInviteAsync(c.Me, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.InviteCreated(c.Me.DisplayName, invite.Code), ct).ConfigureAwait(false);
    }
}

/// <summary>/join CODE: pair with whoever made the code; both hear it.</summary>
public sealed class JoinCommand(PairingService pairing, WelcomeService welcome, Messenger messenger) : ICommandHandler
{
    public async Task HandleAsync(Conversation c, CommandArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(arguments);
        var name = c.Me.DisplayName;
        var outcome = await pairing.JoinAsync(c.Me, arguments.Text("code") ?? "", ct).ConfigureAwait(false);
        if (outcome is JoinOutcome.Paired paired)
        {
            var schedule = Copy.ScheduleSummary(paired.Couple);
            await messenger.ReplyAsync(c, Copy.PairedWith(name, paired.Owner.DisplayName, schedule), ct)
                .ConfigureAwait(false);
            await messenger.ToPartnerAsync(paired.Owner, paired.Couple,
                Copy.PairedWith(paired.Owner.DisplayName, name, schedule), ct).ConfigureAwait(false);
            await welcome.StartAsync(paired.Couple, c.Me, paired.Owner, ct).ConfigureAwait(false);
            return;
        }

        var reply = outcome switch
        {
            JoinOutcome.CodeUnknown => Copy.CodeUnknown(name),
            JoinOutcome.CodeExpired => Copy.CodeExpired(name),
            JoinOutcome.CodeUsed => Copy.CodeUsed(name),
            JoinOutcome.OwnCode => Copy.OwnCode(name),
            JoinOutcome.AlreadyPaired already => Copy.AlreadyPaired(name, already.Partner.DisplayName),
            JoinOutcome.OwnerAlreadyPaired => Copy.OwnerAlreadyPaired(name),
            JoinOutcome.Throttled throttled => Copy.TooManyTries(name, (int)Math.Ceiling(throttled.RetryAfter.TotalMinutes)),
            _ => throw new UnreachableException($"Unhandled join outcome {outcome.GetType().Name}."),
        };
        await messenger.ReplyAsync(c, reply, ct).ConfigureAwait(false);
    }
}
