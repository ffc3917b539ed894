using Bot.Core.Application.Buttons;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests;

public sealed class ButtonCatalogTests
{
    [Fact]
    public void Kinds_AreUnique_AndEachHasAHandlerThatResolves()
    {
        var harness = new CoreHarness();

        Assert.Equal(ButtonCatalog.All.Select(k => k.Kind).Distinct(StringComparer.Ordinal), ButtonCatalog.All.Select(k => k.Kind));
        Assert.All(ButtonCatalog.All, k => Assert.IsType(k.Handler, harness.Services.GetRequiredService(k.Handler)));
    }

    [Fact]
    public void Encode_ThenFind_GivesTheKindAndItsFields()
    {
        var payload = ButtonCatalog.Skip.Encode(12L, 3);

        var (kind, fields) = ButtonCatalog.Find(payload)!.Value;

        Assert.Equal("skip:12:3", payload);
        Assert.Same(ButtonCatalog.Skip, kind);
        Assert.Equal(["12", "3"], fields);
        Assert.Empty(ButtonCatalog.Find(ButtonCatalog.Forget.Encode())!.Value.Fields);
    }

    [Theory]
    [InlineData("skipper:1:2")]
    [InlineData("")]
    [InlineData("old-kind")]
    public void Find_OfAPayloadNoKindClaims_IsNull(string payload) => Assert.Null(ButtonCatalog.Find(payload));

    [Fact]
    public void Encode_RefusesAPayloadOverTelegramsLimit() =>
        Assert.Throws<ArgumentException>(() => ButtonCatalog.Deck.Encode(new string('x', 64)));

    [Fact]
    public void Confirmations_WithTheLargestIdsAndTimes_FitTelegramsLimit_AndReadBack()
    {
        var last = DateTimeOffset.MaxValue;

        var unpair = ButtonCatalog.Unpair.EncodeConfirmation(long.MaxValue, last, long.MaxValue, "mine");
        var erase = ButtonCatalog.Erase.EncodeConfirmation(long.MaxValue, last, long.MaxValue, "keep");

        Assert.All([unpair, erase], p => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(p), 1, 64));
        Assert.True(ButtonCatalog.Unpair.IsFreshFor(ButtonCatalog.Find(unpair)!.Value.Fields, long.MaxValue, last, out var inner));
        Assert.Equal([long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), "mine"], inner);
    }

    [Theory]
    [InlineData(0, 7, true)]
    [InlineData(600, 7, true)]
    [InlineData(601, 7, false)]
    [InlineData(-30, 7, true)]
    [InlineData(-120, 7, false)]
    [InlineData(0, 8, false)]
    public void IsFreshFor_HoldsOnlyForThePersonShown_WithinTenMinutes(int secondsLater, long presser, bool fresh)
    {
        var shown = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var fields = ButtonCatalog.Find(ButtonCatalog.Forget.EncodeConfirmation(7, shown))!.Value.Fields;

        var isFresh = ButtonCatalog.Forget.IsFreshFor(fields, presser, shown.AddSeconds(secondsLater), out _);

        Assert.Equal(fresh, isFresh);
    }

    [Theory]
    [InlineData("forget")]
    [InlineData("forget:7")]
    [InlineData("forget:7:soon")]
    [InlineData("forget:7:99999999999999999999")]
    public void IsFreshFor_AnOldOrDamagedConfirmation_IsNot(string payload)
    {
        var fields = ButtonCatalog.Find(payload)!.Value.Fields;

        Assert.False(ButtonCatalog.Forget.IsFreshFor(fields, 7, DateTimeOffset.UnixEpoch, out _));
    }

    [Fact]
    public async Task AStaleKind_GetsAFriendlyReply()
    {
        var harness = new CoreHarness();
        var alex = harness.Person("Alex");

        await harness.PressAsync(alex, "vote:1");

        Assert.Equal(Bot.Core.Application.Copy.StaleButton("Alex"), harness.LastTextTo(alex));
    }
}
