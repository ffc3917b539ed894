namespace Bot.Testing.Fakes;

/// <summary>One of each in-memory fake, so a test can build the core from a single object.</summary>
public sealed class InMemoryStore
{
    public InMemoryPersonRepository Persons { get; } = new();

    public InMemoryCoupleRepository Couples { get; } = new();

    public InMemoryInviteRepository Invites { get; } = new();

    public InMemoryRoundRepository Rounds { get; } = new();

    public InMemoryQuestionLedger Ledger { get; } = new();

    public InMemoryBucketListRepository BucketList { get; } = new();

    public InMemoryLoveNoteRepository LoveNotes { get; } = new();

    public InMemoryQuestionBowlRepository Bowl { get; } = new();

    public InMemoryFirstTimeRepository FirstTimes { get; } = new();

    public InMemoryQuizRepository Quizzes { get; } = new();

    public InMemorySupportOfferRepository SupportOffers { get; } = new();

    public InMemoryYearReviewRepository YearReviews => field ??= new(this);

    public InMemoryStore() => Pulses = new InMemoryPulseRepository(Rounds);

    public InMemoryPulseRepository Pulses { get; }

    public InMemoryPendingInputRepository PendingInputs { get; } = new();

    public InMemoryMediaRepository Media { get; } = new();

    public InMemoryMemoryRepository Memories { get; } = new();

    public InMemoryOutbox Outbox { get; } = new();

    public InMemoryJournalErasure Erasure => field ??= new(this);

    public InMemoryUnitOfWork UnitOfWork { get; } = new();
}
