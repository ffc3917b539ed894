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
    public async Task AStaleKind_GetsAFriendlyReply()
    {
        var harness = new CoreHarness();
        var alex = harness.Person("Alex");

        await harness.PressAsync(alex, "vote:1");

        Assert.Equal(Bot.Core.Application.Copy.StaleButton("Alex"), harness.LastTextTo(alex));
    }
}
