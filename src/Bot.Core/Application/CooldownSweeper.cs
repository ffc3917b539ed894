using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>What one cool-down sweep did; failures are reported, not thrown.</summary>
public sealed record CooldownSweepResult(int Ended, IReadOnlyList<(string Item, Exception Error)> Failures);

/// <summary>
/// Ends cool-downs whose time is up, each in its own transaction; the atomic
/// <see cref="ICoupleRepository.TryEndCooldownAsync"/> makes overlapping sweeps open each come-back round once.
/// </summary>
public sealed class CooldownSweeper(
    ICoupleRepository couples,
    CooldownService cooldowns,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    public async Task<CooldownSweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = new List<(string, Exception)>();
        var ended = 0;
        await DueWork.DrainAsync(
            unitOfWork,
            limit => couples.FindDueCooldownEndsAsync(now, limit, ct),
            couples.GetAsync,
            async (couple, token) =>
            {
                if (couple is { IsActive: true, CooldownUntil: { } until } && until <= now
                    && await cooldowns.EndAsync(couple, now, token).ConfigureAwait(false))
                {
                    ended++;
                }
            },
            "cool-down of couple", failures, ct).ConfigureAwait(false);
        return new CooldownSweepResult(ended, failures);
    }
}
