using Bot.Core.Domain;

namespace Bot.Host.Tests.Storage;

public abstract partial class RepositoryContractTests
{
    [Fact]
    public async Task Upsert_NewUser_CreatesReachablePersonWithoutThrottle()
    {
        var chat = new ChatAddress(Platform.Telegram, "42");

        var person = await Persons.UpsertAsync(TelegramUser("42"), "Sam", chat, Now, CancellationToken.None);

        Assert.True(person.Id > 0);
        Assert.Equal(TelegramUser("42"), person.User);
        Assert.Equal("Sam", person.DisplayName);
        Assert.Equal(chat, person.PrivateChat);
        Assert.True(person.IsReachable);
        Assert.Equal(JoinThrottle.None, person.Throttle);
        Assert.Equal(Now, person.CreatedAt);
        Assert.Equal(person, await Persons.GetAsync(person.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Upsert_KnownUser_UpdatesNameAndKeepsIdAndCreation()
    {
        var first = await Persons.UpsertAsync(TelegramUser("42"), "Sam", null, Now, CancellationToken.None);

        var second = await Persons.UpsertAsync(
            TelegramUser("42"), "Sammy", null, Now.AddDays(1), CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Sammy", second.DisplayName);
        Assert.Equal(Now, second.CreatedAt);
        Assert.Null(second.PrivateChat);
    }

    [Fact]
    public async Task Upsert_WithPrivateChat_RecordsChatAndMarksReachableAgain()
    {
        var chat = new ChatAddress(Platform.Telegram, "42");
        await Persons.UpsertAsync(TelegramUser("42"), "Sam", chat, Now, CancellationToken.None);
        await Persons.MarkUnreachableAsync(chat, CancellationToken.None);

        var person = await Persons.UpsertAsync(TelegramUser("42"), "Sam", chat, Now, CancellationToken.None);

        Assert.True(person.IsReachable);
        Assert.Equal(chat, person.PrivateChat);
    }

    [Fact]
    public async Task Upsert_WithoutPrivateChat_KeepsKnownChatAndReachability()
    {
        var chat = new ChatAddress(Platform.Telegram, "42");
        await Persons.UpsertAsync(TelegramUser("42"), "Sam", chat, Now, CancellationToken.None);
        await Persons.MarkUnreachableAsync(chat, CancellationToken.None);

        var person = await Persons.UpsertAsync(TelegramUser("42"), "Sam in a group", null, Now, CancellationToken.None);

        Assert.Equal(chat, person.PrivateChat);
        Assert.False(person.IsReachable);
        Assert.Equal("Sam in a group", person.DisplayName);
    }

    [Fact]
    public async Task Upsert_SameIdOnAnotherPlatform_CreatesAnotherPerson()
    {
        var telegram = await Persons.UpsertAsync(TelegramUser("42"), "Sam", null, Now, CancellationToken.None);

        var discord = await Persons.UpsertAsync(
            new ChatUser(Platform.Discord, "42"), "Sam", null, Now, CancellationToken.None);

        Assert.NotEqual(telegram.Id, discord.Id);
        Assert.Equal(Platform.Discord, discord.User.Platform);
    }

    [Fact]
    public async Task Upsert_PrivateChatOnAnotherPlatform_Throws()
    {
        var chat = new ChatAddress(Platform.Discord, "42");

        var upsert = () => Persons.UpsertAsync(TelegramUser("42"), "Sam", chat, Now, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(upsert);
    }

    [Fact]
    public async Task Upsert_StoresTimestampsToTheMillisecondInUtc()
    {
        var local = new DateTimeOffset(2025, 3, 3, 11, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);

        var person = await Persons.UpsertAsync(TelegramUser("42"), "Sam", null, local, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 0, 0, 123, TimeSpan.Zero), person.CreatedAt);
        Assert.Equal(TimeSpan.Zero, person.CreatedAt.Offset);
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        var person = await Persons.GetAsync(404, CancellationToken.None);

        Assert.Null(person);
    }

    [Fact]
    public async Task SaveThrottle_StoresFailuresAndWindow()
    {
        var person = await PersonAsync("42");
        var throttle = new JoinThrottle(3, Now.AddMinutes(-5));

        await Persons.SaveThrottleAsync(person.Id, throttle, CancellationToken.None);

        Assert.Equal(throttle, (await Persons.GetAsync(person.Id, CancellationToken.None))!.Throttle);
    }

    [Fact]
    public async Task SaveThrottle_None_ClearsTheWindow()
    {
        var person = await PersonAsync("42");
        await Persons.SaveThrottleAsync(person.Id, new JoinThrottle(3, Now), CancellationToken.None);

        await Persons.SaveThrottleAsync(person.Id, JoinThrottle.None, CancellationToken.None);

        Assert.Equal(JoinThrottle.None, (await Persons.GetAsync(person.Id, CancellationToken.None))!.Throttle);
    }

    [Fact]
    public async Task MarkUnreachable_MarksOnlyWhoeverHasThatChat()
    {
        var blocked = await PersonAsync("1");
        var other = await PersonAsync("2");

        await Persons.MarkUnreachableAsync(new ChatAddress(Platform.Telegram, "1"), CancellationToken.None);

        Assert.False((await Persons.GetAsync(blocked.Id, CancellationToken.None))!.IsReachable);
        Assert.True((await Persons.GetAsync(other.Id, CancellationToken.None))!.IsReachable);
    }

    [Fact]
    public async Task MarkUnreachable_SameChatIdOnAnotherPlatform_ChangesNothing()
    {
        var person = await PersonAsync("1");

        await Persons.MarkUnreachableAsync(new ChatAddress(Platform.Discord, "1"), CancellationToken.None);

        Assert.True((await Persons.GetAsync(person.Id, CancellationToken.None))!.IsReachable);
    }

    [Fact]
    public async Task Upsert_NewUser_GoesByTheCouplesZone_WithNightQuietHours_AndNoNudgeYet()
    {
        var person = await PersonAsync("42");

        Assert.Null(person.TimeZone);
        Assert.Equal(QuietHours.Default, person.QuietHours);
        Assert.Null(person.LastNudgeAt);
    }

    [Fact]
    public async Task SaveTimeZone_IsReadBack_AndNullGoesBackToTheCouplesZone()
    {
        var person = await PersonAsync("42");

        await Persons.SaveTimeZoneAsync(person.Id, "Asia/Tokyo", CancellationToken.None);
        var set = await Persons.GetAsync(person.Id, CancellationToken.None);
        await Persons.SaveTimeZoneAsync(person.Id, null, CancellationToken.None);
        var cleared = await Persons.GetAsync(person.Id, CancellationToken.None);

        Assert.Equal("Asia/Tokyo", set!.TimeZone);
        Assert.Null(cleared!.TimeZone);
    }

    [Fact]
    public async Task SaveAwaiting_IsReadBack_AndNullLetsGo()
    {
        var person = await PersonAsync("42");

        await Persons.SaveAwaitingAsync(person.Id, WelcomeInput.City, Now, CancellationToken.None);
        var set = await Persons.GetAsync(person.Id, CancellationToken.None);
        await Persons.SaveAwaitingAsync(person.Id, null, null, CancellationToken.None);
        var cleared = await Persons.GetAsync(person.Id, CancellationToken.None);

        Assert.Equal((WelcomeInput.City, Now), (set!.Awaiting, set.AwaitingSince));
        Assert.Equal((null, null), (cleared!.Awaiting, cleared.AwaitingSince));
        Assert.Null(person.Awaiting);
    }

    [Fact]
    public async Task SaveQuietHours_KeepsTheMinutes_AndOffIsNull()
    {
        var person = await PersonAsync("42");
        var quiet = new QuietHours(new TimeOnly(23, 45), new TimeOnly(6, 15));

        await Persons.SaveQuietHoursAsync(person.Id, quiet, CancellationToken.None);
        var set = await Persons.GetAsync(person.Id, CancellationToken.None);
        await Persons.SaveQuietHoursAsync(person.Id, null, CancellationToken.None);
        var off = await Persons.GetAsync(person.Id, CancellationToken.None);
        var again = await Persons.UpsertAsync(TelegramUser("42"), "Sam", null, Now, CancellationToken.None);

        Assert.Equal(quiet, set!.QuietHours);
        Assert.Null(off!.QuietHours);
        Assert.Null(again.QuietHours);
    }

    [Fact]
    public async Task TryMarkNudged_OnlyFromTheExpectedLastNudge()
    {
        var person = await PersonAsync("42");

        var first = await Persons.TryMarkNudgedAsync(person.Id, null, Now, CancellationToken.None);
        var stale = await Persons.TryMarkNudgedAsync(person.Id, null, Now.AddMinutes(1), CancellationToken.None);
        var next = await Persons.TryMarkNudgedAsync(person.Id, Now, Now.AddDays(1), CancellationToken.None);

        Assert.Equal((true, false, true), (first, stale, next));
        Assert.Equal(Now.AddDays(1), (await Persons.GetAsync(person.Id, CancellationToken.None))!.LastNudgeAt);
    }
}
