using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Models;

namespace Bot.Discord.Tests.Models;

public sealed class ModelJsonTests
{
    private const string DmCommand = """
        {"id":"900","application_id":"100","type":2,"token":"itok","version":1,"channel_id":"300",
         "channel":{"id":"300","type":1},
         "user":{"id":"42","username":"alice","discriminator":"0","global_name":"Alice","avatar":null},
         "context":1,"authorizing_integration_owners":{"0":"0"},"app_permissions":"442368","locale":"en-US",
         "entitlements":[],"attachment_size_limit":10485760,
         "data":{"id":"700","name":"link","type":1,"options":[{"name":"code","type":3,"value":"ABC"}]}}
        """;

    private const string GuildCommand = """
        {"id":"901","application_id":"100","type":2,"token":"itok2","version":1,"guild_id":"200","channel_id":"301",
         "member":{"user":{"id":"43","username":"bob","discriminator":"0","global_name":null,"avatar":null},
                   "roles":[],"joined_at":"2024-01-01T00:00:00+00:00","deaf":false,"mute":false,"flags":0,
                   "permissions":"2147483647"},
         "context":0,"data":{"id":"700","name":"link","type":1,
         "options":[{"name":"count","type":4,"value":3},{"name":"loud","type":5,"value":true},{"name":"ratio","type":10,"value":0.5}]}}
        """;

    [Fact]
    public void DmInteraction_Invoker_IsTheTopLevelUser()
    {
        var interaction = Read(DmCommand, DiscordJsonContext.Default.Interaction);

        Assert.Equal("42", interaction.Invoker?.Id);
        Assert.Equal("Alice", interaction.Invoker?.DisplayName);
        Assert.Null(interaction.Member);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(InteractionContextType.BotDm, interaction.Context);
        Assert.Equal("ABC", interaction.Data?.GetOption("code")?.GetString());
        Assert.Null(interaction.Data?.GetOption("missing"));
    }

    [Fact]
    public void GuildInteraction_Invoker_IsTheMembersUser_AndTypedOptionsRead()
    {
        var interaction = Read(GuildCommand, DiscordJsonContext.Default.Interaction);
        var data = interaction.Data!;

        Assert.Equal("43", interaction.Invoker?.Id);
        Assert.Equal("bob", interaction.Invoker?.DisplayName);
        Assert.Null(interaction.User);
        Assert.Equal("200", interaction.GuildId);
        Assert.Equal(3, data.GetOption("count")?.GetInt64());
        Assert.Equal("3", data.GetOption("count")?.GetString());
        Assert.True(data.GetOption("loud")?.GetBoolean());
        Assert.Equal(0.5, data.GetOption("ratio")?.GetDouble());
        Assert.Null(data.GetOption("loud")?.GetInt64());
    }

    [Fact]
    public void ModalSubmit_LegacyActionRowLayout_YieldsTheTextInputs()
    {
        const string json = """
            {"custom_id":"answer","components":[
              {"type":1,"components":[{"type":4,"custom_id":"name","value":"John"}]},
              {"type":1,"components":[{"type":4,"custom_id":"story","value":"Line one\nLine two"}]}]}
            """;

        var values = Read(json, DiscordJsonContext.Default.InteractionData).GetSubmittedTextInputs();

        Assert.Equal(2, values.Count);
        Assert.Equal("John", values["name"]);
        Assert.Equal("Line one\nLine two", values["story"]);
    }

    [Fact]
    public void ModalSubmit_LabelLayout_YieldsTheTextInputs()
    {
        const string json = """
            {"custom_id":"answer","components":[
              {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"name","value":"John"}},
              {"id":3,"component":{"value":"","custom_id":"empty","id":4,"type":4},"type":18},
              {"type":10,"id":5,"content":"Just text"}]}
            """;

        var values = Read(json, DiscordJsonContext.Default.InteractionData).GetSubmittedTextInputs();

        Assert.Equal(new Dictionary<string, string> { ["name"] = "John", ["empty"] = string.Empty }, values);
    }

    [Fact]
    public void MessageCreate_WritesSnakeCaseAndLeavesOutNulls()
    {
        var message = new MessageCreate("Confirm?")
        {
            Components =
            [
                DiscordComponent.ActionRow(
                    DiscordComponent.Button(ButtonStyle.Success, "Yes", "confirm:123"),
                    DiscordComponent.Button(ButtonStyle.Danger, "No", "cancel:123")),
            ],
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = AllowedMentions.None,
        };

        var json = JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessageCreate);

        Assert.Equal(
            """{"content":"Confirm?","components":[{"type":1,"components":[{"type":2,"style":3,"label":"Yes","custom_id":"confirm:123"},{"type":2,"style":4,"label":"No","custom_id":"cancel:123"}]}],"flags":64,"allowed_mentions":{"parse":[]}}""",
            json);
    }

    [Fact]
    public void ModalResponse_WritesTheLabelLayout()
    {
        var response = InteractionResponse.Modal(
            "answer:1",
            "Your answer",
            [DiscordComponent.LabelFor("What did you love?", DiscordComponent.TextInput("text", TextInputStyle.Paragraph, required: true, maxLength: 1000, placeholder: "Take your time"))]);

        var json = JsonSerializer.Serialize(response, DiscordJsonContext.Default.InteractionResponse);

        Assert.Equal(
            """{"type":9,"data":{"components":[{"type":18,"component":{"type":4,"style":2,"custom_id":"text","required":true,"max_length":1000,"placeholder":"Take your time"},"label":"What did you love?"}],"custom_id":"answer:1","title":"Your answer"}}""",
            json);
    }

    [Fact]
    public void ApplicationCommand_MatchesTheDocumentedShape()
    {
        IReadOnlyList<ApplicationCommand> commands =
        [
            new ApplicationCommand("link", "Link your account")
            {
                Type = ApplicationCommandType.ChatInput,
                Options = [new ApplicationCommandOption(ApplicationCommandOptionType.String, "code", "One-time code") { Required = true, MaxLength = 32 }],
                IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
                Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm],
            },
        ];
        var expected = JsonNode.Parse("""
            [{"name":"link","type":1,"description":"Link your account",
              "options":[{"type":3,"name":"code","description":"One-time code","required":true,"max_length":32}],
              "integration_types":[0],"contexts":[0,1]}]
            """);

        var json = JsonSerializer.SerializeToNode(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);

        Assert.True(JsonNode.DeepEquals(expected, json), json!.ToJsonString());
    }

    [Fact]
    public void CommandChoices_KeepStringAndNumberValues()
    {
        var option = new ApplicationCommandOption(ApplicationCommandOptionType.Integer, "day", "Day of week")
        {
            Choices = [CommandChoice.FromInt64("Monday", 1), CommandChoice.FromDouble("Half", 0.5), CommandChoice.FromString("Text", "t")],
        };

        var json = JsonSerializer.Serialize(
            new ApplicationCommand("x", "y") { Options = [option] },
            DiscordJsonContext.Default.ApplicationCommand);

        Assert.Contains("""[{"name":"Monday","value":1},{"name":"Half","value":0.5},{"name":"Text","value":"t"}]""", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"op":11}""", GatewayOpCode.HeartbeatAck, null, null)]
    [InlineData("""{"op":11,"d":null,"s":null,"t":null}""", GatewayOpCode.HeartbeatAck, null, null)]
    [InlineData("""{"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"id":"1"}}""", GatewayOpCode.Dispatch, 42, "MESSAGE_CREATE")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":45000}}""", GatewayOpCode.Hello, null, null)]
    public void GatewayPayload_ReadsEveryFrameShape(string json, GatewayOpCode op, int? sequence, string? type)
    {
        var payload = Read(json, DiscordJsonContext.Default.GatewayPayload);

        Assert.Equal(op, payload.Op);
        Assert.Equal(sequence, payload.S);
        Assert.Equal(type, payload.T);
    }

    [Fact]
    public void FirstHeartbeat_WritesAnExplicitNull()
    {
        var json = JsonSerializer.Serialize(
            new GatewayPayload(GatewayOpCode.Heartbeat),
            DiscordJsonContext.Default.GatewayPayload);

        Assert.Equal("""{"op":1,"d":null}""", json);
    }

    [Fact]
    public void Ready_ReadsSessionResumeUrlUserAndApplication()
    {
        const string json = """
            {"v":10,"user":{"id":"100","username":"bot","discriminator":"0","global_name":null,"avatar":null,"bot":true},
             "guilds":[{"id":"200","unavailable":true}],"session_id":"abc","resume_gateway_url":"wss://host/",
             "application":{"id":"100","flags":0}}
            """;

        var ready = Read(json, DiscordJsonContext.Default.ReadyEvent);

        Assert.Equal("abc", ready.SessionId);
        Assert.Equal("wss://host/", ready.ResumeGatewayUrl);
        Assert.True(ready.User.Bot);
        Assert.Equal("100", ready.Application.Id);
        Assert.Equal("200", Assert.Single(ready.Guilds!).Id);
    }

    [Theory]
    [InlineData(DmCommand)]
    [InlineData(GuildCommand)]
    public void Interaction_RoundTripsWithoutLosingWhatWeRead(string json)
    {
        var first = Read(json, DiscordJsonContext.Default.Interaction);

        var written = JsonSerializer.Serialize(first, DiscordJsonContext.Default.Interaction);
        var second = Read(written, DiscordJsonContext.Default.Interaction);

        Assert.Equal(written, JsonSerializer.Serialize(second, DiscordJsonContext.Default.Interaction));
        Assert.Equal(first.Invoker, second.Invoker);
        Assert.DoesNotContain("invoker", written, StringComparison.Ordinal);
        Assert.DoesNotContain("null", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_RoundTripsComponentsEmbedsAndFlags()
    {
        var message = new DiscordMessage("1", "2", new DiscordUser("3", "bot", Bot: true), "hello")
        {
            Flags = MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds,
            Components = [DiscordComponent.ActionRow(DiscordComponent.LinkButton("Docs", new Uri("https://example.org/")))],
            Embeds = [new DiscordEmbed { Title = "Reveal", Fields = [new EmbedField("Alice", "Yes", Inline: true)], Footer = new EmbedFooter("Week 3") }],
            Timestamp = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
        };

        var json = JsonSerializer.Serialize(message, DiscordJsonContext.Default.DiscordMessage);
        var back = Read(json, DiscordJsonContext.Default.DiscordMessage);

        Assert.Equal(json, JsonSerializer.Serialize(back, DiscordJsonContext.Default.DiscordMessage));
        Assert.Equal(MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds, back.Flags);
        Assert.Equal("https://example.org/", back.Components![0].Components![0].Url);
        Assert.Equal("Week 3", back.Embeds![0].Footer?.Text);
        Assert.Contains("\"flags\":68", json, StringComparison.Ordinal);
    }

    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidOperationException("null");
}
