using Bot.Core.Application;
using Bot.Core.Application.Commands;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Core.Tests;

public sealed class BotEngineTests
{
    private readonly CoreHarness _bot = new();

    [Fact]
    public async Task UnknownCommand_IsAnsweredWithTheCommandList()
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, "/dance tonight");

        var reply = _bot.LastTextTo(alex);
        Assert.StartsWith("Sorry Alex, I don't know /dance.", reply, StringComparison.Ordinal);
        Assert.EndsWith(Copy.CommandList, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ThatIsVeryLong_IsShortenedInTheReply()
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, "/" + new string('x', 100));

        var expected = $"Sorry Alex, I don't know /{new string('x', 32)}…. ";
        Assert.StartsWith(expected, _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryCommandButStart()
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, "/help");

        var reply = _bot.LastTextTo(alex);
        Assert.StartsWith("Alex, here is what you can ask me:", reply, StringComparison.Ordinal);
        Assert.All(CommandCatalog.All.Where(c => c.Name != "start"),
            c => Assert.Contains($"/{c.Name}", reply, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WelcomesByName()
    {
        var alex = _bot.Person("Alex");

        await _bot.SendAsync(alex, "/start");

        Assert.StartsWith("Hi Alex!", _bot.LastTextTo(alex), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ", "friend")]
    [InlineData("  Sam  ", "Sam")]
    public async Task DisplayName_IsTrimmedWithAFallback(string shown, string expected)
    {
        var person = CoreHarness.Person(4242, shown);

        await _bot.SendAsync(person, "/start");

        Assert.Equal(expected, _bot.Stored(person).DisplayName);
        Assert.StartsWith($"Hi {expected}!", _bot.LastTextTo(person), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisplayName_IsCutToSixtyFourCharacters()
    {
        var person = CoreHarness.Person(4243, new string('n', 100));

        await _bot.SendAsync(person, "/start");

        Assert.Equal(64, _bot.Stored(person).DisplayName.Length);
    }

    [Fact]
    public async Task MessageAwaitingAReply_WhenNothingElseIsSaidThere_GetsAnAcknowledgement()
    {
        var (alex, bea) = await _bot.CoupleAsync();
        var interaction = new ChatAddress(Platform.Discord, "ix:1:token");
        _bot.ClearOutbox();

        await _bot.HandleAsync(new CommandReceived(alex.User, alex.Name, alex.PrivateChat, true, "checkin", "") { ReplyTo = interaction });

        Assert.Equal([Copy.Done("Alex")], _bot.Messages.Where(m => m.To == interaction).Select(m => m.Text));
        Assert.Contains(_bot.MessagesTo(bea), m => m.Text.EndsWith(
            Copy.PulseQuestion(PulseScale.Loved), StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessageAwaitingAReply_GetsItsRepliesThereInsteadOfInTheChat()
    {
        var alex = _bot.Person("Alex");
        var interaction = new ChatAddress(Platform.Discord, "ix:1:token");

        await _bot.HandleAsync(new CommandReceived(alex.User, alex.Name, alex.PrivateChat, true, "pair", "") { ReplyTo = interaction });

        var reply = Assert.Single(_bot.Messages);
        Assert.Equal(interaction, reply.To);
        Assert.Contains("/join ", reply.Text, StringComparison.Ordinal);
    }
}
