using Bot.Core.Application;

namespace Bot.Core.Tests;

/// <summary>
/// /forget withdraws every message still waiting that carries the person's words; the harness's outbox never
/// delivers, so whatever is left in it after /forget would still reach someone.
/// </summary>
public sealed class ForgetTests
{
    private const string MyQuestion = "What would you do with a free Saturday?";
    private const string Topic = "the money talk";

    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task MyBowlQuestion_HeldForThePartnersMorning_IsWithdrawnByMyForget()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(bea, "/timezone Pacific/Auckland");
        await _bot.SendAsync(alex, "/bowl add " + MyQuestion);
        await _bot.SendAsync(alex, "/draw");
        Assert.Contains(_bot.MessagesTo(bea), m => m.Text.Contains(MyQuestion, StringComparison.Ordinal) && m.NotBefore is not null);

        await ForgetAsync(alex);

        Assert.DoesNotContain(_bot.Messages, m => m.Text.Contains(MyQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyBowlQuestion_InARoundTheyShared_IsReplacedInThePartnersJournal()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/bowl add " + MyQuestion);
        await _bot.SendAsync(bea, "/draw");
        await _bot.AnswerAsync(alex, "sleep in");
        await _bot.AnswerAsync(bea, "a long walk by the sea");

        await ForgetAsync(alex);
        await _bot.SendAsync(bea, "/history");

        var history = _bot.LastTextTo(bea);
        Assert.DoesNotContain(MyQuestion, history, StringComparison.Ordinal);
        Assert.Contains(Copy.ForgottenBowlQuestion, history, StringComparison.Ordinal);
        Assert.Contains("a long walk by the sea", history, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Store.Rounds.All.SelectMany(r => r.Questions), q => q.Text == MyQuestion);
    }

    [Fact]
    public async Task ThePartnersCooldownStatus_QuotingMyTopic_IsWithdrawnByMyForget()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/cooldown 90m " + Topic);
        await _bot.SendAsync(bea, "/cooldown");
        Assert.Contains(Topic, _bot.LastTextTo(bea), StringComparison.Ordinal);

        await ForgetAsync(alex);

        Assert.DoesNotContain(_bot.Messages, m => m.Text.Contains(Topic, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePartnersTrendChart_ShowingMyPulse_IsWithdrawnByMyForget()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        await WeekAsync(alex, bea);
        _bot.Advance(TimeSpan.FromDays(7));
        await WeekAsync(alex, bea);
        await _bot.SendAsync(bea, "/trend");
        Assert.Contains(_bot.MessagesTo(bea), m => m.Attachment is not null);

        await ForgetAsync(alex);

        Assert.DoesNotContain(_bot.Messages, m => m.Attachment is not null);
    }

    [Fact]
    public async Task EveryMessageCarryingMyWords_IsTaggedWithMe_WhicheverFeatureSentIt()
    {
        const string Mark = "alexmark";
        var (alex, bea) = await _bot.CoupleAsync();
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, 2, 3);
        await _bot.PulseAsync(bea, 4, 4);
        await _bot.AnswerAsync(alex, $"{Mark} 1", $"{Mark} 2", $"{Mark} 3");
        await _bot.AnswerAsync(bea, "b1", "b2", "b3");
        await _bot.SendAsync(alex, $"/bowl add {Mark} what made you laugh?");
        await _bot.SendAsync(alex, $"/bowl add {Mark} what made you laugh most?");
        await _bot.SendAsync(alex, "/bowl");
        await _bot.SendAsync(bea, "/draw");
        await _bot.SendAsync(alex, "/answers");
        await _bot.AnswerAsync(alex, $"{Mark} bowl answer");
        await _bot.SendAsync(alex, "/answers");
        await _bot.PressOfferedAsync(alex, "ans:w");
        await _bot.AnswerAsync(bea, "b bowl");
        await _bot.SendAsync(alex, "/bowl remove 1");
        await _bot.SendAsync(alex, $"/bucket add {Mark} northern lights");
        await _bot.SendAsync(bea, "/bucket");
        await _bot.SendAsync(bea, "/bucket done 1");
        await _bot.SendAsync(alex, $"/note {Mark} sleep well");
        await _bot.SendAsync(alex, $"/capsule {_bot.Clock.GetUtcNow().AddDays(2):yyyy-MM-dd} {Mark} open me");
        await _bot.SendAsync(alex, $"/cooldown 90m {Mark} topic");
        await _bot.SendAsync(bea, "/cooldown");
        await _bot.SendAsync(alex, "/cooldown");
        _bot.Advance(TimeSpan.FromDays(3));
        await _bot.SweepAllAsync();
        await _bot.SendAsync(bea, "/firsttime");
        await _bot.SendAsync(bea, "/history");
        await _bot.SendAsync(bea, "/export");
        await _bot.SendAsync(bea, "/status");

        var alexId = _bot.Stored(alex).Id;
        var carrying = _bot.Messages.Where(m => m.Text.Contains(Mark, StringComparison.Ordinal)
            || (m.Attachment is { } file && System.Text.Encoding.UTF8.GetString(file.Content.Span).Contains(Mark, StringComparison.Ordinal)))
            .ToList();
        Assert.True(carrying.Count > 15, $"only {carrying.Count} messages carried the words");
        Assert.All(carrying, m => Assert.True(m.WordsOf.Contains(alexId), $"Untagged: {m.Text}"));
    }

    private async Task WeekAsync(TestUser alex, TestUser bea)
    {
        await _bot.SendAsync(alex, "/checkin");
        await _bot.PulseAsync(alex, 4, 3);
        await _bot.PulseAsync(bea, 5, 5);
        await _bot.AnswerAsync(alex, "a", "b", "c");
        await _bot.AnswerAsync(bea, "d", "e", "f");
    }

    private async Task ForgetAsync(TestUser who)
    {
        await _bot.SendAsync(who, "/forget");
        await _bot.PressOfferedAsync(who, "forget");
    }
}
