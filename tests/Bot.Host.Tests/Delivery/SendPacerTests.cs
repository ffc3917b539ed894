using Bot.Host.Delivery;
using Bot.Host.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Host.Tests.Delivery;

public sealed class SendPacerTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void WaitAsync_ForAFanOut_PacesEvenlyNearTheCeilingAndNeverAboveItInAnySecond()
    {
        using var pacer = new SendPacer(30, _time);
        var turns = Enumerable.Range(0, 300).Select(_ => pacer.WaitAsync(OutboxLane.Background, default)).ToList();

        var sentAt = RunUntilAllDone(turns).Select(t => t - Start).ToList();

        var busiestSecond = sentAt.Max(first => sentAt.Count(t => t >= first && t < first + TimeSpan.FromSeconds(1)));
        var perSecond = (sentAt.Count - 1) / sentAt[^1].TotalSeconds;
        Assert.True(busiestSecond <= 30, $"{busiestSecond} sends within one second.");
        Assert.True(perSecond >= 0.95 * 30, $"{perSecond:F1} sends a second.");
        Assert.True(sentAt.Zip(sentAt.Skip(1)).All(pair => pair.Second - pair.First > TimeSpan.FromMilliseconds(30)),
            "Some sends left in a burst.");
    }

    [Fact]
    public void WaitAsync_AfterAQuietSpell_GoesAtOnce()
    {
        using var pacer = new SendPacer(30, _time);
        _time.Advance(TimeSpan.FromMinutes(1));

        var turn = pacer.WaitAsync(OutboxLane.Background, default);

        Assert.True(turn.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitAsync_AReplyArrivingBehindAQueueOfBackgroundSends_GoesNext()
    {
        using var pacer = new SendPacer(30, _time);
        var background = Enumerable.Range(0, 20).Select(_ => pacer.WaitAsync(OutboxLane.Background, default)).ToList();

        var reply = pacer.WaitAsync(OutboxLane.Reply, default);
        while (!reply.IsCompleted)
        {
            _time.Advance(Step);
        }

        Assert.Equal(1, background.Count(t => t.IsCompleted));
        Assert.True(_time.GetUtcNow() - Start < TimeSpan.FromMilliseconds(40));
    }

    [Fact]
    public async Task WaitAsync_Cancelled_GivesItsTurnToTheNextInLine()
    {
        using var pacer = new SendPacer(30, _time);
        using var cancel = new CancellationTokenSource();
        var first = pacer.WaitAsync(OutboxLane.Background, default);
        var cancelled = pacer.WaitAsync(OutboxLane.Background, cancel.Token);
        var third = pacer.WaitAsync(OutboxLane.Background, default);

        await cancel.CancelAsync();
        while (!third.IsCompleted)
        {
            _time.Advance(Step);
        }

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(cancelled.IsCanceled);
        Assert.True(_time.GetUtcNow() - Start < TimeSpan.FromMilliseconds(40));
    }

    private List<DateTimeOffset> RunUntilAllDone(List<Task> turns)
    {
        var doneAt = new DateTimeOffset?[turns.Count];
        while (true)
        {
            for (var i = 0; i < turns.Count; i++)
            {
                if (doneAt[i] is null && turns[i].IsCompletedSuccessfully)
                {
                    doneAt[i] = _time.GetUtcNow();
                }
            }

            if (doneAt.All(t => t is not null))
            {
                return doneAt.Select(t => t!.Value).Order().ToList();
            }

            _time.Advance(Step);
        }
    }
}
