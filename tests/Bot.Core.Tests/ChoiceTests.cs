using Bot.Core.Application.Messages;

namespace Bot.Core.Tests;

public sealed class ChoiceTests
{
    [Fact]
    public void Choice_WithPayloadOfExactly64Bytes_IsAccepted()
    {
        var payload = new string('x', 64);

        var choice = new Choice("Go", payload);

        Assert.Equal(payload, choice.Payload);
    }

    [Fact]
    public void Choice_WithPayloadOver64Bytes_Throws()
    {
        var payload = new string('x', 65);

        Assert.Throws<ArgumentException>(() => new Choice("Go", payload));
    }

    [Fact]
    public void Choice_CountsPayloadInUtf8Bytes_NotCharacters()
    {
        var payload = new string('é', 33);

        Assert.Throws<ArgumentException>(() => new Choice("Go", payload));
    }

    [Theory]
    [InlineData("", "payload")]
    [InlineData("Go", " ")]
    public void Choice_WithBlankLabelOrPayload_Throws(string label, string payload)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Choice(label, payload));
    }
}
