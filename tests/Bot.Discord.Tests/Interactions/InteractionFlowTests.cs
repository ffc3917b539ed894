using Bot.Discord.Gateway;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Bot.Discord.Tests.Gateway;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.Interactions;

/// <summary>Users act through the fake; the client sees the events and answers over REST, as the adapter will.</summary>
public sealed class InteractionFlowTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private GatewayHarness _harness = null!;
    private DiscordRestClient _rest = null!;
    private FakeDiscordUser _alice = null!;
    private FakeGuildChannel _home = null!;

    private FakeDiscordServer Server => _harness.Server;

    public async Task InitializeAsync()
    {
        _harness = await GatewayHarness.StartReadyAsync(
            server =>
            {
                server.AddGuild("200", "Our place");
                server.AddGuildChannel("200", "300", "us");
            },
            options => options.Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages);
        _rest = new DiscordRestClient(_http, _harness.Options);
        _alice = Server.AddUser("42", "alice", "Alice");
        _home = new FakeGuildChannel("200", "300", "us");
        await _rest.BulkOverwriteGlobalCommandsAsync(Server.ApplicationId,
        [
            new ApplicationCommand("join", "Join your partner")
            {
                Options = [new ApplicationCommandOption(ApplicationCommandOptionType.String, "code", "Invite code") { Required = true }],
                Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm],
            },
            new ApplicationCommand("timezone", "Set your time zone")
            {
                Options = [new ApplicationCommandOption(ApplicationCommandOptionType.String, "zone", "Your zone") { Autocomplete = true }],
            },
            new ApplicationCommand("home", "Make this channel our home") { Contexts = [InteractionContextType.Guild] },
        ]);
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _harness.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SlashCommandInDm_CarriesTopLevelUser_AndTheReplyNeedsNoBotToken()
    {
        var sent = await Server.InvokeSlashCommandAsync(
            _alice,
            "join",
            new Dictionary<string, object> { ["code"] = "ABC123" });

        var interaction = await NextInteractionAsync(sent.Id);
        await _rest.CreateInteractionResponseAsync(
            interaction.Id,
            interaction.Token,
            InteractionResponse.Message("Welcome, Alice!"));
        var record = await Server.WaitForInteractionResponseAsync(sent.Id);

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(_alice.Id, interaction.Invoker?.Id);
        Assert.Null(interaction.Member);
        Assert.Equal(InteractionContextType.BotDm, interaction.Context);
        Assert.Equal(ChannelType.Dm, interaction.Channel?.Type);
        Assert.Equal("join", interaction.Data?.Name);
        Assert.Equal("ABC123", interaction.Data?.GetOption("code")?.GetString());
        Assert.Equal(4, record.CallbackType);
        Assert.Equal("Welcome, Alice!", record.Original?.Content);
        Assert.Equal(_alice.DmChannelId, record.Original?.ChannelId);
        var callback = Server.Requests.Single(request => request.Path.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Null(callback.Authorization);
        Assert.Equal(DiscordClientOptions.DefaultUserAgent, callback.UserAgent);
    }

    [Fact]
    public async Task SlashCommandInGuild_CarriesMemberAndGuild_AndAnEphemeralReplyStaysPrivate()
    {
        var sent = await Server.InvokeSlashCommandAsync(_alice, "home", guildChannel: _home);

        var interaction = await NextInteractionAsync(sent.Id);
        await _rest.CreateInteractionResponseAsync(
            interaction.Id,
            interaction.Token,
            InteractionResponse.Message("Only you can see this", ephemeral: true));
        var record = await Server.WaitForInteractionResponseAsync(sent.Id);

        Assert.Null(interaction.User);
        Assert.Equal(_alice.Id, interaction.Member?.User?.Id);
        Assert.Equal(_alice.Id, interaction.Invoker?.Id);
        Assert.Equal("200", interaction.GuildId);
        Assert.Equal("300", interaction.ChannelId);
        Assert.True(record.Original?.IsEphemeral);
    }

    [Fact]
    public async Task SecondCallback_IsRefusedWith40060()
    {
        var sent = await Server.InvokeSlashCommandAsync(_alice, "home", guildChannel: _home);
        var interaction = await NextInteractionAsync(sent.Id);
        await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer());

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Message("again")));

        Assert.Equal(40060, error.Code);
    }

    [Fact]
    public async Task CallbackAfterTheWindow_IsRefusedWith10062()
    {
        Server.InteractionResponseWindow = TimeSpan.Zero;
        var sent = await Server.InvokeSlashCommandAsync(_alice, "home", guildChannel: _home);
        var interaction = await NextInteractionAsync(sent.Id);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Message("late")));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(10062, error.Code);
    }

    [Fact]
    public async Task DeferredAnswer_IsFinishedByEditingTheOriginal_AndFollowUpsAddMessages()
    {
        var sent = await Server.InvokeSlashCommandAsync(
            _alice,
            "join",
            new Dictionary<string, object> { ["code"] = "X" });
        var interaction = await NextInteractionAsync(sent.Id);

        await _rest.CreateInteractionResponseAsync(
            interaction.Id,
            interaction.Token,
            InteractionResponse.Defer(ephemeral: true));
        var edited = await _rest.EditOriginalResponseAsync(
            interaction.ApplicationId,
            interaction.Token,
            new MessageCreate("You are paired!"));
        var followup = await _rest.CreateFollowupMessageAsync(
            interaction.ApplicationId,
            interaction.Token,
            new MessageCreate("One more thing") { Flags = MessageFlags.Ephemeral });
        var record = await Server.WaitForInteractionAsync(sent.Id, r => r.Followups.Count == 1);

        Assert.Equal(5, record.CallbackType);
        Assert.Equal("You are paired!", edited.Content);
        Assert.Equal("You are paired!", record.Original?.Content);
        Assert.True(record.Original?.IsEphemeral);
        Assert.Equal("One more thing", followup.Content);
        Assert.True(record.Followups[0].IsEphemeral);
        Assert.All(
            Server.Requests.Where(request => request.Path.Contains("/webhooks/", StringComparison.Ordinal)),
            request => Assert.Null(request.Authorization));
    }

    [Fact]
    public async Task DeferredAnswer_CanBeFinishedWithAFile_AndFollowUpsCanCarryFilesToo()
    {
        var sent = await Server.InvokeSlashCommandAsync(_alice, "join", new Dictionary<string, object> { ["code"] = "X" });
        var interaction = await NextInteractionAsync(sent.Id);

        await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer(ephemeral: false));
        await _rest.EditOriginalResponseAsync(
            interaction.ApplicationId, interaction.Token, new MessageCreate("Your journal"),
            [new FileUpload("journal.md", "text/markdown", "# Us\n"u8.ToArray())]);
        await _rest.CreateFollowupMessageAsync(
            interaction.ApplicationId, interaction.Token, new MessageCreate("As JSON"),
            [new FileUpload("journal.json", "application/json", "{}"u8.ToArray())]);
        var record = await Server.WaitForInteractionAsync(sent.Id, r => r.Followups.Count == 1);

        var original = Assert.Single(record.Original!.Attachments);
        Assert.Equal(("journal.md", "# Us\n"), (original.FileName, System.Text.Encoding.UTF8.GetString(original.Content)));
        Assert.Equal("Your journal", record.Original.Content);
        var followup = Assert.Single(record.Followups[0].Attachments);
        Assert.Equal(("journal.json", "{}"), (followup.FileName, System.Text.Encoding.UTF8.GetString(followup.Content)));
        Assert.All(
            Server.Requests.Where(request => request.Files.Count > 0),
            request => Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ButtonOpensModal_AndTheSubmittedTextIsReadInEitherLayout(bool useLabelLayout)
    {
        var question = await _rest.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("What made you smile this week?")
        {
            Components = [DiscordComponent.ActionRow(DiscordComponent.Button(ButtonStyle.Primary, "Answer", "answer:7"))],
        });
        var recorded = await Server.WaitForChannelMessageAsync(
            _alice.DmChannelId,
            message => message.Id == question.Id);

        var click = await Server.ClickButtonAsync(_alice, recorded, "answer:7");
        var clicked = await NextInteractionAsync(click.Id);
        await _rest.CreateInteractionResponseAsync(clicked.Id, clicked.Token, InteractionResponse.Modal(
            "answer-modal:7",
            "Your answer",
            [DiscordComponent.LabelFor("Your answer", DiscordComponent.TextInput("answer", TextInputStyle.Paragraph, required: true, maxLength: 1000))]));
        var modal = await Server.WaitForModalAsync(_alice);
        var submit = await Server.SubmitModalAsync(
            _alice,
            "answer-modal:7",
            new Dictionary<string, string> { ["answer"] = "Our walk by the river" },
            useLabelLayout);
        var submitted = await NextInteractionAsync(submit.Id);
        await _rest.CreateInteractionResponseAsync(
            submitted.Id,
            submitted.Token,
            InteractionResponse.Message("Saved.", ephemeral: true));

        Assert.Equal(InteractionType.MessageComponent, clicked.Type);
        Assert.Equal("answer:7", clicked.Data?.CustomId);
        Assert.Equal(ComponentType.Button, clicked.Data?.ComponentType);
        Assert.Equal(question.Id, clicked.Message?.Id);
        Assert.Equal(["answer"], modal.TextInputIds);
        Assert.Equal(InteractionType.ModalSubmit, submitted.Type);
        Assert.Equal("answer-modal:7", submitted.Data?.CustomId);
        Assert.Equal("Our walk by the river", submitted.Data!.GetSubmittedTextInputs()["answer"]);
        Assert.Equal(question.Id, submitted.Message?.Id);
        Assert.Empty(Server.OpenModals);
    }

    [Fact]
    public async Task LegacyModalLayout_FromTheBot_IsAcceptedToo()
    {
        var sent = await Server.InvokeSlashCommandAsync(
            _alice,
            "join",
            new Dictionary<string, object> { ["code"] = "X" });
        var interaction = await NextInteractionAsync(sent.Id);

        await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Modal(
            "legacy",
            "Old style",
            [DiscordComponent.ActionRow(DiscordComponent.TextInput("note", TextInputStyle.Short, label: "Note"))]));

        Assert.Equal(["note"], (await Server.WaitForModalAsync(_alice)).TextInputIds);
    }

    [Fact]
    public async Task Autocomplete_ShowsWhatTheUserTyped_AndTakesChoices()
    {
        var sent = await Server.AutocompleteAsync(_alice, "timezone", "zone", "Euro");

        var interaction = await NextInteractionAsync(sent.Id);
        await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Autocomplete(
        [
            CommandChoice.FromString("Europe/Berlin", "Europe/Berlin"),
            CommandChoice.FromString("Europe/Lisbon", "Europe/Lisbon"),
        ]));
        var record = await Server.WaitForInteractionResponseAsync(sent.Id);

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        Assert.Equal("zone", interaction.Data?.GetFocusedOption()?.Name);
        Assert.Equal("Euro", interaction.Data?.GetFocusedOption()?.GetString());
        Assert.Equal(8, record.CallbackType);
        Assert.Equal(2, record.CallbackData?["choices"]?.AsArray().Count);
    }

    [Fact]
    public async Task DmFromAUser_ArrivesAsMessageCreate_WithoutGuild()
    {
        var sent = await Server.SendDmMessageAsync(_alice, "I miss you");

        var dispatch = await _harness.WaitForDispatchAsync(d => d.Type == GatewayEvents.MessageCreate && d.Sequence == sent.Sequence);
        var message = dispatch.Read(DiscordJsonContext.Default.DiscordMessage)!;

        Assert.Equal("I miss you", message.Content);
        Assert.Equal(_alice.DmChannelId, message.ChannelId);
        Assert.Equal(_alice.Id, message.Author.Id);
        Assert.Equal("Alice", message.Author.DisplayName);
        Assert.Null(message.GuildId);
        Assert.Null(message.Author.Bot);
        Assert.Equal(ChannelType.Dm, message.ChannelType);
    }

    [Fact]
    public async Task BotsOwnMessage_EchoesAsMessageCreateFromTheCurrentUser()
    {
        var created = await _rest.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("Good morning"));

        var dispatch = await _harness.WaitForDispatchAsync(d => d.Type == GatewayEvents.MessageCreate);
        var message = dispatch.Read(DiscordJsonContext.Default.DiscordMessage)!;

        Assert.Equal(created.Id, message.Id);
        Assert.Equal(_harness.Client.CurrentUser?.Id, message.Author.Id);
        Assert.True(message.Author.Bot);
    }

    [Fact]
    public async Task GuildMessage_WithoutMessageContentIntent_ArrivesWithEmptyContent()
    {
        var sent = await Server.SendGuildMessageAsync(_alice, _home, "secret");

        var dispatch = await _harness.WaitForDispatchAsync(d => d.Sequence == sent.Sequence);
        var message = dispatch.Read(DiscordJsonContext.Default.DiscordMessage)!;

        Assert.Equal(string.Empty, message.Content);
        Assert.Equal("200", message.GuildId);
    }

    [Fact]
    public async Task GuildOnlyCommand_CannotBeInvokedInADm()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Server.InvokeSlashCommandAsync(_alice, "home"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Server.InvokeSlashCommandAsync(_alice, "never-registered"));
    }

    private async Task<Interaction> NextInteractionAsync(string id)
    {
        var dispatch = await _harness.WaitForDispatchAsync(
            d => d.Type == GatewayEvents.InteractionCreate && d.Data.GetProperty("id").GetString() == id);
        return dispatch.Read(DiscordJsonContext.Default.Interaction)!;
    }
}
