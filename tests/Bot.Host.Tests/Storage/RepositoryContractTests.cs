using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Storage;
using Bot.Testing.Fakes;

namespace Bot.Host.Tests.Storage;

/// <summary>The repositories of one storage implementation, as the contract tests see them.</summary>
public sealed record RepositorySet(
    IPersonRepository Persons,
    ICoupleRepository Couples,
    IInviteRepository Invites,
    IRoundRepository Rounds,
    IQuestionLedger Ledger,
    IBucketListRepository BucketList,
    ILoveNoteRepository LoveNotes,
    IJournalErasure Erasure,
    IQuestionBowlRepository Bowl,
    IFirstTimeRepository FirstTimes,

    IPulseRepository Pulses,
    IPendingInputRepository PendingInputs,
    IQuizRepository Quizzes,
    ISupportOfferRepository SupportOffers,
    IYearReviewRepository YearReviews)
{
    public IMediaRepository Media { get; init; } = new InMemoryMediaRepository();

    public IMemoryRepository Memories { get; init; } = new InMemoryMemoryRepository();
}

/// <summary>
/// What every storage implementation of the ports must do. Run against the in-memory fakes and against SQLite,
/// so the fakes the core's tests rely on cannot drift from the real thing.
/// </summary>
public abstract partial class RepositoryContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private RepositorySet? _set;

    protected IPersonRepository Persons => Set.Persons;

    protected ICoupleRepository Couples => Set.Couples;

    protected IInviteRepository Invites => Set.Invites;

    protected IRoundRepository Rounds => Set.Rounds;

    protected IQuestionLedger Ledger => Set.Ledger;

    protected IBucketListRepository BucketList => Set.BucketList;

    protected ILoveNoteRepository LoveNotes => Set.LoveNotes;

    protected IJournalErasure Erasure => Set.Erasure;

    protected IQuestionBowlRepository Bowl => Set.Bowl;

    protected IFirstTimeRepository FirstTimes => Set.FirstTimes;

    protected IPulseRepository Pulses => Set.Pulses;

    protected IPendingInputRepository PendingInputs => Set.PendingInputs;

    protected IQuizRepository Quizzes => Set.Quizzes;

    protected ISupportOfferRepository SupportOffers => Set.SupportOffers;

    protected IYearReviewRepository YearReviews => Set.YearReviews;

    protected IMediaRepository Media => Set.Media;

    protected IMemoryRepository Memories => Set.Memories;

    private RepositorySet Set => _set ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _set = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<RepositorySet> CreateAsync();

    protected static ChatUser TelegramUser(string id) => new(Platform.Telegram, id);

    protected static Invite NewInvite(string code, long ownerId) =>
        new(code, ownerId, Now, Now.AddHours(24), null, null);

    protected Task<Person> PersonAsync(string id, string name = "Sam") =>
        Persons.UpsertAsync(
            TelegramUser(id), name, new ChatAddress(Platform.Telegram, id), Now, CancellationToken.None);

    protected async Task<Couple> CoupleAsync(DateTimeOffset? nextCheckIn = null, string? tag = null)
    {
        tag ??= Guid.NewGuid().ToString("N")[..8];
        var a = await PersonAsync($"a-{tag}", "Alex");
        var b = await PersonAsync($"b-{tag}", "Blake");
        return await Couples.AddAsync(NewCouple(a.Id, b.Id, nextCheckIn), CancellationToken.None);
    }

    protected static Couple NewCouple(long partnerA, long partnerB, DateTimeOffset? nextCheckIn = null) => new(
        0,
        partnerA,
        partnerB,
        "Europe/Berlin",
        new WeeklySchedule(DayOfWeek.Sunday, new TimeOnly(19, 30), IsEnabled: true),
        nextCheckIn,
        null,
        Now,
        null);

    protected static Round NewRound(
        long coupleId,
        RoundState state = RoundState.Open,
        DateTimeOffset? remindAt = null,
        DateTimeOffset? expiresAt = null,
        DateTimeOffset? closedAt = null) => new(
        0,
        coupleId,
        RoundKind.Weekly,
        null,
        state,
        Now,
        remindAt ?? Now.AddDays(1),
        expiresAt ?? Now.AddDays(3),
        null,
        closedAt,
        [
            new RoundQuestion(1, null, "What made you smile this week?"),
            new RoundQuestion(2, "q-7", "What do you need?"),
        ],
        []);
}

public sealed class InMemoryRepositoryContractTests : RepositoryContractTests
{
    protected override Task<RepositorySet> CreateAsync()
    {
        var store = new InMemoryStore();
        return Task.FromResult(
            new RepositorySet(
                store.Persons, store.Couples, store.Invites, store.Rounds, store.Ledger, store.BucketList,
                store.LoveNotes, store.Erasure, store.Bowl, store.FirstTimes, store.Pulses, store.PendingInputs,
                store.Quizzes, store.SupportOffers, store.YearReviews)
            {
                Media = store.Media,
                Memories = store.Memories,
            });
    }
}

public sealed class SqliteRepositoryContractTests : StorageRepositoryContractTests
{
    private protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresRepositoryContractTests : StorageRepositoryContractTests
{
    private protected override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>The contract on a real database of either provider, wired as the host wires it.</summary>
public abstract class StorageRepositoryContractTests : RepositoryContractTests
{
    private TestDatabase? _database;

    private protected abstract StorageProvider Provider { get; }

    public override async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<RepositorySet> CreateAsync()
    {
        _database = await TestDatabase.CreateAsync(provider: Provider);
        return new RepositorySet(
            _database.Get<IPersonRepository>(),
            _database.Get<ICoupleRepository>(),
            _database.Get<IInviteRepository>(),
            _database.Get<IRoundRepository>(),
            _database.Get<IQuestionLedger>(),
            _database.Get<IBucketListRepository>(),
            _database.Get<ILoveNoteRepository>(),
            _database.Get<IJournalErasure>(),
            _database.Get<IQuestionBowlRepository>(),
            _database.Get<IFirstTimeRepository>(),

            _database.Get<IPulseRepository>(),
            _database.Get<IPendingInputRepository>(),
            _database.Get<IQuizRepository>(),
            _database.Get<ISupportOfferRepository>(),
            _database.Get<IYearReviewRepository>())
        {
            Media = _database.Get<IMediaRepository>(),
            Memories = _database.Get<IMemoryRepository>(),
        };
    }
}
