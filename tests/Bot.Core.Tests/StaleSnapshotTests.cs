using System.Reflection;
using Bot.Core.Application;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests;

/// <summary>
/// What happens between the sweep's due query and an item's own transaction counts: each item is read again
/// inside it. The query is hooked so a person's action lands exactly in that gap.
/// </summary>
public sealed class StaleSnapshotTests
{
    private static readonly DateTimeOffset FirstSunday = new(2026, 3, 8, 19, 0, 0, TimeSpan.Zero);

    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task CheckIn_PausedAfterTheDueQuery_DoesNotOpen()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstSunday);
        _bot.ClearOutbox();
        var couples = AfterQuery<ICoupleRepository>(_bot.Store.Couples, nameof(ICoupleRepository.FindDueCheckInsAsync),
            () => _bot.SendAsync(alex, "/pause 2w"));

        var result = await SweeperWith(couples, _bot.Store.Rounds).RunAsync(CancellationToken.None);

        Assert.Equal((0, 1), (result.CheckInsOpened, result.CheckInsMissed));
        Assert.Null(_bot.OpenRound(alex));
        Assert.DoesNotContain(_bot.MessagesTo(bea), m => m.Text.Contains(Copy.PulseQuestion(PulseScale.Loved), StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckIn_CoolingDownAfterTheDueQuery_DoesNotOpen()
    {
        var (alex, _) = await _bot.CoupleAsync();
        _bot.AdvanceTo(FirstSunday);
        var couples = AfterQuery<ICoupleRepository>(_bot.Store.Couples, nameof(ICoupleRepository.FindDueCheckInsAsync),
            () => _bot.SendAsync(alex, "/cooldown 2h"));

        var result = await SweeperWith(couples, _bot.Store.Rounds).RunAsync(CancellationToken.None);

        Assert.Equal((0, 1), (result.CheckInsOpened, result.CheckInsMissed));
        Assert.Null(_bot.OpenRound(alex));
    }

    [Fact]
    public async Task Reminder_OfARoundRevealedAfterTheDueQuery_IsNotSent()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, 4, 4);
        await _bot.PulseAsync(bea, 4, 4);
        await _bot.AnswerAsync(alex, "a1", "a2", "a3");
        await _bot.AnswerAsync(bea, "b1", "b2");
        _bot.Advance(_bot.Options.RemindAfter);
        var rounds = AfterQuery<IRoundRepository>(_bot.Store.Rounds, nameof(IRoundRepository.FindDueRemindersAsync),
            async () =>
            {
                await _bot.AnswerAsync(bea, "b3");
                _bot.ClearOutbox();
            });

        var result = await SweeperWith(_bot.Store.Couples, rounds).RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Reminded);
        Assert.Empty(_bot.Messages);
        Assert.Null(Assert.Single(_bot.Store.Rounds.All).RemindedAt);
    }

    private CheckInSweeper SweeperWith(ICoupleRepository couples, IRoundRepository rounds) => new(
        couples, rounds, _bot.Rounds, _bot.Services.GetRequiredService<IUnitOfWork>(), _bot.Options, _bot.Clock);

    private static T AfterQuery<T>(T target, string method, Func<Task> then)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, AfterQueryProxy>();
        var hook = (AfterQueryProxy)(object)proxy;
        (hook.Target, hook.Method, hook.Then) = (target, method, then);
        return proxy;
    }

    /// <summary>Passes every call through; after the named query's first answer, runs <see cref="Then"/> once.</summary>
    public class AfterQueryProxy : DispatchProxy
    {
        public object Target { get; set; } = null!;

        public string Method { get; set; } = "";

        public Func<Task>? Then { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(Target, args);
            return targetMethod.Name == Method && result is Task<IReadOnlyList<long>> query ? ThenAsync(query) : result;
        }

        private async Task<IReadOnlyList<long>> ThenAsync(Task<IReadOnlyList<long>> query)
        {
            var ids = await query;
            if (Then is { } then)
            {
                Then = null;
                await then();
            }

            return ids;
        }
    }
}
