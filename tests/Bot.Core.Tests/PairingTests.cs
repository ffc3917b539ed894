using System.Text.RegularExpressions;
using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class PairingTests
{
    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task Pair_RepliesWithJoinLineOfTenAlphabetSymbols()
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, "/pair");

        var reply = _bot.LastTextTo(alex);
        var match = Regex.Match(reply, @"/join (\S{5})-(\S{5})");
        Assert.True(match.Success, reply);
        var code = match.Groups[1].Value + match.Groups[2].Value;
        Assert.All(code, symbol => Assert.Contains(symbol, InviteCode.Alphabet));
        Assert.Contains("Alex", reply, StringComparison.Ordinal);
        var invite = Assert.Single(_bot.Store.Invites.All);
        Assert.Equal(code, invite.Code);
        Assert.Equal(CoreHarness.Start + TimeSpan.FromHours(24), invite.ExpiresAt);
    }

    [Theory]
    [InlineData("lower case")]
    [InlineData("no dash")]
    [InlineData("spaces")]
    [InlineData("spaced dash")]
    public async Task Join_IgnoresCaseDashesAndSpaces(string shape)
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        var plain = code.Replace("-", "", StringComparison.Ordinal);
        var typed = shape switch
        {
            "lower case" => code.ToLowerInvariant(),
            "no dash" => plain,
            "spaces" => $" {string.Join(' ', plain.Chunk(2).Select(pair => new string(pair)))} ",
            _ => code.Replace("-", " - ", StringComparison.Ordinal).ToLowerInvariant(),
        };

        await _bot.SendAsync(bea, $"/join {typed}");

        Assert.NotNull(_bot.ActiveCouple(bea));
        Assert.Equal(_bot.ActiveCouple(alex), _bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Join_WithValidCode_PairsAndTellsBoth()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        _bot.ClearOutbox();

        await _bot.SendAsync(bea, $"/join {code}");

        var couple = _bot.ActiveCouple(alex);
        Assert.NotNull(couple);
        Assert.True(couple.Includes(_bot.Stored(bea).Id));
        var toBea = Assert.Single(_bot.MessagesTo(bea), m => m.Text.Contains("You and Alex are paired, Bea", StringComparison.Ordinal));
        Assert.Single(_bot.MessagesTo(alex), m => m.Text.Contains("You and Bea are paired, Alex", StringComparison.Ordinal));
        Assert.Contains("Sunday 8 March, 19:00", toBea.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 19, 0, 0, TimeSpan.Zero), couple.NextCheckInAt);
        Assert.NotNull(Assert.Single(_bot.Store.Invites.All).UsedAt);
    }

    [Fact]
    public async Task Join_WithCodeSentAsPlainText_PairsTheUnpairedSender()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);

        await _bot.TextAsync(bea, code.ToLowerInvariant());

        Assert.NotNull(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Join_WithUsedCode_ReturnsCodeUsed()
    {
        var (alex, bea, cam) = (_bot.Person("Alex"), _bot.Person("Bea"), _bot.Person("Cam"));
        var code = await _bot.PairCodeAsync(alex);
        await _bot.SendAsync(bea, $"/join {code}");

        await _bot.SendAsync(cam, $"/join {code}");

        Assert.Equal(Copy.CodeUsed("Cam"), _bot.LastTextTo(cam));
        Assert.Null(_bot.ActiveCouple(cam));
        Assert.Single(_bot.Store.Couples.All);
    }

    [Fact]
    public async Task Join_WithExpiredCode_ReturnsCodeExpired()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        _bot.Advance(TimeSpan.FromHours(24));

        await _bot.SendAsync(bea, $"/join {code}");

        Assert.Equal(Copy.CodeExpired("Bea"), _bot.LastTextTo(bea));
        Assert.Null(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Join_JustBeforeExpiry_Pairs()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        _bot.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        await _bot.SendAsync(bea, $"/join {code}");

        Assert.NotNull(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Pair_Again_ReplacesTheUnusedCode()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var first = await _bot.PairCodeAsync(alex);
        var second = await _bot.PairCodeAsync(alex);

        await _bot.SendAsync(bea, $"/join {first}");

        Assert.NotEqual(first, second);
        Assert.Equal(Copy.CodeUnknown("Bea"), _bot.LastTextTo(bea));
        Assert.Single(_bot.Store.Invites.All);
        await _bot.SendAsync(bea, $"/join {second}");
        Assert.NotNull(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Join_RemovesTheJoinersOwnUnusedCode()
    {
        var (alex, bea, cam) = (_bot.Person("Alex"), _bot.Person("Bea"), _bot.Person("Cam"));
        var beasCode = await _bot.PairCodeAsync(bea);
        var alexsCode = await _bot.PairCodeAsync(alex);
        await _bot.SendAsync(bea, $"/join {alexsCode}");

        await _bot.SendAsync(cam, $"/join {beasCode}");

        Assert.Equal(Copy.CodeUnknown("Cam"), _bot.LastTextTo(cam));
        Assert.Null(_bot.ActiveCouple(cam));
    }

    [Fact]
    public async Task Join_WithOwnCode_ReturnsOwnCodeWithoutCountingAFailure()
    {
        var alex = _bot.Person("Alex");
        var code = await _bot.PairCodeAsync(alex);

        await _bot.SendAsync(alex, $"/join {code}");

        Assert.Equal(Copy.OwnCode("Alex"), _bot.LastTextTo(alex));
        Assert.Null(_bot.ActiveCouple(alex));
        Assert.Equal(0, _bot.Stored(alex).Throttle.Failures);
    }

    [Fact]
    public async Task Join_WhenJoinerIsAlreadyPaired_ReturnsAlreadyPaired()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var cam = _bot.Person("Cam");
        var code = await _bot.PairCodeAsync(cam);

        await _bot.SendAsync(bea, $"/join {code}");

        Assert.Equal(Copy.AlreadyPaired("Bea", "Alex"), _bot.LastTextTo(bea));
        Assert.Null(_bot.ActiveCouple(cam));
        Assert.Single(_bot.Store.Couples.All);
        Assert.NotNull(_bot.ActiveCouple(alex));
    }

    [Fact]
    public async Task Pair_WhenAlreadyPaired_RepliesAlreadyPairedWithoutACode()
    {
        var (alex, _) = await _bot.CoupleAsync();

        await _bot.SendAsync(alex, "/pair");

        Assert.Equal(Copy.AlreadyPaired("Alex", "Bea"), _bot.LastTextTo(alex));
        Assert.DoesNotContain(_bot.Store.Invites.All, i => !i.IsUsed);
    }

    [Fact]
    public async Task Join_WhenOwnerPairedMeanwhile_ReturnsOwnerAlreadyPaired()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        var dana = _bot.Person("Dana");
        await _bot.SendAsync(dana, "/start");
        var now = _bot.Clock.GetUtcNow();
        await _bot.Store.Couples.AddAsync(
            new Couple(0, _bot.Stored(alex).Id, _bot.Stored(dana).Id, "UTC",
                new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 0), true), null, null, now, null),
            CancellationToken.None);

        await _bot.SendAsync(bea, $"/join {code}");

        Assert.Equal(Copy.OwnerAlreadyPaired("Bea"), _bot.LastTextTo(bea));
        Assert.Null(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Join_WithUnknownCode_ReturnsCodeUnknown()
    {
        var bea = _bot.Person("Bea");

        await _bot.SendAsync(bea, "/join ABCDE-FGHJK");

        Assert.Equal(Copy.CodeUnknown("Bea"), _bot.LastTextTo(bea));
        Assert.Equal(1, _bot.Stored(bea).Throttle.Failures);
    }

    [Fact]
    public async Task Join_WithoutCode_AsksForTheCode()
    {
        var bea = _bot.Person("Bea");

        await _bot.SendAsync(bea, "/join   ");

        Assert.Equal(Copy.JoinNeedsCode("Bea"), _bot.LastTextTo(bea));
    }

    [Fact]
    public async Task Join_AfterFiveWrongCodesWithinFifteenMinutes_IsThrottledEvenWithTheRightCode()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        for (var i = 0; i < PairingService.MaxFailuresPerWindow; i++)
        {
            await _bot.SendAsync(bea, "/join 22222-22222");
            _bot.Advance(TimeSpan.FromMinutes(2));
        }

        await _bot.SendAsync(bea, $"/join {code}");

        Assert.Equal(Copy.TooManyTries("Bea", 5), _bot.LastTextTo(bea));
        Assert.Null(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Join_AfterFourWrongCodes_StillWorks()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        for (var i = 0; i < PairingService.MaxFailuresPerWindow - 1; i++)
        {
            await _bot.SendAsync(bea, "/join 22222-22222");
        }

        await _bot.SendAsync(bea, $"/join {code}");

        Assert.NotNull(_bot.ActiveCouple(bea));
        Assert.Equal(JoinThrottle.None, _bot.Stored(bea).Throttle);
    }

    [Fact]
    public async Task Join_WhenThrottleWindowHasPassed_IsAllowedAgain()
    {
        var (alex, bea) = (_bot.Person("Alex"), _bot.Person("Bea"));
        var code = await _bot.PairCodeAsync(alex);
        for (var i = 0; i < PairingService.MaxFailuresPerWindow; i++)
        {
            await _bot.SendAsync(bea, "/join 22222-22222");
        }

        _bot.Advance(PairingService.ThrottleWindow - TimeSpan.FromSeconds(1));
        await _bot.SendAsync(bea, $"/join {code}");
        var stillThrottled = _bot.ActiveCouple(bea) is null;
        _bot.Advance(TimeSpan.FromSeconds(1));
        await _bot.SendAsync(bea, $"/join {code}");

        Assert.True(stillThrottled);
        Assert.NotNull(_bot.ActiveCouple(bea));
    }

    [Fact]
    public async Task Join_ThrottleCountsWrongCodesTypedAsPlainText()
    {
        var bea = _bot.Person("Bea");
        for (var i = 0; i < PairingService.MaxFailuresPerWindow; i++)
        {
            await _bot.TextAsync(bea, "22222-22222");
        }

        await _bot.SendAsync(bea, "/join 33333-33333");

        Assert.StartsWith("That's a few wrong codes in a row, Bea", _bot.LastTextTo(bea), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/pair")]
    [InlineData("/join ABCDE-FGHJK")]
    public async Task PairAndJoin_InAGroup_AnswerWithThePrivateOnlyReply(string line)
    {
        var alex = _bot.Person("Alex");

        await _bot.SendInGroupAsync(alex, line);

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal(CoreHarness.Group, reply.To);
        Assert.Equal(Copy.PrivateOnly("Alex"), reply.Text);
        Assert.Empty(_bot.Store.Invites.All);
        Assert.Equal(0, _bot.Stored(alex).Throttle.Failures);
    }
}
