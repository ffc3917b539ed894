using Bot.Core.Application;
using Bot.Core.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests;

/// <summary>The weekly ritual rotates its wording through the weekly deck, one variant per theme.</summary>
public sealed class WeeklyWordingTests
{
    // A new couple's first check-in is on Sunday 8 March 2026 at 19:00 UTC, then every Sunday.
    private static readonly DateTimeOffset FirstSunday = new(2026, 3, 8, 19, 0, 0, TimeSpan.Zero);

    private readonly CoreHarness _bot = new();

    private Deck Weekly => _bot.Catalog.Weekly!;

    [Fact]
    public void RitualThemes_MatchOurDefaultQuestionsOneToOne()
    {
        var themes = RitualTheme.InOrder;

        Assert.Equal(Copy.DefaultRitualQuestions.Count, themes.Count);
    }

    [Fact]
    public async Task WeeklyRounds_RotateEachThemesWordingWithNoRepeatUntilItsVariantsAreUsedUp()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var sweeper = RotatingSweeper(_bot);
        var variants = RitualTheme.InOrder
            .Select(theme => Weekly.Questions.Where(q => q.Theme == theme).Select(q => q.Id).ToList())
            .ToList();
        var weeks = variants.Max(v => v.Count) + 1;
        var rounds = new List<Round>();

        for (var week = 0; week < weeks; week++)
        {
            rounds.Add(await WeeklyRoundAsync(sweeper, alex, bea, week));
        }

        for (var theme = 0; theme < variants.Count; theme++)
        {
            var asked = rounds.Select(r => r.Questions[theme].QuestionId!).ToList();
            var count = variants[theme].Count;
            Assert.Equal(variants[theme].Order(StringComparer.Ordinal), asked.Take(count).Order(StringComparer.Ordinal));
            Assert.Contains(asked[count], variants[theme]);
        }
    }

    [Fact]
    public async Task WeeklyRound_AsksLovedHardUnsaidInTheVariantsWording_AndKeepsThatWordingInHistory()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var sweeper = RotatingSweeper(_bot);

        var round = await WeeklyRoundAsync(sweeper, alex, bea, 0);

        var asked = round.Questions.Select(q => Weekly.Questions.Single(v => v.Id == q.QuestionId)).ToList();
        Assert.Equal([1, 2, 3], round.Questions.Select(q => q.Position));
        Assert.Equal(RitualTheme.InOrder, asked.Select(q => q.Theme));
        Assert.Equal(asked.Select(q => q.Text), round.Questions.Select(q => q.Text));
        Assert.Contains(_bot.TextsTo(bea), t => t.Contains($"(1/3) {asked[0].Text}", StringComparison.Ordinal));
        var stored = Assert.Single(_bot.Store.Rounds.All);
        Assert.Equal(RoundState.Revealed, stored.State);
        Assert.Equal(round.Questions, stored.Questions);
        Assert.All(asked, q => Assert.Contains(q.Text, _bot.LastTextTo(alex), StringComparison.Ordinal));
    }

    [Fact]
    public async Task WeeklyRound_WithConfiguredQuestions_AsksExactlyThoseAndDrawsNothing()
    {
        var bot = new CoreHarness(o =>
        {
            o.Questions.Add("What made you smile this week?");
            o.Questions.Add("What would you like more of?");
        });
        var (alex, _) = await bot.CoupleAsync();

        var round = await OpenWeeklyAsync(bot, RotatingRounds(bot), alex);

        Assert.Equal(
            ["What made you smile this week?", "What would you like more of?"],
            round.Questions.Select(q => q.Text));
        Assert.All(round.Questions, q => Assert.Null(q.QuestionId));
        Assert.Empty(await bot.Store.Ledger.GetDrawnAsync(round.CoupleId, "weekly", CancellationToken.None));
    }

    [Fact]
    public async Task WeeklyRound_WhenAThemeHasNoVariants_UsesOurDefaultWordingForIt()
    {
        var (alex, _) = await _bot.CoupleAsync();
        var catalog = WeeklyCatalog(
            new Question("w-loved", "Who made you feel loved?", QuestionDepth.Light, RitualTheme.Loved),
            new Question("w-plain", "How was your week?", QuestionDepth.Light));

        var round = await OpenWeeklyAsync(_bot, RotatingRounds(_bot, catalog), alex);

        Assert.Equal(
            [
                new RoundQuestion(1, "w-loved", "Who made you feel loved?"),
                new RoundQuestion(2, null, Copy.DefaultRitualQuestions[1]),
                new RoundQuestion(3, null, Copy.DefaultRitualQuestions[2]),
            ],
            round.Questions);
    }

    [Fact]
    public async Task WeeklyRound_WhenOneThemeStartsOver_TheOtherThemesAndDeckDrawsAreKept()
    {
        var (alex, _) = await _bot.CoupleAsync();
        var catalog = WeeklyCatalog(
            new Question("loved-1", "Loved, the only way?", QuestionDepth.Light, RitualTheme.Loved),
            new Question("hard-1", "Hard, one way?", QuestionDepth.Light, RitualTheme.Hard),
            new Question("hard-2", "Hard, another way?", QuestionDepth.Light, RitualTheme.Hard),
            new Question("unsaid-1", "Unsaid, one way?", QuestionDepth.Light, RitualTheme.Unsaid),
            new Question("unsaid-2", "Unsaid, another way?", QuestionDepth.Light, RitualTheme.Unsaid),
            new Question("plain", "Drawn with /question?", QuestionDepth.Light));
        var rounds = RotatingRounds(_bot, catalog);
        var coupleId = _bot.ActiveCouple(alex)!.Id;
        await _bot.Store.Ledger.AddAsync(coupleId, "weekly", "plain", _bot.Clock.GetUtcNow(), CancellationToken.None);

        var first = await OpenWeeklyAsync(_bot, rounds, alex);
        var second = await OpenWeeklyAsync(_bot, rounds, alex);

        var drawn = await _bot.Store.Ledger.GetDrawnAsync(coupleId, "weekly", CancellationToken.None);
        Assert.Equal("loved-1", first.Questions[0].QuestionId);
        Assert.Equal("loved-1", second.Questions[0].QuestionId);
        Assert.NotEqual(first.Questions[1].QuestionId, second.Questions[1].QuestionId);
        Assert.NotEqual(first.Questions[2].QuestionId, second.Questions[2].QuestionId);
        Assert.Equal(
            ["hard-1", "hard-2", "loved-1", "plain", "unsaid-1", "unsaid-2"],
            drawn.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WeeklyRound_WithoutTheDecks_AsksOurDefaultWording()
    {
        var (alex, _) = await _bot.CoupleAsync();

        var round = await OpenWeeklyAsync(_bot, RotatingRounds(_bot, new DeckCatalog([])), alex);

        Assert.Equal(Copy.DefaultRitualQuestions, round.Questions.Select(q => q.Text));
        Assert.All(round.Questions, q => Assert.Null(q.QuestionId));
    }

    private static RoundService RotatingRounds(CoreHarness bot, DeckCatalog? catalog = null) =>
        new(bot.Store.Rounds, bot.Store.Persons, bot.Messenger, bot.Options, catalog ?? bot.Catalog, bot.Store.Ledger,
            bot.Store.Pulses, bot.Services.GetRequiredService<SupportOfferService>(), bot.Random,
            bot.Services.GetRequiredService<MediaService>(), bot.Clock);

    private static CheckInSweeper RotatingSweeper(CoreHarness bot) =>
        new(bot.Store.Couples, bot.Store.Rounds, RotatingRounds(bot), bot.Store.UnitOfWork, bot.Options, bot.Clock);

    private static DeckCatalog WeeklyCatalog(params Question[] questions) =>
        new([new Deck("weekly", "Weekly ritual", "For this test.", questions)]);

    /// <summary>Opens a weekly round for the couple and cancels it again, so the next one can open.</summary>
    private static async Task<Round> OpenWeeklyAsync(CoreHarness bot, RoundService rounds, TestUser member)
    {
        var couple = bot.ActiveCouple(member)!;
        var (a, b) = await rounds.PartnersAsync(couple, CancellationToken.None);
        var round = await rounds.OpenWeeklyAsync(couple, a, b, CancellationToken.None);
        await rounds.CancelOpenAsync(couple.Id, CancellationToken.None);
        return round;
    }

    /// <summary>Lets the scheduled check-in of the given week open, then both partners answer every question.</summary>
    private async Task<Round> WeeklyRoundAsync(CheckInSweeper sweeper, TestUser alex, TestUser bea, int week)
    {
        _bot.AdvanceTo(FirstSunday.AddDays(7 * week));
        var result = await sweeper.RunAsync(CancellationToken.None);
        Assert.Equal(1, result.CheckInsOpened);
        var round = _bot.OpenRound(alex)!;
        await _bot.AnswerAsync(alex, "one", "two", "three");
        await _bot.AnswerAsync(bea, "uno", "dos", "tres");
        Assert.Null(_bot.OpenRound(alex));
        return round;
    }
}
