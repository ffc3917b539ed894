using System.Globalization;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/unpair and /forget, each behind a confirmation button whose payload carries all it needs.</summary>
public sealed class FarewellService(
    ICoupleRepository couples,
    IRoundRepository rounds,
    IInviteRepository invites,
    IBucketListRepository bucketList,
    ILoveNoteRepository loveNotes,
    IPulseRepository pulses,
    IPendingInputRepository pendingInputs,
    IOutbox outbox,
    RoundService roundService,
    Messenger messenger,
    TimeProvider time)
{
    private const string UnpairPrefix = "unpair:";
    public const string ForgetPayload = "forget";
    public const string CancelPayload = "cancel";

    public Task AskUnpairAsync(Conversation c, Couple couple, CancellationToken ct) =>
        messenger.ReplyAsync(c, Copy.ConfirmUnpair(c.Me.DisplayName, c.Partner!.DisplayName), ct, Messenger.Row(
            new Choice(Copy.ConfirmUnpairYes, string.Create(CultureInfo.InvariantCulture, $"{UnpairPrefix}{couple.Id}")),
            new Choice(Copy.ConfirmNo, CancelPayload)));

    public Task AskForgetAsync(Conversation c, CancellationToken ct) =>
        messenger.ReplyAsync(c, Copy.ConfirmForget(c.Me.DisplayName), ct, Messenger.Row(
            new Choice(Copy.ConfirmForgetYes, ForgetPayload),
            new Choice(Copy.ConfirmNo, CancelPayload)));

    public static bool IsUnpairPayload(string payload) => payload.StartsWith(UnpairPrefix, StringComparison.Ordinal);

    public async Task ConfirmUnpairAsync(Conversation c, string payload, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var valid = long.TryParse(payload[UnpairPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture,
            out var coupleId);
        if (!valid || c.Couple is not { } couple || couple.Id != coupleId)
        {
            await messenger.ReplyAsync(c, c.Couple is null ? Copy.NotPaired(name) : Copy.StaleButton(name), ct)
                .ConfigureAwait(false);
            return;
        }

        await EndAsync(couple, ct).ConfigureAwait(false);
        var partner = c.Partner!;
        await messenger.ReplyAsync(c, Copy.Unpaired(name, partner.DisplayName), ct).ConfigureAwait(false);
        await messenger.ToPersonAsync(partner, Copy.PartnerUnpaired(partner.DisplayName, name), ct).ConfigureAwait(false);
    }

    /// <summary>Deletes every answer the person wrote, anywhere, and undelivered messages quoting them; then unpairs.</summary>
    public async Task ConfirmForgetAsync(Conversation c, CancellationToken ct)
    {
        var me = c.Me;
        await rounds.DeleteAnswersByAsync(me.Id, ct).ConfigureAwait(false);
        await outbox.DeleteUndeliveredWordsOfAsync(me.Id, ct).ConfigureAwait(false);
        await invites.DeleteUnusedByOwnerAsync(me.Id, ct).ConfigureAwait(false);
        await bucketList.DeleteAddedByAsync(me.Id, ct).ConfigureAwait(false);
        await loveNotes.DeleteFromAsync(me.Id, ct).ConfigureAwait(false);
        await pulses.DeleteByAsync(me.Id, ct).ConfigureAwait(false);
        await pendingInputs.ClearAsync(me.Id, ct).ConfigureAwait(false);
        if (c.Couple is { } couple)
        {
            await EndAsync(couple, ct).ConfigureAwait(false);
            await messenger.ToPersonAsync(c.Partner!, Copy.PartnerForgot(c.Partner!.DisplayName, me.DisplayName), ct)
                .ConfigureAwait(false);
        }

        await messenger.ReplyAsync(c, Copy.Forgotten(me.DisplayName), ct).ConfigureAwait(false);
    }

    private async Task EndAsync(Couple couple, CancellationToken ct)
    {
        await roundService.CancelOpenAsync(couple.Id, ct).ConfigureAwait(false);
        await couples.UpdateAsync(couple with { EndedAt = time.GetUtcNow(), NextCheckInAt = null }, ct)
            .ConfigureAwait(false);
    }
}
