using System.Text.RegularExpressions;
using Bot.Core.Application;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests;

/// <summary>Someone talking to the bot from their Telegram private chat.</summary>
public sealed record TestUser(ChatUser User, string Name)
{
    public ChatAddress PrivateChat => new(User.Platform, User.ExternalId);
}

/// <summary>The real Core services on in-memory fakes and a fake clock, driven as an adapter drives them.</summary>
public sealed partial class CoreHarness
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static readonly ChatAddress Group = new(Platform.Telegram, "-100777");

    private long _nextUserId = 1000;

    private readonly IServiceScope _scope;

    public CoreHarness(Action<CheckInOptions>? configure = null)
    {
        configure?.Invoke(Options);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(Options)
            .AddSingleton<IRandomSource>(Random)
            .AddSingleton<IPulseChart>(Chart)
            .AddSingleton<IPersonRepository>(Store.Persons)
            .AddSingleton<ICoupleRepository>(Store.Couples)
            .AddSingleton<IInviteRepository>(Store.Invites)
            .AddSingleton<IRoundRepository>(Store.Rounds)
            .AddSingleton<IQuestionLedger>(Store.Ledger)
            .AddSingleton<IBucketListRepository>(Store.BucketList)
            .AddSingleton<ILoveNoteRepository>(Store.LoveNotes)
            .AddSingleton<IQuestionBowlRepository>(Store.Bowl)
            .AddSingleton<IFirstTimeRepository>(Store.FirstTimes)
            .AddSingleton<IPulseRepository>(Store.Pulses)
            .AddSingleton<IQuizRepository>(Store.Quizzes)
            .AddSingleton<ISupportOfferRepository>(Store.SupportOffers)
            .AddSingleton<IYearReviewRepository>(Store.YearReviews)
            .AddSingleton<IPendingInputRepository>(Store.PendingInputs)
            .AddSingleton<IMediaRepository>(Store.Media)
            .AddSingleton<IMemoryRepository>(Store.Memories)
            .AddSingleton<IJournalErasure>(Store.Erasure)
            .AddSingleton<IOutbox>(Store.Outbox)
            .AddSingleton<IUnitOfWork>(Store.UnitOfWork)
            .AddBotCore();

        // Validation finds a service Core needs but nobody registered here, before any test runs into it.
        var provider = services.BuildServiceProvider(new ServiceProviderOptions
        {
            ValidateOnBuild = true,
            ValidateScopes = true,
        });

        // One scope for the harness's life: a test is one conversation, and the fakes outlive it anyway.
        _scope = provider.CreateScope();
        var resolve = _scope.ServiceProvider;
        Services = resolve;
        Catalog = resolve.GetRequiredService<DeckCatalog>();
        Ideas = resolve.GetRequiredService<FirstTimeIdeas>();
        Messenger = resolve.GetRequiredService<Messenger>();
        Pairing = resolve.GetRequiredService<PairingService>();
        Settings = resolve.GetRequiredService<CoupleSettingsService>();
        Nudges = resolve.GetRequiredService<NudgeService>();
        Rounds = resolve.GetRequiredService<RoundService>();
        Decks = resolve.GetRequiredService<DeckService>();
        Journal = resolve.GetRequiredService<JournalService>();
        Export = resolve.GetRequiredService<ExportService>();
        Farewell = resolve.GetRequiredService<FarewellService>();
        BucketList = resolve.GetRequiredService<BucketListService>();
        LoveNotes = resolve.GetRequiredService<LoveNoteService>();
        Bowl = resolve.GetRequiredService<BowlService>();
        NoteSweeper = resolve.GetRequiredService<LoveNoteSweeper>();
        Sweeper = resolve.GetRequiredService<CheckInSweeper>();
        Cooldowns = resolve.GetRequiredService<CooldownService>();
        CooldownSweeper = resolve.GetRequiredService<CooldownSweeper>();
        FirstTimes = resolve.GetRequiredService<FirstTimeService>();
        FirstTimeSweeper = resolve.GetRequiredService<FirstTimeSweeper>();
        AnswerChoices = resolve.GetRequiredService<AnswerChoiceService>();
        PulseTrend = resolve.GetRequiredService<PulseTrendService>();
        HeldSweeper = resolve.GetRequiredService<HeldAnswerSweeper>();
        Sweep = resolve.GetRequiredService<Sweep>();
        Engine = resolve.GetRequiredService<BotEngine>();
    }

    /// <summary>The services the engine resolves command handlers from.</summary>
    public IServiceProvider Services { get; }

    public CooldownService Cooldowns { get; }

    public CooldownSweeper CooldownSweeper { get; }

    public FirstTimeService FirstTimes { get; }

    public FirstTimeSweeper FirstTimeSweeper { get; }

    public FirstTimeIdeas Ideas { get; }

    public BucketListService BucketList { get; }

    public NudgeService Nudges { get; }

    public LoveNoteService LoveNotes { get; }

    public BowlService Bowl { get; }

    public ExportService Export { get; }

    public LoveNoteSweeper NoteSweeper { get; }

    public AnswerChoiceService AnswerChoices { get; }

    public PulseTrendService PulseTrend { get; }

    public HeldAnswerSweeper HeldSweeper { get; }

    public FakePulseChart Chart { get; } = new();

    public InMemoryStore Store { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Every random choice the core makes; script one with <see cref="ScriptedRandom.Script"/>.</summary>
    public ScriptedRandom Random { get; } = new();

    public CheckInOptions Options { get; } = new();

    public DeckCatalog Catalog { get; }

    public Messenger Messenger { get; }

    public PairingService Pairing { get; }

    public CoupleSettingsService Settings { get; }

    public RoundService Rounds { get; }

    public DeckService Decks { get; }

    public JournalService Journal { get; }

    public FarewellService Farewell { get; }

    public CheckInSweeper Sweeper { get; }

    /// <summary>The whole minute's sweep, every step in its order.</summary>
    public Sweep Sweep { get; }

    public BotEngine Engine { get; }

    public IReadOnlyList<OutgoingMessage> Messages => Store.Outbox.Messages;

    public TestUser Person(string name) => Person(++_nextUserId, name);

    public static TestUser Person(long id, string name) =>
        new(new ChatUser(Platform.Telegram, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), name);

    /// <summary>A command typed in the person's private chat, e.g. "/join ABCDE-FGHJK".</summary>
    public Task SendAsync(TestUser user, string line) => HandleAsync(Command(user, user.PrivateChat, true, line));

    /// <summary>A command typed in <see cref="Group"/>.</summary>
    public Task SendInGroupAsync(TestUser user, string line) => HandleAsync(Command(user, Group, false, line));

    public Task TextAsync(TestUser user, string text, string? messageId = null) =>
        HandleAsync(new TextReceived(user.User, user.Name, user.PrivateChat, true, text) { MessageId = messageId });

    /// <summary>The person edits a message they sent in their private chat; it now says <paramref name="text"/>.</summary>
    public Task EditAsync(TestUser user, string messageId, string text) =>
        HandleAsync(new MessageEdited(user.User, user.Name, user.PrivateChat, true, messageId, text));

    /// <summary>A voice note, photo or video in the private chat, its bytes already fetched, with an optional caption.</summary>
    public Task MediaAsync(TestUser user, InboundMedia media, string caption = "") =>
        HandleAsync(new TextReceived(user.User, user.Name, user.PrivateChat, true, caption) { Media = media });

    /// <summary>A command typed as the caption of a file (Telegram) or with an attachment option (Discord).</summary>
    public Task SendWithMediaAsync(TestUser user, string line, InboundMedia media) =>
        HandleAsync(Command(user, user.PrivateChat, true, line) with { Media = media });

    /// <summary>A file as the platform of <paramref name="user"/> would describe it, with <paramref name="size"/> bytes fetched.</summary>
    public static InboundMedia Media(TestUser user, MediaKind kind, int size, string fileId = "file-1") =>
        new(kind, new MediaSource(user.User.Platform, fileId), size, null)
        {
            Content = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray(),
        };

    public Task TextInGroupAsync(TestUser user, string text) =>
        HandleAsync(new TextReceived(user.User, user.Name, Group, false, text));

    public Task PressAsync(TestUser user, string payload) =>
        HandleAsync(new ChoiceSelected(user.User, user.Name, user.PrivateChat, true, payload));

    /// <summary>
    /// Presses the newest button offered to the person whose payload is <paramref name="prefix"/> or starts with it
    /// and a field separator (a confirmation carries who it was shown to, and when).
    /// </summary>
    public Task PressOfferedAsync(TestUser user, string prefix) =>
        PressAsync(user, PayloadsTo(user).Last(p => p == prefix || p.StartsWith(prefix + ":", StringComparison.Ordinal)));

    /// <summary>A confirmation's payload as the bot would show it to the person now.</summary>
    public string Confirmation(TestUser user, ButtonKind kind, params object[] fields) =>
        kind.EncodeConfirmation(Stored(user).Id, Clock.GetUtcNow(), fields);

    /// <summary>A button pressed on a message the bot posted in <see cref="Group"/>.</summary>
    public Task PressInGroupAsync(TestUser user, string payload) =>
        HandleAsync(new ChoiceSelected(user.User, user.Name, Group, false, payload));

    public Task<SweepResult> SweepAsync() => Sweeper.RunAsync(CancellationToken.None);

    /// <summary>Runs the whole sweep, as the host's minute job does.</summary>
    public Task<SweepReport> SweepAllAsync() => Sweep.RunAsync(CancellationToken.None);

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Moves the clock to an instant in the future.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        Assert.True(at >= Clock.GetUtcNow(), $"The clock cannot go back to {at:O}.");
        Clock.SetUtcNow(at);
    }

    public IReadOnlyList<OutgoingMessage> MessagesTo(TestUser user) =>
        [.. Messages.Where(m => m.To == user.PrivateChat)];

    public IReadOnlyList<string> TextsTo(TestUser user) => [.. MessagesTo(user).Select(m => m.Text)];

    public string LastTextTo(TestUser user)
    {
        var messages = MessagesTo(user);
        Assert.True(messages.Count > 0, $"Nothing was sent to {user.Name}.");
        return messages[^1].Text;
    }

    public OutgoingMessage LastMessageTo(TestUser user)
    {
        var messages = MessagesTo(user);
        Assert.True(messages.Count > 0, $"Nothing was sent to {user.Name}.");
        return messages[^1];
    }

    /// <summary>Every button payload offered to the person, newest last.</summary>
    public IReadOnlyList<string> PayloadsTo(TestUser user) =>
        [.. MessagesTo(user).SelectMany(m => m.Choices.SelectMany(row => row)).Select(c => c.Payload)];

    public void ClearOutbox() => Store.Outbox.Clear();

    public Person Stored(TestUser user) =>
        Store.Persons.All.SingleOrDefault(p => p.User == user.User)
        ?? throw new InvalidOperationException($"{user.Name} has never talked to the bot.");

    public Couple? ActiveCouple(TestUser user) =>
        Store.Couples.All.SingleOrDefault(c => c.IsActive && c.Includes(Stored(user).Id));

    public Round? OpenRound(TestUser user) =>
        ActiveCouple(user) is { } couple ? Store.Rounds.All.SingleOrDefault(r => r.IsOpen && r.CoupleId == couple.Id)
            : null;

    /// <summary>Sends /pair and returns the code from the reply, as the person would forward it.</summary>
    public async Task<string> PairCodeAsync(TestUser owner)
    {
        await SendAsync(owner, "/pair");
        var match = JoinLine().Match(LastTextTo(owner));
        Assert.True(match.Success, $"No /join line in: {LastTextTo(owner)}");
        return match.Groups["code"].Value;
    }

    /// <summary>Pairs the two through /pair and /join, then empties the outbox.</summary>
    public async Task<Couple> PairAsync(TestUser owner, TestUser joiner)
    {
        var code = await PairCodeAsync(owner);
        await SendAsync(joiner, $"/join {code}");
        var couple = ActiveCouple(joiner);
        Assert.NotNull(couple);
        ClearOutbox();
        return couple;
    }

    /// <summary>Two people paired with each other, outbox empty.</summary>
    public async Task<(TestUser A, TestUser B)> CoupleAsync(string a = "Alex", string b = "Bea")
    {
        var (first, second) = (Person(a), Person(b));
        await PairAsync(first, second);
        return (first, second);
    }

    /// <summary>Taps the weekly pulse scales still waiting for the person (null taps Skip).</summary>
    public async Task PulseAsync(TestUser user, int? loved, int? heard)
    {
        foreach (var value in new[] { loved, heard })
        {
            var payload = PendingPulsePayload(user, value);
            Assert.NotNull(payload);
            await PressAsync(user, payload);
        }
    }

    /// <summary>The payload of the newest pulse button with this value (null for Skip) offered to the person.</summary>
    public string? PendingPulsePayload(TestUser user, int? value) =>
        PayloadsTo(user).LastOrDefault(p => p.StartsWith("pulse:", StringComparison.Ordinal)
            && p.EndsWith($":{value ?? 0}", StringComparison.Ordinal));

    /// <summary>
    /// Answers the person's open questions in turn; a weekly pulse still waiting for them is skipped first (tests
    /// of the pulse tap it themselves with <see cref="PulseAsync"/>).
    /// </summary>
    public async Task AnswerAsync(TestUser user, params string[] answers)
    {
        if (OpenRound(user) is { } round
            && await Rounds.NextPulseScaleAsync(round, Stored(user).Id, CancellationToken.None) is not null)
        {
            await PulseAsync(user, null, null);
        }

        foreach (var answer in answers)
        {
            await TextAsync(user, answer);
        }
    }

    [GeneratedRegex(@"/join (?<code>[A-Z0-9]{5}-[A-Z0-9]{5})")]
    private static partial Regex JoinLine();

    public Task HandleAsync(Inbound message) =>
        Store.UnitOfWork.RunAsync(token => Engine.HandleAsync(message, token), CancellationToken.None);

    private static CommandReceived Command(TestUser user, ChatAddress chat, bool isPrivate, string line)
    {
        Assert.StartsWith("/", line, StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var (command, arguments) = space < 0 ? (line[1..], "") : (line[1..space], line[(space + 1)..]);
        return new CommandReceived(user.User, user.Name, chat, isPrivate, command.ToLowerInvariant(), arguments);
    }
}
