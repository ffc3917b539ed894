using Bot.Core.Domain;

namespace Bot.Core.Ports;

/// <summary>People who have talked to the bot.</summary>
public interface IPersonRepository
{
    /// <summary>
    /// Finds the person or creates them; refreshes the display name, and when <paramref name="privateChat"/> is
    /// given records it and marks the person reachable again (they just wrote to us).
    /// </summary>
    Task<Person> UpsertAsync(
        ChatUser user, string displayName, ChatAddress? privateChat, DateTimeOffset now, CancellationToken ct);

    Task<Person?> GetAsync(long id, CancellationToken ct);

    Task SaveThrottleAsync(long personId, JoinThrottle throttle, CancellationToken ct);

    /// <summary>Marks whoever has this private chat as unreachable (they blocked the bot).</summary>
    Task MarkUnreachableAsync(ChatAddress privateChat, CancellationToken ct);

    /// <summary>Sets the person's own zone; null makes them go by their couple's zone again.</summary>
    Task SaveTimeZoneAsync(long personId, string? timeZone, CancellationToken ct);

    /// <summary>What the person's next plain text means in the warm start; null asks for nothing.</summary>
    Task SaveAwaitingAsync(long personId, WelcomeInput? awaiting, DateTimeOffset? since, CancellationToken ct);

    /// <summary>Sets the person's quiet hours; null turns them off.</summary>
    Task SaveQuietHoursAsync(long personId, QuietHours? quietHours, CancellationToken ct);

    /// <summary>
    /// Records a /nudge at <paramref name="at"/> only if the last one still is <paramref name="previous"/>; false
    /// means another nudge got there first.
    /// </summary>
    Task<bool> TryMarkNudgedAsync(long personId, DateTimeOffset? previous, DateTimeOffset at, CancellationToken ct);
}

/// <summary>Couples, active and ended.</summary>
public interface ICoupleRepository
{
    /// <summary>Inserts a couple (its <see cref="Couple.Id"/> is ignored) and returns it with its new id.</summary>
    Task<Couple> AddAsync(Couple couple, CancellationToken ct);

    Task<Couple?> GetAsync(long id, CancellationToken ct);

    Task<Couple?> GetActiveForPersonAsync(long personId, CancellationToken ct);

    /// <summary>The person's newest couple, active or ended; null if they were never paired.</summary>
    Task<Couple?> GetLatestForPersonAsync(long personId, CancellationToken ct);

    /// <summary>Active couples whose home is this chat.</summary>
    Task<IReadOnlyList<Couple>> FindByHomeAsync(ChatAddress home, CancellationToken ct);

    /// <summary>Writes time zone, schedule, next check-in, home and end.</summary>
    Task UpdateAsync(Couple couple, CancellationToken ct);

    /// <summary>
    /// Ids of active couples whose next check-in is at or before <paramref name="now"/>, earliest first. Finders of
    /// due work return ids: each item is read in its own transaction, so one that cannot be read stops nothing else.
    /// </summary>
    Task<IReadOnlyList<long>> FindDueCheckInsAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>
    /// Moves the next check-in from <paramref name="expected"/> to <paramref name="next"/> only if it still is
    /// <paramref name="expected"/>; false means another sweep (or node) got there first.
    /// </summary>
    Task<bool> TryAdvanceCheckInAsync(
        long coupleId, DateTimeOffset expected, DateTimeOffset? next, CancellationToken ct);

    /// <summary>Ids of active couples whose cool-down has run out (or was ended early), earliest first.</summary>
    Task<IReadOnlyList<long>> FindDueCooldownEndsAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>
    /// Clears the cool-down (end, asker, topic) only if it still ends at <paramref name="expectedUntil"/>; false
    /// means another sweep, node or /cooldown end got there first.
    /// </summary>
    Task<bool> TryEndCooldownAsync(long coupleId, DateTimeOffset expectedUntil, CancellationToken ct);

    /// <summary>Ids of active couples whose monthly "first time" proposal is due, earliest first.</summary>
    Task<IReadOnlyList<long>> FindDueFirstTimesAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Moves the next "first time" from <paramref name="expected"/> to <paramref name="next"/> if unchanged.</summary>
    Task<bool> TryAdvanceFirstTimeAsync(
        long coupleId, DateTimeOffset expected, DateTimeOffset? next, CancellationToken ct);
}

/// <summary>Pairing invite codes.</summary>
public interface IInviteRepository
{
    Task AddAsync(Invite invite, CancellationToken ct);

    Task<Invite?> FindAsync(string code, CancellationToken ct);

    /// <summary>Removes the owner's codes nobody has used yet (a fresh /pair replaces them).</summary>
    Task DeleteUnusedByOwnerAsync(long ownerId, CancellationToken ct);

    Task MarkUsedAsync(string code, long usedById, DateTimeOffset at, CancellationToken ct);
}

/// <summary>Check-in rounds with their questions and answers.</summary>
public interface IRoundRepository
{
    /// <summary>Inserts the round and its questions (ids ignored) and returns it with its new id.</summary>
    Task<Round> AddAsync(Round round, CancellationToken ct);

    Task<Round?> GetAsync(long id, CancellationToken ct);

    Task<Round?> GetOpenAsync(long coupleId, CancellationToken ct);

    /// <summary>Records an answer; false if this person already answered that question.</summary>
    Task<bool> AddAnswerAsync(Answer answer, CancellationToken ct);

    /// <summary>Closes an open round; false if it was no longer open.</summary>
    Task<bool> CloseAsync(long roundId, RoundState state, DateTimeOffset at, CancellationToken ct);

    /// <summary>Marks the reminder as sent; false if it already was or the round is no longer open.</summary>
    Task<bool> MarkRemindedAsync(long roundId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Ids of open, not yet reminded rounds whose reminder time has come, earliest first.</summary>
    Task<IReadOnlyList<long>> FindDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Ids of open rounds whose expiry time has come, earliest first.</summary>
    Task<IReadOnlyList<long>> FindDueExpiriesAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>The couple's most recent revealed rounds, newest first.</summary>
    Task<IReadOnlyList<Round>> GetRevealedAsync(long coupleId, int count, CancellationToken ct);

    /// <summary>Deletes every answer this person ever wrote, in every round.</summary>
    Task DeleteAnswersByAsync(long personId, CancellationToken ct);

    /// <summary>Replaces the text of every round question this person wrote (their bowl questions) and forgets them as author.</summary>
    Task ReplaceQuestionsByAsync(long personId, string replacement, CancellationToken ct);

    /// <summary>
    /// Rewrites an answer's text, visibility and hold date, only while its round is still open; false once the
    /// round was revealed or closed (or the answer is gone).
    /// </summary>
    Task<bool> UpdateAnswerAsync(Answer answer, CancellationToken ct);

    /// <summary>
    /// Ids of revealed rounds with a held answer whose date has come, that was still held at the reveal and has not been
    /// delivered yet; earliest first.
    /// </summary>
    Task<IReadOnlyList<long>> FindDueHeldAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Marks a held answer delivered; false if it already was (another sweep got there first) or is gone.</summary>
    Task<bool> MarkHeldDeliveredAsync(long roundId, int position, long personId, DateTimeOffset at, CancellationToken ct);
}

/// <summary>Which deck questions a couple has already drawn, so nothing repeats until a deck is used up.</summary>
public interface IQuestionLedger
{
    Task<IReadOnlySet<string>> GetDrawnAsync(long coupleId, string deckId, CancellationToken ct);

    Task AddAsync(long coupleId, string deckId, string questionId, DateTimeOffset at, CancellationToken ct);

    Task ResetAsync(long coupleId, string deckId, CancellationToken ct);
}

/// <summary>A couple's shared bucket list.</summary>
public interface IBucketListRepository
{
    /// <summary>Inserts the item (its id is ignored) and returns it with its new id.</summary>
    Task<BucketItem> AddAsync(BucketItem item, CancellationToken ct);

    /// <summary>The couple's items: open ones first in the order added, then done ones, most recent first.</summary>
    Task<IReadOnlyList<BucketItem>> ListAsync(long coupleId, CancellationToken ct);

    /// <summary>Ticks an open item off; false if it is not the couple's or already done.</summary>
    Task<bool> MarkDoneAsync(long coupleId, long itemId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Deletes every item this person added, on every list (part of /forget).</summary>
    Task DeleteAddedByAsync(long personId, CancellationToken ct);
}

/// <summary>Love notes and time capsules, waiting or delivered.</summary>
public interface ILoveNoteRepository
{
    /// <summary>Inserts the note (its id is ignored) and returns it with its new id.</summary>
    Task<LoveNote> AddAsync(LoveNote note, CancellationToken ct);

    Task<LoveNote?> GetAsync(long id, CancellationToken ct);

    /// <summary>Ids of undelivered notes whose time has come, earliest first.</summary>
    Task<IReadOnlyList<long>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Marks the note delivered; false if it already was (another sweep got there first) or is gone.</summary>
    Task<bool> MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Moves one waiting note to <paramref name="to"/> if it is still due at <paramref name="expected"/>.</summary>
    Task<bool> PostponeAsync(long id, DateTimeOffset expected, DateTimeOffset to, CancellationToken ct);

    /// <summary>Moves the couple's waiting notes due exactly at <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task MoveDueAsync(long coupleId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The couple's delivered notes and opened capsules, earliest delivery first (for /export).</summary>
    Task<IReadOnlyList<LoveNote>> ListDeliveredAsync(long coupleId, CancellationToken ct);

    /// <summary>How many of this person's notes and capsules are still waiting.</summary>
    Task<int> CountPendingFromAsync(long personId, CancellationToken ct);

    /// <summary>Deletes every note and capsule this person wrote, delivered or not (part of /forget).</summary>
    Task DeleteFromAsync(long personId, CancellationToken ct);
}

/// <summary>Deleting a couple's shared journal for good, which both partners must want.</summary>
public interface IJournalErasure
{
    /// <summary>Records that this partner asked to delete the couple's journal (replacing an earlier ask).</summary>
    Task RequestAsync(long coupleId, long requestedById, DateTimeOffset at, CancellationToken ct);

    /// <summary>Whether this person's ask still waits for the partner's answer.</summary>
    Task<bool> IsRequestedAsync(long coupleId, long requestedById, CancellationToken ct);

    /// <summary>Removes this person's ask; false when there is none (never made, or already answered).</summary>
    Task<bool> TryTakeRequestAsync(long coupleId, long requestedById, CancellationToken ct);

    /// <summary>Deletes everything the couple shared: rounds with their answers, drawn questions, bucket list, notes.</summary>
    Task EraseAsync(long coupleId, CancellationToken ct);
}

/// <summary>The couple's own question bowl: questions waiting to be drawn, and those drawn before.</summary>
public interface IQuestionBowlRepository
{
    /// <summary>Inserts the question (its id is ignored) and returns it with its new id.</summary>
    Task<BowlQuestion> AddAsync(BowlQuestion question, CancellationToken ct);

    /// <summary>The couple's questions, waiting and drawn, in the order they were added.</summary>
    Task<IReadOnlyList<BowlQuestion>> ListAsync(long coupleId, CancellationToken ct);

    /// <summary>Marks a waiting question drawn; false if it already was (another draw got there first) or is gone.</summary>
    Task<bool> MarkDrawnAsync(long id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Takes a waiting question out of the bowl; false if it is drawn, gone, or not this person's.</summary>
    Task<bool> RemoveWaitingAsync(long id, long addedById, CancellationToken ct);

    /// <summary>Deletes every question this person added, waiting or drawn (part of /forget).</summary>
    Task DeleteAddedByAsync(long personId, CancellationToken ct);
}

/// <summary>Monthly "first time" proposals and what became of them.</summary>
public interface IFirstTimeRepository
{
    /// <summary>Inserts the proposal (its id is ignored) and returns it with its new id.</summary>
    Task<FirstTime> AddAsync(FirstTime firstTime, CancellationToken ct);

    Task<FirstTime?> GetAsync(long id, CancellationToken ct);

    /// <summary>The couple's latest proposal that is still proposed or accepted, if any.</summary>
    Task<FirstTime?> GetCurrentAsync(long coupleId, CancellationToken ct);

    /// <summary>
    /// Moves the proposal from <paramref name="from"/> to <paramref name="to"/> (setting its follow-up time) only if it
    /// still is in <paramref name="from"/>; false means someone else decided first.
    /// </summary>
    Task<bool> TryMoveAsync(long id, FirstTimeState from, FirstTimeState to, DateTimeOffset at,
        DateTimeOffset? followUpAt, CancellationToken ct);

    /// <summary>Ids of accepted proposals whose follow-up time has come, earliest first.</summary>
    Task<IReadOnlyList<long>> FindDueFollowUpsAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Clears the follow-up time if it still is <paramref name="expected"/>; false if already taken.</summary>
    Task<bool> TryTakeFollowUpAsync(long id, DateTimeOffset expected, CancellationToken ct);
}

/// <summary>The pulse scales partners tap at the start of a weekly check-in.</summary>
public interface IPulseRepository
{
    /// <summary>Records a tap; false if this person already answered that scale of that round.</summary>
    Task<bool> AddAsync(PulseEntry entry, CancellationToken ct);

    /// <summary>Every entry of the round, by scale, then person.</summary>
    Task<IReadOnlyList<PulseEntry>> GetForRoundAsync(long roundId, CancellationToken ct);

    /// <summary>The couple's entries of revealed rounds opened at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<PulseReading>> GetRevealedAsync(long coupleId, DateTimeOffset since, CancellationToken ct);

    /// <summary>Deletes every entry this person made (part of /forget).</summary>
    Task DeleteByAsync(long personId, CancellationToken ct);
}

/// <summary>What a person's next text means when it is not simply an answer (see <see cref="PendingInput"/>).</summary>
public interface IPendingInputRepository
{
    Task<PendingInput?> GetAsync(long personId, CancellationToken ct);

    /// <summary>Stores the input, replacing any the person had.</summary>
    Task SetAsync(PendingInput input, CancellationToken ct);

    Task ClearAsync(long personId, CancellationToken ct);
}
