using System.Net;
using System.Net.Sockets;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private FakeDiscordServer _server = null!;
    private FakeDiscordUser _alice = null!;
    private RecordingTimeProvider _time = null!;
    private DiscordRestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        _alice = _server.AddUser("42", "alice", "Alice");
        _time = new RecordingTimeProvider();
        _client = NewClient(options => { }, _time);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Calls_CarryBotAuthorizationUserAgentAndJson_UnderApiV10()
    {
        var channel = await _client.CreateDmAsync(_alice.Id);
        var message = await _client.CreateMessageAsync(channel.Id, new MessageCreate("Hi Alice"));

        Assert.Equal(ChannelType.Dm, channel.Type);
        Assert.Equal(_alice.DmChannelId, channel.Id);
        Assert.Equal("Hi Alice", message.Content);
        Assert.Equal(_server.BotUserId, message.Author.Id);
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, request =>
        {
            Assert.StartsWith("/api/v10/", request.Path, StringComparison.Ordinal);
            Assert.Equal($"Bot {_server.Token}", request.Authorization);
            Assert.Equal("DiscordBot (https://github.com/botsuite, 1.0)", request.UserAgent);
            Assert.Equal("application/json", request.ContentType);
        });
        Assert.Equal("""{"recipient_id":"42"}""", _server.Requests[0].Body);
        Assert.Equal("""{"content":"Hi Alice"}""", _server.Requests[1].Body);
        Assert.Equal("Hi Alice", Assert.Single(_server.MessagesIn(_alice.DmChannelId)).Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/api")]
    [InlineData("/api/v10")]
    [InlineData("/api/v10/")]
    public async Task ApiBaseUrl_AlwaysEndsUpAtApiV10(string suffix)
    {
        using var client = NewClient(options => options.ApiBaseUrl = new Uri(_server.BaseUrl + suffix));

        var application = await client.GetCurrentApplicationAsync();

        Assert.Equal(_server.ApplicationId, application.Id);
        Assert.Equal(new Uri(_server.BaseUrl + "/api/v10/"), client.ApiBase);
    }

    [Fact]
    public void ApiBaseUrl_WithAnotherVersion_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => NewClient(options => options.ApiBaseUrl = new Uri("https://discord.com/api/v9")));
    }

    [Fact]
    public async Task GatewayBot_ReturnsTheUrlAndSessionLimits()
    {
        var info = await _client.GetGatewayBotAsync();

        Assert.Equal(_server.GatewayUrl.AbsoluteUri, info.Url);
        Assert.Equal(1, info.Shards);
        Assert.Equal(1, info.SessionStartLimit.MaxConcurrency);
        Assert.Equal(_server.GatewayUrl, await _client.GetGatewayUrlAsync());
    }

    [Fact]
    public async Task BulkOverwrite_SendsTheCommands_AndReturnsThemWithIds()
    {
        _server.AddGuild("200", "Home");
        ApplicationCommand[] commands =
        [
            new("join", "Join your partner with their code")
            {
                Options = [new ApplicationCommandOption(ApplicationCommandOptionType.String, "code", "Invite code") { Required = true, MaxLength = 32 }],
                IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
                Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm],
            },
            new("question", "Ask a question from a deck")
            {
                Options =
                [
                    new ApplicationCommandOption(ApplicationCommandOptionType.String, "deck", "Which deck")
                    {
                        Choices = [CommandChoice.FromString("Light", "light"), CommandChoice.FromString("Deep", "deep")],
                    },
                ],
            },
        ];

        var global = await _client.BulkOverwriteGlobalCommandsAsync(_server.ApplicationId, commands);
        var guild = await _client.BulkOverwriteGuildCommandsAsync(_server.ApplicationId, "200", commands);

        Assert.All(global, command => Assert.False(string.IsNullOrEmpty(command.Id)));
        Assert.Equal(["join", "question"], global.Select(command => command.Name));
        Assert.Equal("200", guild[0].GuildId);
        Assert.Equal(2, _server.GlobalCommands.Count);
        Assert.Equal("code", _server.GlobalCommands[0]!["options"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("[0,1]", _server.GlobalCommands[0]!["contexts"]!.ToJsonString());
        Assert.Equal(2, _server.GuildCommands("200")!.Count);
    }

    [Fact]
    public async Task InvalidCommandName_IsRejectedWithThePathOfTheField()
    {
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _client.BulkOverwriteGlobalCommandsAsync(
            _server.ApplicationId,
            [new ApplicationCommand("ok", "fine"), new ApplicationCommand("Bad Name", "not lowercase")]));

        Assert.Equal(50035, error.Code);
        Assert.StartsWith("""{"1":{"name":""", error.ErrorsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BucketWithNothingRemaining_MakesTheNextCallWaitUntilItsReset()
    {
        var path = $"/api/v10/channels/{_alice.DmChannelId}/messages";
        _server.ScriptRateLimitHeaders("POST", path, remaining: 0, TimeSpan.FromSeconds(5));
        await _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("one"));

        var second = _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("two"));
        await _time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(5));

        Assert.False(second.IsCompleted);
        Assert.Equal(1, _server.Requests.Count(request => request.Path == path));
        _time.Advance(TimeSpan.FromSeconds(5));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _server.Requests.Count(request => request.Path == path));
    }

    [Fact]
    public async Task EmptyBucket_OfOneChannel_DoesNotHoldBackAnotherChannel()
    {
        var bob = _server.AddUser("43", "bob");
        _server.ScriptRateLimitHeaders(
            "POST",
            $"/api/v10/channels/{_alice.DmChannelId}/messages",
            0,
            TimeSpan.FromSeconds(5));
        await _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("one"));

        var other = await _client.CreateMessageAsync(bob.DmChannelId, new MessageCreate("hello bob")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("hello bob", other.Content);
        Assert.DoesNotContain(_time.Timers, due => due > TimeSpan.Zero);
    }

    [Fact]
    public async Task RouteRateLimited_ThrowsWithRetryAfter_AndTheNextCallWaitsItOut()
    {
        var path = $"/api/v10/channels/{_alice.DmChannelId}/messages";
        _server.ScriptRateLimit("POST", path, TimeSpan.FromSeconds(2.5));

        var limited = await Assert.ThrowsAsync<DiscordRateLimitedException>(
            () => _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("one")));
        var retry = _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("one again"));
        await _time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(2.5));

        Assert.Equal(TimeSpan.FromSeconds(2.5), limited.RetryAfter);
        Assert.False(limited.IsGlobal);
        Assert.Equal(1, _server.Requests.Count(request => request.Path == path));
        _time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal("one again", (await retry.WaitAsync(TimeSpan.FromSeconds(10))).Content);
    }

    [Fact]
    public async Task GlobalRateLimit_ThrowsGlobal_AndHoldsEveryBotRouteButNotInteractionRoutes()
    {
        _server.ScriptGlobalRateLimit("GET", "/api/v10/applications/@me", TimeSpan.FromSeconds(1.5));

        var limited = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => _client.GetCurrentApplicationAsync());
        var otherRoute = _client.CreateDmAsync(_alice.Id);
        await _time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(1.5));
        var webhook = await Assert.ThrowsAsync<DiscordApiException>(
            () => _client.CreateFollowupMessageAsync(_server.ApplicationId, "unknown-token", new MessageCreate("hi")));

        Assert.True(limited.IsGlobal);
        Assert.Equal(TimeSpan.FromSeconds(1.5), limited.RetryAfter);
        Assert.Equal(10015, webhook.Code);
        Assert.False(otherRoute.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(_alice.DmChannelId, (await otherRoute.WaitAsync(TimeSpan.FromSeconds(10))).Id);
    }

    [Fact]
    public async Task MoreThanFiftyRequests_ArePacedByTheGlobalLimit()
    {
        using var client = NewClient(options => { });

        await Task.WhenAll(Enumerable.Range(0, 55).Select(_ => client.GetCurrentApplicationAsync()));

        var times = _server.Requests.Select(request => request.At).Order().ToArray();
        Assert.Equal(55, times.Length);
        Assert.True(times[50] - times[0] >= TimeSpan.FromMilliseconds(900), $"{times[50] - times[0]}");
    }

    [Fact]
    public async Task ContentOver2000Characters_ThrowsApiExceptionWithNestedErrors()
    {
        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate(new string('a', 2001))));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(50035, error.Code);
        Assert.Equal("Invalid Form Body", error.Message);
        Assert.Contains(
            "\"content\":{\"_errors\":[{\"code\":\"BASE_TYPE_MAX_LENGTH\"",
            error.ErrorsJson,
            StringComparison.Ordinal);
        Assert.Contains("50035", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptedError_KeepsTheRawErrorsObject()
    {
        const string errors = """{"components":{"0":{"components":{"1":{"custom_id":{"_errors":[{"code":"BASE_TYPE_BAD_LENGTH","message":"Must be between 1 and 100 in length."}]}}}}}}""";
        _server.ScriptError(
            "POST",
            $"/api/v10/channels/{_alice.DmChannelId}/messages",
            400,
            50035,
            "Invalid Form Body",
            errors);

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("x")));

        Assert.Equal(errors, error.ErrorsJson);
    }

    [Fact]
    public async Task ButtonCustomIdOver100Characters_IsRejected()
    {
        var message = new MessageCreate("Pick one")
        {
            Components = [DiscordComponent.ActionRow(DiscordComponent.Button(ButtonStyle.Primary, "Yes", new string('y', 101)))],
        };

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _client.CreateMessageAsync(_alice.DmChannelId, message));

        Assert.Equal(50035, error.Code);
        Assert.Contains("custom_id", error.ErrorsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyMessage_Throws50006()
    {
        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate()));

        Assert.Equal(50006, error.Code);
        Assert.Null(error.ErrorsJson);
    }

    [Fact]
    public async Task ClosedDms_Throw50007()
    {
        _server.SetDmsClosed(_alice, closed: true);

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => _client.CreateMessageAsync(_alice.DmChannelId, new MessageCreate("hello")));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(50007, error.Code);
    }

    [Fact]
    public async Task WrongToken_Throws401ApiException()
    {
        using var client = NewClient(options => options.Token = "wrong");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => client.GetGatewayBotAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(0, error.Code);
        Assert.Equal("401: Unauthorized", error.Message);
    }

    [Fact]
    public async Task NonJsonErrorPage_BecomesApiExceptionWithTheText()
    {
        using var client = NewClient(options => options.UserAgent = "curl/8.0");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => client.GetCurrentApplicationAsync());

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("error code: 1010", error.Message);
    }

    [Fact]
    public async Task NetworkFailure_SurfacesAsHttpRequestException()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = NewClient(options => options.ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/"));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetCurrentApplicationAsync());
    }

    private DiscordRestClient NewClient(Action<DiscordClientOptions> configure, TimeProvider? time = null)
    {
        var options = new DiscordClientOptions { Token = _server.Token, ApiBaseUrl = _server.ApiBaseUrl };
        configure(options);
        return new DiscordRestClient(_http, options, time);
    }
}
