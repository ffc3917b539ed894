using Bot.Core.Application;
using Bot.Core.Application.Commands;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Host.Platforms.Discord;
using Discord;

namespace Bot.Host.Tests.Platforms;

public sealed class DiscordInteractionMapperTests
{
    private static DiscordInteractionFacts Interaction(DiscordInteractionKind kind, bool inGuild = false) =>
        new(kind, 900, 42, "Alex", FromBot: false, inGuild ? 200UL : null, 300);

    private static DiscordInteractionFacts SlashCommand(string name, params (string Name, object? Value)[] options) =>
        SlashCommand(name, inGuild: false, options);

    private static DiscordInteractionFacts SlashCommand(string name, bool inGuild, params (string Name, object? Value)[] options) =>
        Interaction(DiscordInteractionKind.Command, inGuild) with
        {
            CommandName = name,
            Options = DiscordCommands.Options(options),
        };

    private static DiscordMessageFacts Dm(ulong id, string text, bool fromBot = false, ulong? guild = null,
        DateTimeOffset? editedAt = null) => new(id, 42, "Alex", fromBot, guild, 77, text, editedAt);

    [Fact]
    public void SlashCommandInAGuild_IsDeferredEphemerally_AndRepliesGoToTheInteraction()
    {
        var intake = DiscordInteractionMapper.Map(SlashCommand("schedule", inGuild: true, ("day", "sun"), ("time", "19:00")), 3000)!;

        var command = Assert.IsType<CommandReceived>(intake.Message);
        Assert.Equal(new DiscordAck.DeferReply(Ephemeral: true), intake.Ack);
        Assert.Equal("schedule", command.Command);
        Assert.Equal(("sun", new TimeOnly(19, 0)), Typed(command, a => (a.Choice("day"), a.Time("time"))));
        Assert.False(command.IsPrivate);
        Assert.Equal(new ChatAddress(Platform.Discord, "300"), command.Chat);
        Assert.Equal(new ChatAddress(Platform.Discord, "ixe:900:42"), command.ReplyTo);
        Assert.Equal(new ChatAddress(Platform.Discord, "@42"), command.PrivateChat);
        Assert.Equal(new ChatUser(Platform.Discord, "42"), command.From);
        Assert.Equal("Alex", command.FromName);
    }

    [Fact]
    public void SlashCommandInDms_IsPrivateAndVisible()
    {
        var intake = DiscordInteractionMapper.Map(SlashCommand("join", ("code", " abcde-fghjk ")), 3000)!;

        var command = Assert.IsType<CommandReceived>(intake.Message);
        Assert.Equal(new DiscordAck.DeferReply(Ephemeral: false), intake.Ack);
        Assert.True(command.IsPrivate);
        Assert.Equal("abcde-fghjk", Typed(command, a => a.Text("code")));
        Assert.Equal(new ChatAddress(Platform.Discord, "@42"), command.Chat);
        Assert.Equal(new ChatAddress(Platform.Discord, "ix:900:42"), command.ReplyTo);
    }

    [Fact]
    public void AnswerButton_OpensTheForm_WithoutBotheringTheCore_AndItsTextAnswersLikeTypedText()
    {
        var click = Interaction(DiscordInteractionKind.Button) with { CustomId = DiscordInteractionMapper.AnswerButton };

        var intake = DiscordInteractionMapper.Map(click, 3000)!;
        var form = Assert.IsType<DiscordAck.AnswerForm>(intake.Ack);
        var submit = Interaction(DiscordInteractionKind.ModalSubmit) with
        {
            CustomId = form.CustomId,
            Fields = new Dictionary<string, string> { [DiscordInteractionMapper.AnswerInput] = "I felt heard" },
        };
        var submitted = DiscordInteractionMapper.Map(submit, 3000)!;

        Assert.Null(intake.Message);
        Assert.Equal(3000, form.MaxLength);
        Assert.InRange(Copy.AnswerFormTitle.Length, 1, 45);
        Assert.InRange(Copy.AnswerFieldLabel.Length, 1, 45);
        Assert.InRange(Copy.AnswerFieldHint.Length, 1, 100);
        Assert.IsType<DiscordAck.DeferUpdate>(submitted.Ack);
        var text = Assert.IsType<TextReceived>(submitted.Message);
        Assert.Equal("I felt heard", text.Text);
        Assert.True(text.IsPrivate);
        Assert.Null(text.ReplyTo);
    }

    [Fact]
    public void AnswerButtonUnderAQuestion_CarriesTheQuestionThroughTheFormToTheText()
    {
        var button = DiscordInteractionMapper.AnswerButtonFor(new QuestionRef(12, 3));
        var click = Interaction(DiscordInteractionKind.Button) with { CustomId = button };

        var form = Assert.IsType<DiscordAck.AnswerForm>(DiscordInteractionMapper.Map(click, 3000)!.Ack);
        var submit = Interaction(DiscordInteractionKind.ModalSubmit) with
        {
            CustomId = form.CustomId,
            Fields = new Dictionary<string, string> { [DiscordInteractionMapper.AnswerInput] = "words" },
        };
        var text = Assert.IsType<TextReceived>(DiscordInteractionMapper.Map(submit, 3000)!.Message);

        Assert.Equal("answer:12:3", button);
        Assert.Equal(new QuestionRef(12, 3), text.ForQuestion);
        Assert.Null(DiscordInteractionMapper.Map(Interaction(DiscordInteractionKind.ModalSubmit) with { CustomId = "answer-modal:x:1" }, 3000));
    }

    [Fact]
    public void ButtonInAGuild_RepliesOnlyToThePresser()
    {
        var click = Interaction(DiscordInteractionKind.Button, inGuild: true) with { CustomId = "deck:date-night" };
        var inDm = Interaction(DiscordInteractionKind.Button) with { CustomId = "deck:date-night" };

        var intake = DiscordInteractionMapper.Map(click, 3000)!;
        var dmIntake = DiscordInteractionMapper.Map(inDm, 3000)!;

        var choice = Assert.IsType<ChoiceSelected>(intake.Message);
        Assert.Equal("deck:date-night", choice.Payload);
        Assert.Equal(new DiscordAck.DeferReply(Ephemeral: true), intake.Ack);
        Assert.Equal(new ChatAddress(Platform.Discord, "ixe:900:42"), choice.ReplyTo);
        Assert.IsType<DiscordAck.DeferUpdate>(dmIntake.Ack);
        Assert.Null(dmIntake.Message!.ReplyTo);
    }

    [Fact]
    public void Autocomplete_ForAZone_SuggestsMatchingZones()
    {
        var typing = Interaction(DiscordInteractionKind.Autocomplete) with { Typed = "berl" };

        var intake = DiscordInteractionMapper.Map(typing, 3000)!;

        Assert.Null(intake.Message);
        var suggestions = Assert.IsType<DiscordAck.Suggestions>(intake.Ack);
        Assert.Contains("Europe/Berlin", suggestions.Values);
        Assert.InRange(suggestions.Values.Count, 1, 25);
    }

    [Fact]
    public void DirectMessage_TextAnswers_AndATypedCommandStillWorks()
    {
        var text = DiscordInteractionMapper.Map(Dm(1, "It was a good week"));
        var typed = DiscordInteractionMapper.Map(Dm(2, "/join ABCDE-FGHJK"));
        var fromBot = DiscordInteractionMapper.Map(Dm(3, "hi", fromBot: true));
        var inGuild = DiscordInteractionMapper.Map(Dm(4, "chatter", guild: 200));

        Assert.Equal(("It was a good week", "1"), (Assert.IsType<TextReceived>(text).Text, ((TextReceived)text!).MessageId));
        var command = Assert.IsType<CommandReceived>(typed);
        Assert.Equal(("join", "ABCDE-FGHJK"), (command.Command, command.Arguments));
        Assert.Null(fromBot);
        Assert.Null(inGuild);
    }

    [Fact]
    public void DirectMessageEdit_GivesMessageEdited_ButNotForAPreviewUpdateABotOrAGuild()
    {
        var editedAt = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

        var edit = DiscordInteractionMapper.MapEdit(Dm(1, "fixed", editedAt: editedAt));
        var preview = DiscordInteractionMapper.MapEdit(Dm(1, "see https://example.org"));
        var fromBot = DiscordInteractionMapper.MapEdit(Dm(3, "hi", fromBot: true, editedAt: editedAt));
        var inGuild = DiscordInteractionMapper.MapEdit(Dm(4, "chatter", guild: 200, editedAt: editedAt));

        var edited = Assert.IsType<MessageEdited>(edit);
        Assert.Equal((new ChatUser(Platform.Discord, "42"), "1", "fixed"), (edited.From, edited.MessageId, edited.Text));
        Assert.Null(preview);
        Assert.Null(fromBot);
        Assert.Null(inGuild);
    }

    [Fact]
    public void Commands_CoverEveryCatalogCommand_WithinDiscordsLimits()
    {
        var commands = DiscordCommands.Build().Cast<SlashCommandProperties>().ToList();

        Assert.Equal(CommandCatalog.All.Select(c => c.Name), commands.Select(c => c.Name.Value));
        Assert.All(commands, c => Assert.InRange(c.Description.Value.Length, 1, 100));
        var options = commands.SelectMany(c => c.Options.GetValueOrDefault() ?? []).ToList();
        Assert.All(options, o => Assert.InRange(o.Description.Length, 1, 100));
        Assert.All(options, o => Assert.True(o.Choices is null || o.Choices.Count <= 25));
        Assert.All(commands, c => Assert.Equal(
            (c.Options.GetValueOrDefault() ?? []).OrderByDescending(o => o.IsRequired == true).Select(o => o.Name),
            (c.Options.GetValueOrDefault() ?? []).Select(o => o.Name)));
        Assert.Contains(Options("timezone"), o => o.IsAutocomplete);
    }

    [Fact]
    public void NoteText_IsTakenAsWritten_EvenWhenItEndsLikeATimeOrASurprise()
    {
        var atFive = Bind("note", ("text", "see you at 5"));
        var surprise = Bind("note", ("text", "what a surprise"));

        Assert.Equal(("see you at 5", (TimeOnly?)null, false), (atFive.Text("text"), atFive.Time("at"), atFive.Flag("surprise")));
        Assert.Equal(("what a surprise", (TimeOnly?)null, false), (surprise.Text("text"), surprise.Time("at"), surprise.Flag("surprise")));
    }

    [Fact]
    public void NoteOptions_FillTheTimeAndSurpriseParameters()
    {
        var at = Bind("note", ("text", "miss you"), ("at", "7:30 pm"));
        var surprise = Bind("note", ("text", "miss you"), ("surprise", true));

        Assert.Equal(("miss you", new TimeOnly(19, 30)), (at.Text("text"), at.Time("at")));
        Assert.True(surprise.Flag("surprise"));
    }

    [Fact]
    public void CapsuleOptions_FillADate()
    {
        var capsule = Bind("capsule", ("date", "2027-06-01"), ("text", "us"));

        Assert.Equal((new NodaTime.LocalDate(2027, 6, 1), "us"), (capsule.Date("date")!.Value, capsule.Text("text")));
    }

    [Fact]
    public void ListOptions_AreTyped_AndAQuestionWithoutAnActionIsAdded()
    {
        var remove = Bind("bowl", ("action", "remove"), ("number", 2L));
        var question = Bind("bowl", ("question", "Best day?"));
        var trend = Bind("trend", ("weeks", 26L));

        Assert.Equal(("remove", 2), (remove.Choice("action"), remove.Number("number")));
        Assert.Equal(((string?)null, "Best day?"), (question.Choice("action"), question.Text("question")));
        Assert.Equal(26, trend.Number("weeks"));
    }

    [Fact]
    public void CooldownAndZoneOptions_AreReadByTheSameParsersAsTypedText()
    {
        var cooldown = Bind("cooldown", ("for", "90m"), ("topic", "money talk"));
        var end = Bind("cooldown", ("end", true));
        var zone = Bind("timezone", ("zone", "Berlin"), ("for", "couple"));
        var quiet = Bind("quiet", ("from", "10pm"), ("until", "07:00"));

        Assert.Equal((TimeSpan.FromMinutes(90), "money talk"), (cooldown.Duration("for"), cooldown.Text("topic")));
        Assert.True(end.Flag("end"));
        Assert.Equal(("Europe/Berlin", "couple"), (zone.Choice("zone"), zone.Choice("for")));
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(7, 0)), (quiet.Time("from")!.Value, quiet.Time("until")!.Value));
    }

    [Theory]
    [InlineData("timezone", "zone", "Mars/Olympus", "Mars/Olympus")]
    [InlineData("quiet", "from", "25:99", "/quiet 22:00-08:00")]
    [InlineData("capsule", "date", "next june", "next june")]
    public void BadOptionValues_GetTheSameFriendlyReplyAsTypedText(string name, string option, string value, string expected)
    {
        var intake = DiscordInteractionMapper.Map(SlashCommand(name, (option, value), ("text", "us")), 3000)!;

        var problem = CommandBinder.Bind(CommandCatalog.Find(name)!, Assert.IsType<CommandReceived>(intake.Message)).Problem;

        Assert.NotNull(problem);
        Assert.Contains(expected, problem("Alex"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Trend_TakesItsWeeksAsATypedIntegerWithinTheCatalogsRange()
    {
        var weeks = Assert.Single(Options("trend"));

        Assert.Equal(("weeks", ApplicationCommandOptionType.Integer, false), (weeks.Name, weeks.Type, weeks.IsRequired == true));
        Assert.Equal((PulseTrendService.MinWeeks, PulseTrendService.MaxWeeks), ((int)weeks.MinValue!, (int)weeks.MaxValue!));
    }

    private static List<ApplicationCommandOptionProperties> Options(string command) =>
        DiscordCommands.Build().Cast<SlashCommandProperties>().Single(c => c.Name.Value == command).Options.Value;

    private static CommandArguments Bind(string name, params (string Name, object? Value)[] options)
    {
        var intake = DiscordInteractionMapper.Map(SlashCommand(name, options), 3000)!;
        var bound = CommandBinder.Bind(CommandCatalog.Find(name)!, Assert.IsType<CommandReceived>(intake.Message));
        Assert.Null(bound.Problem);
        return bound.Arguments!;
    }

    private static T Typed<T>(CommandReceived command, Func<CommandArguments, T> read) =>
        read(CommandBinder.Bind(CommandCatalog.Find(command.Command)!, command).Arguments!);

    [Fact]
    public void Addresses_RoundTrip_AndNeverCarryAToken()
    {
        var interaction = DiscordAddresses.Interaction(900, 42, isEphemeral: true);

        Assert.True(DiscordAddresses.TryGetInteraction(interaction, out var id, out var user, out var ephemeral));
        Assert.Equal((900UL, 42UL, true), (id, user, ephemeral));
        Assert.Equal("ixe:900:42", interaction.ChatId);
        Assert.True(DiscordAddresses.TryGetPerson(DiscordAddresses.Person(42), out var person));
        Assert.Equal(42UL, person);
        Assert.False(DiscordAddresses.TryGetPerson(DiscordAddresses.Channel(300), out _));
        Assert.False(DiscordAddresses.TryGetInteraction(DiscordAddresses.Channel(300), out _, out _, out _));
        Assert.False(DiscordAddresses.TryGetInteraction(new ChatAddress(Platform.Discord, "ix:100:old-token"), out _, out _, out _));
    }

    [Theory]
    [InlineData("[click](https://evil.example)", @"\[click\](https://evil.example)")]
    [InlineData("# Big\n-# small\n> quote", "\\# Big\n\\-# small\n\\> quote")]
    [InlineData("<@123> and <#456> and @everyone", @"\<@123\> and \<#456\> and @everyone")]
    [InlineData("**bold** _it_ ||spoiler|| `code`", @"\*\*bold\*\* \_it\_ \|\|spoiler\|\| \`code\`")]
    [InlineData("19:00 - well-being", "19:00 - well-being")]
    public void PartnersWords_ShowExactlyAsWritten(string written, string sent)
    {
        Assert.Equal(sent, DiscordText.Literal(written));
    }

    [Fact]
    public void Literal_WhenEscapingWouldOverflowAMessage_NeutralisesLinksAndMentionsWithoutGrowing()
    {
        var written = string.Concat(Enumerable.Repeat("[a](b) <@1> ", 150));

        var sent = DiscordText.Literal(written);

        Assert.True(sent.Length <= DiscordText.MaxContentLength);
        Assert.DoesNotContain('[', sent);
        Assert.DoesNotContain('<', sent);
    }

    [Fact]
    public void Redact_RemovesInteractionTokensFromLogLines()
    {
        var line = DiscordText.Redact("Rate limit triggered: POST interactions/900/aW50ZXJhY3Rpb246OTAw/callback and webhooks/100/tok-en_1/messages/@original");

        Assert.DoesNotContain("aW50ZXJhY3Rpb246OTAw", line, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-en_1", line, StringComparison.Ordinal);
        Assert.Contains("interactions/900/", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image/jpeg", MediaKind.Photo)]
    [InlineData("audio/ogg", MediaKind.Voice)]
    [InlineData("video/mp4; codecs=avc1", MediaKind.Video)]
    public void Attachment_ByItsContentType_IsMedia(string contentType, MediaKind kind)
    {
        var media = DiscordInteractionMapper.MediaOf(5, "https://cdn.example/5/a", contentType, 1234);

        Assert.Equal(kind, media!.Kind);
        Assert.Equal(new MediaSource(Platform.Discord, "5", "https://cdn.example/5/a"), media.Source);
        Assert.Equal(1234, media.Size);
    }

    [Fact]
    public void Attachment_ThatIsNoMedia_IsNotTakenAsOne()
    {
        Assert.Null(DiscordInteractionMapper.MediaOf(5, "https://cdn.example/5/a.pdf", "application/pdf", 10));
        Assert.Null(DiscordInteractionMapper.MediaOf(5, "https://cdn.example/5/a", null, 10));
    }

    [Fact]
    public void DmWithAPhoto_IsATextWithTheMedia_AndCommandsKeepTheirMedia()
    {
        var photo = DiscordInteractionMapper.MediaOf(5, "https://cdn.example/5/a", "image/png", 10);

        var text = Assert.IsType<TextReceived>(DiscordInteractionMapper.Map(Dm(1, "our walk") with { Media = photo }));
        var command = Assert.IsType<CommandReceived>(DiscordInteractionMapper.Map(Dm(2, "/memory beach") with { Media = photo }));
        var slash = Assert.IsType<CommandReceived>(DiscordInteractionMapper.Map(SlashCommand("memory") with { Media = photo }, 500)!.Message);

        Assert.Equal(("our walk", photo), (text.Text, text.Media));
        Assert.Equal(("memory", photo), (command.Command, command.Media));
        Assert.Equal(photo, slash.Media);
    }

    [Fact]
    public void CommandsThatTakeMedia_GetAnOptionalAttachmentOption_OthersNone()
    {
        var commands = DiscordCommands.Build().OfType<SlashCommandProperties>().ToDictionary(c => c.Name.Value);

        var memory = commands["memory"].Options.Value.Single(o => o.Name == CommandSpec.MediaOptionName);
        Assert.Equal((ApplicationCommandOptionType.Attachment, false), (memory.Type, memory.IsRequired ?? false));
        Assert.Contains(commands["note"].Options.Value, o => o.Type == ApplicationCommandOptionType.Attachment);
        Assert.DoesNotContain(commands["status"].Options.GetValueOrDefault() ?? [], o => o.Type == ApplicationCommandOptionType.Attachment);
    }
}
