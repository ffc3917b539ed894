using System.Globalization;
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
    IPendingInputRepository pendingInputs,
    IOutbox outbox,
    RoundService roundService,
    ExportService export,
    Messenger messenger,
    TimeProvider time)
{
    private const string UnpairPrefix = "unpair:";
    private const string ErasePrefix = "erase:";
    private const string KeepSuffix = ":keep";
    private const string MineSuffix = ":mine";
    private const string OursSuffix = ":ours";
    private const string YesSuffix = ":yes";
    public const string ForgetPayload = "forget";
    public const string CancelPayload = "cancel";

    public Task AskUnpairAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var unpair = string.Create(CultureInfo.InvariantCulture, $"{UnpairPrefix}{couple.Id}");
        var partner = c.Partner!.DisplayName;
        return messenger.ReplyAsync(c, Copy.ConfirmUnpair(c.Me.DisplayName, partner), ct,
        [
            [new Choice(Copy.UnpairKeepLabel, unpair + KeepSuffix)],
            [new Choice(Copy.UnpairDeleteMineLabel, unpair + MineSuffix)],
            [new Choice(Copy.UnpairDeleteOursLabel(partner), unpair + OursSuffix)],
            [new Choice(Copy.ConfirmNo, CancelPayload)],
        ]);
    }

    public Task AskForgetAsync(Conversation c, CancellationToken ct) =>
        messenger.ReplyAsync(c, Copy.ConfirmForget(c.Me.DisplayName), ct, Messenger.Row(
            new Choice(Copy.ConfirmForgetYes, ForgetPayload),
            new Choice(Copy.ConfirmNo, CancelPayload)));

    public static bool IsUnpairPayload(string payload) => payload.StartsWith(UnpairPrefix, StringComparison.Ordinal);

    public static bool IsErasePayload(string payload) => payload.StartsWith(ErasePrefix, StringComparison.Ordinal);

    public async Task ConfirmUnpairAsync(Conversation c, string payload, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var (rest, way) = SplitWay(payload[UnpairPrefix.Length..]);
        way = way == "" ? KeepSuffix : way; // a button from before there were choices
        var valid = long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var coupleId);
        if (!valid || way is null || c.Couple is not { } couple || couple.Id != coupleId)
        {
            await messenger.ReplyAsync(c, c.Couple is null ? Copy.NotPaired(name) : Copy.StaleButton(name), ct)
                .ConfigureAwait(false);
            return;
        }

        var partner = c.Partner!;
        if (way == MineSuffix)
        {
            await DeleteWordsOfAsync(c.Me, ct).ConfigureAwait(false);
        }

        await EndAsync(couple, ct).ConfigureAwait(false);
        if (way == OursSuffix)
        {
            await erasure.RequestAsync(couple.Id, c.Me.Id, time.GetUtcNow(), ct).ConfigureAwait(false);
            var erase = string.Create(CultureInfo.InvariantCulture, $"{ErasePrefix}{couple.Id}");
            await messenger.ReplyAsync(c, Copy.UnpairedAskedToErase(name, partner.DisplayName), ct).ConfigureAwait(false);
            await messenger.ToPartnerAsync(partner, couple, Copy.PartnerAsksToErase(partner.DisplayName, name), ct, [
                [new Choice(Copy.EraseYesLabel, erase + YesSuffix)],
                [new Choice(Copy.EraseKeepLabel, erase + KeepSuffix)],
            ]).ConfigureAwait(false);
            return;
        }

        if (way == MineSuffix)
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
    public async Task ConfirmEraseAsync(Conversation c, string payload, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var (rest, way) = SplitWay(payload[ErasePrefix.Length..]);
        var couple = long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var coupleId)
            ? await couples.GetAsync(coupleId, ct).ConfigureAwait(false)
            : null;
        if (couple is null || !couple.Includes(c.Me.Id) || couple.IsActive || way is not (YesSuffix or KeepSuffix)
            || !await erasure.TryTakeRequestAsync(couple.Id, couple.PartnerOf(c.Me.Id), ct).ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.EraseAskGone(name), ct).ConfigureAwait(false);
            return;
        }

        var asker = await persons.GetAsync(couple.PartnerOf(c.Me.Id), ct).ConfigureAwait(false);
        if (way == KeepSuffix)
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
        await outbox.DeleteUndeliveredWordsOfAsync(me.Id, ct).ConfigureAwait(false);
        await bucketList.DeleteAddedByAsync(me.Id, ct).ConfigureAwait(false);
        await loveNotes.DeleteFromAsync(me.Id, ct).ConfigureAwait(false);
        await bowl.DeleteAddedByAsync(me.Id, ct).ConfigureAwait(false);
        await pulses.DeleteByAsync(me.Id, ct).ConfigureAwait(false);
        await pendingInputs.ClearAsync(me.Id, ct).ConfigureAwait(false);
    }

    /// <summary>"123:ours" → ("123", ":ours"); "123" → ("123", ""); an unknown way comes back null.</summary>
    private static (string Id, string? Way) SplitWay(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (payload, "");
        }

        var way = payload[colon..];
        return (payload[..colon], way is KeepSuffix or MineSuffix or OursSuffix or YesSuffix ? way : null);
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
