using System.Text.Json;
using Bot.Core.Application;
using Bot.Core.Application.Commands;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Discord.Models;
using Bot.Host.Platforms.Discord;

namespace Bot.Host.Tests.Platforms;

public sealed class DiscordInteractionMapperTests
{
    private static readonly DiscordUser Alex = new("42", "alex", "Alex");

    private static Interaction Read(string json) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)!;

    private static Interaction SlashCommand(string name, string optionsJson, bool inGuild)
    {
        const string User = "{\"id\":\"42\",\"username\":\"alex\",\"global_name\":\"Alex\"}";
        var invoker = inGuild ? "\"guild_id\":\"200\",\"member\":{\"user\":" + User + "}," : "\"user\":" + User + ",";
        return Read("{\"id\":\"900\",\"application_id\":\"100\",\"type\":2,\"token\":\"tok\",\"channel_id\":\"300\","
            + invoker + "\"data\":{\"id\":\"700\",\"type\":1,\"name\":" + JsonSerializer.Serialize(name)
            + ",\"options\":" + optionsJson + "}}");
    }

    [Fact]
    public void SlashCommandInAGuild_IsDeferredEphemerally_AndRepliesGoToTheInteraction()
    {
        var intake = DiscordInteractionMapper.Map(SlashCommand("schedule", """[{"name":"day","type":3,"value":"sun"},{"name":"time","type":3,"value":"19:00"}]""", inGuild: true), 3000)!;

        var command = Assert.IsType<CommandReceived>(intake.Message);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, intake.Response.Type);
        Assert.Equal(MessageFlags.Ephemeral, intake.Response.Data!.Flags);
        Assert.Equal("schedule", command.Command);
        Assert.Equal(("sun", new TimeOnly(19, 0)), Typed(command, a => (a.Choice("day"), a.Time("time"))));
        Assert.False(command.IsPrivate);
        Assert.Equal(new ChatAddress(Platform.Discord, "300"), command.Chat);
        Assert.Equal(new ChatAddress(Platform.Discord, "ixe:100:tok"), command.ReplyTo);
        Assert.Equal(new ChatAddress(Platform.Discord, "@42"), command.PrivateChat);
        Assert.Equal(new ChatUser(Platform.Discord, "42"), command.From);
        Assert.Equal("Alex", command.FromName);
    }

    [Fact]
    public void SlashCommandInDms_IsPrivateAndVisible()
    {
        var intake = DiscordInteractionMapper.Map(SlashCommand("join", """[{"name":"code","type":3,"value":" abcde-fghjk "}]""", inGuild: false), 3000)!;

        var command = Assert.IsType<CommandReceived>(intake.Message);
        Assert.Null(intake.Response.Data);
        Assert.True(command.IsPrivate);
        Assert.Equal("abcde-fghjk", Typed(command, a => a.Text("code")));
        Assert.Equal(new ChatAddress(Platform.Discord, "@42"), command.Chat);
        Assert.Equal(new ChatAddress(Platform.Discord, "ix:100:tok"), command.ReplyTo);
    }

    [Fact]
    public void AnswerButton_OpensAModal_WithoutBotheringTheCore()
    {
        var click = Read("""
            {"id":"901","application_id":"100","type":3,"token":"tok","channel_id":"dm","user":{"id":"42","username":"alex"},
             "data":{"custom_id":"answer","component_type":2}}
            """);

        var intake = DiscordInteractionMapper.Map(click, 3000)!;

        Assert.Null(intake.Message);
        Assert.Equal(InteractionCallbackType.Modal, intake.Response.Type);
        var form = intake.Response.Data!;
        Assert.InRange(form.CustomId!.Length, 1, 100);
        Assert.InRange(form.Title!.Length, 1, 45);
        Assert.Equal(Copy.DiscordAnswerFormTitle, form.Title);
        var label = Assert.Single(form.Components!);
        Assert.InRange(label.Label!.Length, 1, 45);
        Assert.InRange(label.Description!.Length, 1, 100);
        Assert.Equal((Copy.DiscordAnswerFieldLabel, Copy.DiscordAnswerFieldHint), (label.Label, label.Description));
        Assert.Equal(ComponentType.TextInput, label.Component!.Type);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ModalSubmit_InEitherLayout_AnswersLikeTypedText(bool labelLayout)
    {
        var form = DiscordInteractionMapper.Map(Read("""
            {"id":"901","application_id":"100","type":3,"token":"tok","user":{"id":"42","username":"alex"},"data":{"custom_id":"answer","component_type":2}}
            """), 3000)!.Response.Data!;
        var input = """{"type":4,"custom_id":"text","value":"I felt heard"}""";
        var components = labelLayout
            ? "[{\"type\":18,\"component\":" + input + "}]"
            : "[{\"type\":1,\"components\":[" + input + "]}]";
        var submit = Read("{\"id\":\"902\",\"application_id\":\"100\",\"type\":5,\"token\":\"tok2\","
            + "\"user\":{\"id\":\"42\",\"username\":\"alex\"},\"data\":{\"custom_id\":"
            + JsonSerializer.Serialize(form.CustomId) + ",\"components\":" + components + "}}");

        var intake = DiscordInteractionMapper.Map(submit, 3000)!;

        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, intake.Response.Type);
        var text = Assert.IsType<TextReceived>(intake.Message);
        Assert.Equal("I felt heard", text.Text);
        Assert.True(text.IsPrivate);
        Assert.Null(text.ReplyTo);
    }

    [Fact]
    public void ButtonInAGuild_RepliesOnlyToThePresser()
    {
        var click = Read("""
            {"id":"903","application_id":"100","type":3,"token":"tok","channel_id":"300","guild_id":"200",
             "member":{"user":{"id":"42","username":"alex"}},"data":{"custom_id":"deck:date-night","component_type":2}}
            """);

        var intake = DiscordInteractionMapper.Map(click, 3000)!;

        var choice = Assert.IsType<ChoiceSelected>(intake.Message);
        Assert.Equal("deck:date-night", choice.Payload);
        Assert.Equal(MessageFlags.Ephemeral, intake.Response.Data!.Flags);
        Assert.Equal(new ChatAddress(Platform.Discord, "ixe:100:tok"), choice.ReplyTo);
    }

    [Fact]
    public void Autocomplete_ForAZone_SuggestsMatchingZones()
    {
        var typing = Read("""
            {"id":"904","application_id":"100","type":4,"token":"tok","user":{"id":"42","username":"alex"},
             "data":{"name":"timezone","options":[{"name":"zone","type":3,"value":"berl","focused":true}]}}
            """);

        var intake = DiscordInteractionMapper.Map(typing, 3000)!;

        Assert.Null(intake.Message);
        Assert.Contains(intake.Response.Data!.Choices!, c => c.Value.GetString() == "Europe/Berlin");
        Assert.InRange(intake.Response.Data.Choices!.Count, 1, 25);
    }

    [Fact]
    public void DirectMessage_TextAnswers_AndATypedCommandStillWorks()
    {
        var text = DiscordInteractionMapper.Map(new DiscordMessage("m1", "dm", Alex, "It was a good week"));
        var typed = DiscordInteractionMapper.Map(new DiscordMessage("m2", "dm", Alex, "/join ABCDE-FGHJK"));
        var fromBot = DiscordInteractionMapper.Map(new DiscordMessage("m3", "dm", new DiscordUser("1", "bot", Bot: true), "hi"));
        var inGuild = DiscordInteractionMapper.Map(new DiscordMessage("m4", "300", Alex, "chatter") { GuildId = "200" });

        Assert.Equal(("It was a good week", "m1"), (Assert.IsType<TextReceived>(text).Text, ((TextReceived)text!).MessageId));
        var command = Assert.IsType<CommandReceived>(typed);
        Assert.Equal(("join", "ABCDE-FGHJK"), (command.Command, command.Arguments));
        Assert.Null(fromBot);
        Assert.Null(inGuild);
    }

    [Fact]
    public void DirectMessageEdit_GivesMessageEdited_ButNotForAPreviewUpdateABotOrAGuild()
    {
        var editedAt = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

        var edit = DiscordInteractionMapper.MapEdit(new DiscordMessage("m1", "dm", Alex, "fixed") { EditedTimestamp = editedAt });
        var preview = DiscordInteractionMapper.MapEdit(new DiscordMessage("m1", "dm", Alex, "see https://example.org"));
        var fromBot = DiscordInteractionMapper.MapEdit(
            new DiscordMessage("m3", "dm", new DiscordUser("1", "bot", Bot: true), "hi") { EditedTimestamp = editedAt });
        var inGuild = DiscordInteractionMapper.MapEdit(
            new DiscordMessage("m4", "300", Alex, "chatter") { GuildId = "200", EditedTimestamp = editedAt });

        var edited = Assert.IsType<MessageEdited>(edit);
        Assert.Equal((new ChatUser(Platform.Discord, Alex.Id), "m1", "fixed"), (edited.From, edited.MessageId, edited.Text));
        Assert.Null(preview);
        Assert.Null(DiscordInteractionMapper.MapEdit(JsonSerializer.Deserialize(
            """{"id":"m5","channel_id":"dm","edited_timestamp":"2026-03-04T10:00:00+00:00"}""",
            DiscordJsonContext.Default.DiscordMessage)!));
        Assert.Null(fromBot);
        Assert.Null(inGuild);
    }

    [Fact]
    public void Commands_CoverEveryCatalogCommand_WithinDiscordsLimits()
    {
        var commands = DiscordCommands.Build();

        Assert.Equal(CommandCatalog.All.Select(c => c.Name), commands.Select(c => c.Name));
        Assert.All(commands, c => Assert.InRange(c.Description.Length, 1, 100));
        Assert.All(commands.SelectMany(c => c.Options ?? []), o => Assert.InRange(o.Description.Length, 1, 100));
        Assert.All(commands.SelectMany(c => c.Options ?? []), o => Assert.True(o.Choices is null || o.Choices.Count <= 25));
        Assert.All(commands, c => Assert.Equal(
            (c.Options ?? []).OrderByDescending(o => o.Required == true).Select(o => o.Name),
            (c.Options ?? []).Select(o => o.Name)));
        Assert.Contains(commands.Single(c => c.Name == "timezone").Options!, o => o.Autocomplete == true);
    }

    [Fact]
    public void NoteText_IsTakenAsWritten_EvenWhenItEndsLikeATimeOrASurprise()
    {
        var atFive = Bind("note", """[{"name":"text","type":3,"value":"see you at 5"}]""");
        var surprise = Bind("note", """[{"name":"text","type":3,"value":"what a surprise"}]""");

        Assert.Equal(("see you at 5", (TimeOnly?)null, false), (atFive.Text("text"), atFive.Time("at"), atFive.Flag("surprise")));
        Assert.Equal(("what a surprise", (TimeOnly?)null, false), (surprise.Text("text"), surprise.Time("at"), surprise.Flag("surprise")));
    }

    [Fact]
    public void NoteOptions_FillTheTimeAndSurpriseParameters()
    {
        var at = Bind("note", """[{"name":"text","type":3,"value":"miss you"},{"name":"at","type":3,"value":"7:30 pm"}]""");
        var surprise = Bind("note", """[{"name":"text","type":3,"value":"miss you"},{"name":"surprise","type":5,"value":true}]""");

        Assert.Equal(("miss you", new TimeOnly(19, 30)), (at.Text("text"), at.Time("at")));
        Assert.True(surprise.Flag("surprise"));
    }

    [Fact]
    public void CapsuleOptions_FillADate()
    {
        var capsule = Bind("capsule", """[{"name":"date","type":3,"value":"2027-06-01"},{"name":"text","type":3,"value":"us"}]""");

        Assert.Equal((new NodaTime.LocalDate(2027, 6, 1), "us"), (capsule.Date("date")!.Value, capsule.Text("text")));
    }

    [Fact]
    public void ListOptions_AreTyped_AndAQuestionWithoutAnActionIsAdded()
    {
        var remove = Bind("bowl", """[{"name":"action","type":3,"value":"remove"},{"name":"number","type":4,"value":2}]""");
        var question = Bind("bowl", """[{"name":"question","type":3,"value":"Best day?"}]""");
        var trend = Bind("trend", """[{"name":"weeks","type":4,"value":26}]""");

        Assert.Equal(("remove", 2), (remove.Choice("action"), remove.Number("number")));
        Assert.Equal(((string?)null, "Best day?"), (question.Choice("action"), question.Text("question")));
        Assert.Equal(26, trend.Number("weeks"));
    }

    [Fact]
    public void CooldownAndZoneOptions_AreReadByTheSameParsersAsTypedText()
    {
        var cooldown = Bind("cooldown", """[{"name":"for","type":3,"value":"90m"},{"name":"topic","type":3,"value":"money talk"}]""");
        var end = Bind("cooldown", """[{"name":"end","type":5,"value":true}]""");
        var zone = Bind("timezone", """[{"name":"zone","type":3,"value":"Berlin"},{"name":"for","type":3,"value":"couple"}]""");
        var quiet = Bind("quiet", """[{"name":"from","type":3,"value":"10pm"},{"name":"until","type":3,"value":"07:00"}]""");

        Assert.Equal((TimeSpan.FromMinutes(90), "money talk"), (cooldown.Duration("for"), cooldown.Text("topic")));
        Assert.True(end.Flag("end"));
        Assert.Equal(("Europe/Berlin", "couple"), (zone.Choice("zone"), zone.Choice("for")));
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(7, 0)), (quiet.Time("from")!.Value, quiet.Time("until")!.Value));
    }

    [Theory]
    [InlineData("timezone", """[{"name":"zone","type":3,"value":"Mars/Olympus"}]""", "Mars/Olympus")]
    [InlineData("quiet", """[{"name":"from","type":3,"value":"25:99"}]""", "/quiet 22:00-08:00")]
    [InlineData("capsule", """[{"name":"date","type":3,"value":"next june"},{"name":"text","type":3,"value":"us"}]""", "next june")]
    public void BadOptionValues_GetTheSameFriendlyReplyAsTypedText(string name, string options, string expected)
    {
        var intake = DiscordInteractionMapper.Map(SlashCommand(name, options, inGuild: false), 3000)!;

        var problem = CommandBinder.Bind(CommandCatalog.Find(name)!, Assert.IsType<CommandReceived>(intake.Message)).Problem;

        Assert.NotNull(problem);
        Assert.Contains(expected, problem("Alex"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Trend_TakesItsWeeksAsATypedIntegerWithinTheCatalogsRange()
    {
        var trend = DiscordCommands.Build().Single(c => c.Name == "trend");

        var weeks = Assert.Single(trend.Options!);
        Assert.Equal(("weeks", ApplicationCommandOptionType.Integer, false), (weeks.Name, weeks.Type, weeks.Required == true));
        Assert.Equal((PulseTrendService.MinWeeks, PulseTrendService.MaxWeeks), ((int)weeks.MinValue!, (int)weeks.MaxValue!));
    }

    private static CommandArguments Bind(string name, string options)
    {
        var intake = DiscordInteractionMapper.Map(SlashCommand(name, options, inGuild: false), 3000)!;
        var bound = CommandBinder.Bind(CommandCatalog.Find(name)!, Assert.IsType<CommandReceived>(intake.Message));
        Assert.Null(bound.Problem);
        return bound.Arguments!;
    }

    private static T Typed<T>(CommandReceived command, Func<CommandArguments, T> read) =>
        read(CommandBinder.Bind(CommandCatalog.Find(command.Command)!, command).Arguments!);

    [Fact]
    public void Addresses_RoundTrip()
    {
        var interaction = DiscordAddresses.Interaction("100", "a:b", isEphemeral: true);

        Assert.True(DiscordAddresses.TryGetInteraction(interaction, out var app, out var token, out var ephemeral));
        Assert.Equal(("100", "a:b", true), (app, token, ephemeral));
        Assert.True(DiscordAddresses.TryGetPerson(DiscordAddresses.Person("42"), out var user));
        Assert.Equal("42", user);
        Assert.False(DiscordAddresses.TryGetPerson(DiscordAddresses.Channel("300"), out _));
        Assert.False(DiscordAddresses.TryGetInteraction(DiscordAddresses.Channel("300"), out _, out _, out _));
    }
}
