using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class AnswerViewTests
{
    private const long Author = 1;
    private const long Partner = 2;
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HeldDay = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    private static Answer Written(string? text, AnswerVisibility visibility = AnswerVisibility.Shared,
        DateTimeOffset? heldUntil = null) =>
        new(RoundId: 7, Position: 1, PersonId: Author, text, Now.AddDays(-3))
        {
            Visibility = visibility,
            HeldUntil = heldUntil,
        };

    [Theory]
    [InlineData(Author)]
    [InlineData(Partner)]
    [InlineData(null)]
    public void Of_SharedAnswer_ShowsTheWordsToEveryone(long? viewer)
    {
        var view = AnswerView.Of(Written("Our walk"), viewer, Now);

        Assert.Equal(new AnswerView.Shared("Our walk"), view);
    }

    [Fact]
    public void Of_PrivateAnswer_ShowsTheWordsToItsAuthor()
    {
        var view = AnswerView.Of(Written("Just mine", AnswerVisibility.Private), Author, Now);

        Assert.Equal(new AnswerView.Private("Just mine"), view);
    }

    [Theory]
    [InlineData(Partner)]
    [InlineData(null)]
    public void Of_PrivateAnswer_ShowsOthersOnlyThatItWasKept(long? viewer)
    {
        var view = AnswerView.Of(Written("Just mine", AnswerVisibility.Private), viewer, Now);

        Assert.Equal(new AnswerView.Private(null), view);
    }

    [Fact]
    public void Of_PrivateAnswer_StaysKeptLongAfter()
    {
        var view = AnswerView.Of(Written("Just mine", AnswerVisibility.Private), Partner, Now.AddYears(5));

        Assert.Equal(new AnswerView.Private(null), view);
    }

    [Fact]
    public void Of_HeldAnswerBeforeItsDay_ShowsTheWordsAndTheDayToItsAuthor()
    {
        var view = AnswerView.Of(Written("Later", AnswerVisibility.Held, HeldDay), Author, Now);

        Assert.Equal(new AnswerView.Held("Later", HeldDay), view);
    }

    [Theory]
    [InlineData(Partner)]
    [InlineData(null)]
    public void Of_HeldAnswerBeforeItsDay_ShowsOthersOnlyTheDay(long? viewer)
    {
        var view = AnswerView.Of(Written("Later", AnswerVisibility.Held, HeldDay), viewer, HeldDay.AddTicks(-1));

        Assert.Equal(new AnswerView.Held(null, HeldDay), view);
    }

    [Theory]
    [InlineData(Author)]
    [InlineData(Partner)]
    [InlineData(null)]
    public void Of_HeldAnswerFromItsDayOn_IsSharedWithEveryone(long? viewer)
    {
        var answer = Written("Later", AnswerVisibility.Held, HeldDay);

        Assert.Equal(new AnswerView.Shared("Later"), AnswerView.Of(answer, viewer, HeldDay));
        Assert.Equal(new AnswerView.Shared("Later"), AnswerView.Of(answer, viewer, HeldDay.AddDays(1)));
    }

    [Theory]
    [InlineData(Author, "No day")]
    [InlineData(Partner, null)]
    public void Of_HeldAnswerWithoutADay_IsKeptLikeAPrivateOne(long viewer, string? expected)
    {
        var view = AnswerView.Of(Written("No day", AnswerVisibility.Held), viewer, Now);

        Assert.Equal(new AnswerView.Private(expected), view);
    }

    [Theory]
    [InlineData(AnswerVisibility.Shared, Author)]
    [InlineData(AnswerVisibility.Shared, Partner)]
    [InlineData(AnswerVisibility.Private, Partner)]
    public void Of_Pass_ShowsThatTheyPassed(AnswerVisibility visibility, long viewer)
    {
        var view = AnswerView.Of(Written(null, visibility), viewer, Now);

        Assert.Equal(new AnswerView.Passed(), view);
    }

    [Theory]
    [InlineData(Author)]
    [InlineData(Partner)]
    [InlineData(null)]
    public void Of_RemovedAnswer_IsForgottenForEveryone(long? viewer)
    {
        var view = AnswerView.Of(null, viewer, Now);

        Assert.Equal(new AnswerView.Forgotten(), view);
    }
}
