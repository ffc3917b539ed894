using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>What became of a /join.</summary>
public abstract record JoinOutcome
{
    private JoinOutcome()
    {
    }

    public sealed record Paired(Couple Couple, Person Owner) : JoinOutcome;

    public sealed record CodeUnknown : JoinOutcome;

    public sealed record CodeExpired : JoinOutcome;

    public sealed record CodeUsed : JoinOutcome;

    public sealed record OwnCode : JoinOutcome;

    public sealed record AlreadyPaired(Person Partner) : JoinOutcome;

    public sealed record OwnerAlreadyPaired : JoinOutcome;

    public sealed record Throttled(TimeSpan RetryAfter) : JoinOutcome;
}

/// <summary>Invite codes and pairing two people into a couple.</summary>
public sealed class PairingService(
    IPersonRepository persons,
    ICoupleRepository couples,
    IInviteRepository invites,
    CheckInOptions options,
    TimeProvider time)
{
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan ThrottleWindow = TimeSpan.FromMinutes(15);
    public const int MaxFailuresPerWindow = 5;

    /// <summary>Creates a fresh code for the person, replacing any unused one.</summary>
    public async Task<Invite> CreateInviteAsync(Person owner, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await invites.DeleteUnusedByOwnerAsync(owner.Id, ct).ConfigureAwait(false);
        var invite = new Invite(InviteCode.NewCode(), owner.Id, now, now + InviteLifetime, null, null);
        await invites.AddAsync(invite, ct).ConfigureAwait(false);
        return invite;
    }

    public async Task<JoinOutcome> JoinAsync(Person joiner, string typedCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var throttle = CurrentThrottle(joiner.Throttle, now);
        if (throttle.Failures >= MaxFailuresPerWindow)
        {
            return new JoinOutcome.Throttled(throttle.WindowStartedAt!.Value + ThrottleWindow - now);
        }

        var current = await couples.GetActiveForPersonAsync(joiner.Id, ct).ConfigureAwait(false);
        if (current is not null)
        {
            var partner = await persons.GetAsync(current.PartnerOf(joiner.Id), ct).ConfigureAwait(false);
            return new JoinOutcome.AlreadyPaired(partner!);
        }

        var invite = await invites.FindAsync(InviteCode.Normalize(typedCode), ct).ConfigureAwait(false);
        JoinOutcome? failure = invite switch
        {
            null => new JoinOutcome.CodeUnknown(),
            _ when invite.OwnerId == joiner.Id => new JoinOutcome.OwnCode(),
            { IsUsed: true } => new JoinOutcome.CodeUsed(),
            _ when invite.IsExpiredAt(now) => new JoinOutcome.CodeExpired(),
            _ => null,
        };
        if (failure is not null)
        {
            if (failure is not JoinOutcome.OwnCode)
            {
                var window = throttle.WindowStartedAt ?? now;
                await persons.SaveThrottleAsync(joiner.Id, new JoinThrottle(throttle.Failures + 1, window), ct)
                    .ConfigureAwait(false);
            }

            return failure;
        }

        if (await couples.GetActiveForPersonAsync(invite!.OwnerId, ct).ConfigureAwait(false) is not null)
        {
            return new JoinOutcome.OwnerAlreadyPaired();
        }

        var owner = await persons.GetAsync(invite.OwnerId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Invite owner {invite.OwnerId} is missing.");
        await invites.MarkUsedAsync(invite.Code, joiner.Id, now, ct).ConfigureAwait(false);
        await invites.DeleteUnusedByOwnerAsync(joiner.Id, ct).ConfigureAwait(false);
        await persons.SaveThrottleAsync(joiner.Id, JoinThrottle.None, ct).ConfigureAwait(false);

        var schedule = new WeeklySchedule(options.DefaultDay, options.DefaultTime, IsEnabled: true);
        var timeZone = TimeZones.IsValid(options.DefaultTimeZone) ? options.DefaultTimeZone : "UTC";
        var couple = await couples.AddAsync(
            new Couple(0, owner.Id, joiner.Id, timeZone, schedule,
                ScheduleCalculator.NextCheckIn(schedule, timeZone, now), null, now, null)
            {
                NextFirstTimeAt = FirstTimeService.NextProposalAt(timeZone, now),
                // Nobody's clock yet: the warm start asks each of them, and they agree their slot.
                TimeZoneIsGuess = true,
                SlotIsDefault = true,
            },
            ct).ConfigureAwait(false);
        return new JoinOutcome.Paired(couple, owner);
    }

    private static JoinThrottle CurrentThrottle(JoinThrottle throttle, DateTimeOffset now) =>
        throttle.WindowStartedAt is { } started && now - started < ThrottleWindow ? throttle : JoinThrottle.None;
}
