using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// /unpair and /forget, each behind a confirmation button whose payload carries all it needs. Unpairing offers three
/// ways to part: keep the journal, delete my words, or delete the shared journal, which needs the partner's yes.
/// </summary>
public sealed class FarewellService(
    IPersonRepository persons,
    ICoupleRepository couples,
    IRoundRepository rounds,
    IInviteRepository invites,
    IBucketListRepository bucketList,
    ILoveNoteRepository loveNotes,
    IJournalErasure erasure,
    IQuestionBowlRepository bowl,
    IPulseRepository pulses,
    IQuizRepository quizzes,
    IPendingInputRepository pendingInputs,
    IMemoryRepository memories,
    IMediaRepository media,
    IOutbox outbox,
    RoundService roundService,
    ExportService export,
    Messenger messenger,
    TimeProvider time)
{
    private const string Keep = "keep";
    private const string Mine = "mine";
    private const string Ours = "ours";
    private const string Yes = "yes";

    public Task AskUnpairAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var partner = c.Partner!.DisplayName;
        var now = time.GetUtcNow();
        string Way(string way) => ButtonCatalog.Unpair.EncodeConfirmation(c.Me.Id, now, couple.Id, way);
        return messenger.ReplyAsync(c, Copy.ConfirmUnpair(c.Me.DisplayName, partner), ct,
        [
            [new Choice(Copy.UnpairKeepLabel, Way(Keep))],
            [new Choice(Copy.UnpairDeleteMineLabel, Way(Mine))],
            [new Choice(Copy.UnpairDeleteOursLabel(partner), Way(Ours))],
            [new Choice(Copy.ConfirmNo, ButtonCatalog.Cancel.Encode())],
        ]);
    }

    public Task AskForgetAsync(Conversation c, CancellationToken ct) =>
        messenger.ReplyAsync(c, Copy.ConfirmForget(c.Me.DisplayName), ct, Messenger.Row(
            new Choice(Copy.ConfirmForgetYes, ButtonCatalog.Forget.EncodeConfirmation(c.Me.Id, time.GetUtcNow())),
            new Choice(Copy.ConfirmNo, ButtonCatalog.Cancel.Encode())));

    public async Task ConfirmUnpairAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var way = fields.Count == 2 && fields[1] is Keep or Mine or Ours ? fields[1] : null;
        var valid = ButtonKind.TryNumber(fields, 0, out var coupleId);
        if (!valid || way is null || c.Couple is not { } couple || couple.Id != coupleId)
        {
            await messenger.ReplyAsync(c, c.Couple is null ? Copy.NotPaired(name) : Copy.StaleButton(name), ct)
                .ConfigureAwait(false);
            return;
        }

        var partner = c.Partner!;
        if (way == Mine)
        {
            await DeleteWordsOfAsync(c.Me, ct).ConfigureAwait(false);
        }

        await EndAsync(couple, ct).ConfigureAwait(false);
        if (way == Ours)
        {
            await erasure.RequestAsync(couple.Id, c.Me.Id, time.GetUtcNow(), ct).ConfigureAwait(false);
            await messenger.ReplyAsync(c, Copy.UnpairedAskedToErase(name, partner.DisplayName), ct).ConfigureAwait(false);
            await messenger.ToPartnerAsync(partner, couple, Copy.PartnerAsksToErase(partner.DisplayName, name), ct,
                EraseButtons(couple, partner)).ConfigureAwait(false);
            return;
        }

        if (way == Mine)
        {
            await messenger.ReplyAsync(c, Copy.UnpairedWordsDeleted(name, partner.DisplayName), ct).ConfigureAwait(false);
            await messenger.ToPartnerAsync(partner, couple, Copy.PartnerForgot(partner.DisplayName, name), ct).ConfigureAwait(false);
            return;
        }

        // Keep my copy: the journal stays, and a copy of it goes with them as files.
        await messenger.ReplyAsync(c, Copy.Unpaired(name, partner.DisplayName), ct).ConfigureAwait(false);
        await export.ExportAsync(c, couple, ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(partner, couple, Copy.PartnerUnpaired(partner.DisplayName, name), ct).ConfigureAwait(false);
    }

    /// <summary>The partner's answer to an ask to delete the journal; only the ask's one answer counts.</summary>
    public async Task ConfirmEraseAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var way = fields.Count == 2 ? fields[1] : null;
        var couple = ButtonKind.TryNumber(fields, 0, out var coupleId)
            ? await couples.GetAsync(coupleId, ct).ConfigureAwait(false)
            : null;
        if (couple is null || !couple.Includes(c.Me.Id) || couple.IsActive || way is not (Yes or Keep)
            || !await erasure.TryTakeRequestAsync(couple.Id, couple.PartnerOf(c.Me.Id), ct).ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.EraseAskGone(name), ct).ConfigureAwait(false);
            return;
        }

        var asker = await persons.GetAsync(couple.PartnerOf(c.Me.Id), ct).ConfigureAwait(false);
        if (way == Keep)
        {
            await messenger.ReplyAsync(c, Copy.JournalKept(name), ct).ConfigureAwait(false);
            if (asker is not null)
            {
                await messenger.ToPartnerAsync(asker, couple, Copy.PartnerKeptJournal(asker.DisplayName, name), ct)
                    .ConfigureAwait(false);
            }

            return;
        }

        await erasure.EraseAsync(couple.Id, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.JournalErased(name), ct).ConfigureAwait(false);
        if (asker is not null)
        {
            await messenger.ToPartnerAsync(asker, couple, Copy.JournalErased(asker.DisplayName), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A tap on an expired answer to an ask to delete the journal: fresh buttons while the ask still stands (it may
    /// have waited for the partner's morning), else that it was answered.
    /// </summary>
    public async Task AskEraseAgainAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var couple = ButtonKind.TryNumber(fields, 0, out var coupleId)
            ? await couples.GetAsync(coupleId, ct).ConfigureAwait(false)
            : null;
        var asker = couple is not null && couple.Includes(c.Me.Id) && !couple.IsActive
            && await erasure.IsRequestedAsync(couple.Id, couple.PartnerOf(c.Me.Id), ct).ConfigureAwait(false)
                ? await persons.GetAsync(couple.PartnerOf(c.Me.Id), ct).ConfigureAwait(false)
                : null;
        if (couple is null || asker is null)
        {
            await messenger.ReplyAsync(c, Copy.EraseAskGone(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await messenger.ReplyAsync(c, Copy.EraseAskedAgain(c.Me.DisplayName, asker.DisplayName), ct,
            EraseButtons(couple, c.Me)).ConfigureAwait(false);
    }

    private IReadOnlyList<IReadOnlyList<Choice>> EraseButtons(Couple couple, Person shownTo)
    {
        var now = time.GetUtcNow();
        return
        [
            [new Choice(Copy.EraseYesLabel, ButtonCatalog.Erase.EncodeConfirmation(shownTo.Id, now, couple.Id, Yes))],
            [new Choice(Copy.EraseKeepLabel, ButtonCatalog.Erase.EncodeConfirmation(shownTo.Id, now, couple.Id, Keep))],
        ];
    }

    /// <summary>Deletes every answer the person wrote, anywhere, and undelivered messages quoting them; then unpairs.</summary>
    public async Task ConfirmForgetAsync(Conversation c, CancellationToken ct)
    {
        var me = c.Me;
        await DeleteWordsOfAsync(me, ct).ConfigureAwait(false);
        await invites.DeleteUnusedByOwnerAsync(me.Id, ct).ConfigureAwait(false);
        if (c.Couple is { } couple)
        {
            await EndAsync(couple, ct).ConfigureAwait(false);
            await messenger.ToPartnerAsync(c.Partner!, couple, Copy.PartnerForgot(c.Partner!.DisplayName, me.DisplayName), ct)
                .ConfigureAwait(false);
        }

        await messenger.ReplyAsync(c, Copy.Forgotten(me.DisplayName), ct).ConfigureAwait(false);
    }

    /// <summary>Everything this person ever wrote, wherever it is kept, and queued messages quoting it.</summary>
    private async Task DeleteWordsOfAsync(Person me, CancellationToken ct)
    {
        await rounds.DeleteAnswersByAsync(me.Id, ct).ConfigureAwait(false);
        await rounds.ReplaceQuestionsByAsync(me.Id, Copy.ForgottenBowlQuestion, ct).ConfigureAwait(false);
        await outbox.DeleteUndeliveredWordsOfAsync(me.Id, ct).ConfigureAwait(false);
        await bucketList.DeleteAddedByAsync(me.Id, ct).ConfigureAwait(false);
        await loveNotes.DeleteFromAsync(me.Id, ct).ConfigureAwait(false);
        await bowl.DeleteAddedByAsync(me.Id, ct).ConfigureAwait(false);
        await pulses.DeleteByAsync(me.Id, ct).ConfigureAwait(false);
        await quizzes.DeleteAnswersByAsync(me.Id, ct).ConfigureAwait(false);
        await pendingInputs.ClearAsync(me.Id, ct).ConfigureAwait(false);
        await memories.DeleteByAsync(me.Id, ct).ConfigureAwait(false);
        // Last: answers, notes and memories above pointed at these files.
        await media.DeleteByAsync(me.Id, ct).ConfigureAwait(false);
    }

    private async Task EndAsync(Couple couple, CancellationToken ct)
    {
        await roundService.CancelOpenAsync(couple.Id, ct).ConfigureAwait(false);
        // The cool-down topic is the asker's words, so it goes with the couple.
        await couples.UpdateAsync(couple with
        {
            EndedAt = time.GetUtcNow(),
            NextCheckInAt = null,
            NextFirstTimeAt = null,
            CooldownUntil = null,
            CooldownById = null,
            CooldownTopic = null,
        }, ct).ConfigureAwait(false);
    }
}
