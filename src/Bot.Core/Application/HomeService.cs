using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// Keeps a couple's home (a shared chat) honest: their words are posted there only while nobody else can read it,
/// a home that stops taking messages falls back to private chats without losing anything, and changes of the chat
/// (people joining or leaving, the bot removed, a new address) are followed.
/// </summary>
public sealed class HomeService(
    ICoupleRepository couples, IPersonRepository persons, IOutbox outbox, Messenger messenger)
{
    /// <summary>
    /// The home could not be verified as the couple's alone: the post goes to each partner privately, and the home
    /// hears only that something is waiting there.
    /// </summary>
    public async Task PostPrivatelyAsync(OutgoingMessage post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (await CoupleOfAsync(post, ct).ConfigureAwait(false) is not var (couple, a, b))
        {
            return;
        }

        await ToBothAsync(post, couple, a, b, ct).ConfigureAwait(false);
        await outbox.EnqueueAsync(
            new OutgoingMessage(post.To, Copy.HomeWordsSentPrivately(a.DisplayName, b.DisplayName), [], [])
            {
                HomeOf = couple.Id,
            },
            ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The home stopped taking messages (the bot was removed or may not write there): the couple goes back to
    /// private chats, both hear why, and the post goes to each of them privately.
    /// </summary>
    public async Task HomeLostAsync(OutgoingMessage post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (await CoupleOfAsync(post, ct).ConfigureAwait(false) is not var (couple, a, b))
        {
            return;
        }

        if (couple.Home == post.To)
        {
            couple = await LeaveHomeAsync(couple, a, b, ct).ConfigureAwait(false);
        }

        await ToBothAsync(post, couple, a, b, ct).ConfigureAwait(false);
    }

    /// <summary>The chat lives at a new address: homes there and everything waiting for it follow.</summary>
    public async Task MovedAsync(ChatAddress from, ChatAddress to, CancellationToken ct)
    {
        foreach (var couple in await couples.FindByHomeAsync(from, ct).ConfigureAwait(false))
        {
            await couples.UpdateAsync(couple with { Home = to }, ct).ConfigureAwait(false);
        }

        await outbox.MoveChatAsync(from, to, ct).ConfigureAwait(false);
    }

    /// <summary>Follows a change of a shared chat for every couple whose home it is.</summary>
    public async Task FollowAsync(ChatChanged change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change is { Change: ChatChange.Moved, MovedTo: { } to })
        {
            await MovedAsync(change.Chat, to, ct).ConfigureAwait(false);
            return;
        }

        foreach (var couple in await couples.FindByHomeAsync(change.Chat, ct).ConfigureAwait(false))
        {
            var (a, b) = await PartnersAsync(couple, ct).ConfigureAwait(false);
            var isPartner = change.Member == a.User || change.Member == b.User;
            switch (change.Change)
            {
                case ChatChange.BotRemoved:
                    await LeaveHomeAsync(couple, a, b, ct).ConfigureAwait(false);
                    break;
                case ChatChange.MemberJoined when !isPartner:
                case ChatChange.MemberLeft when isPartner:
                    // Nothing to move: every post of words is checked just before it goes out. They should know why
                    // their words start arriving privately.
                    var who = isPartner ? (change.Member == a.User ? a : b).DisplayName : null;
                    await messenger.ToPartnerAsync(a, couple, Copy.HomeNoLongerPrivate(a.DisplayName, who), ct)
                        .ConfigureAwait(false);
                    await messenger.ToPartnerAsync(b, couple, Copy.HomeNoLongerPrivate(b.DisplayName, who), ct)
                        .ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task<Couple> LeaveHomeAsync(Couple couple, Person a, Person b, CancellationToken ct)
    {
        var updated = couple with { Home = null };
        await couples.UpdateAsync(updated, ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(a, updated, Copy.HomeLost(a.DisplayName), ct).ConfigureAwait(false);
        await messenger.ToPartnerAsync(b, updated, Copy.HomeLost(b.DisplayName), ct).ConfigureAwait(false);
        return updated;
    }

    private async Task ToBothAsync(OutgoingMessage post, Couple couple, Person a, Person b, CancellationToken ct)
    {
        await messenger.ToPartnerAsync(a, couple, post.Text, ct, post.Choices, post.WordsOf, post.Attachment, post.Letter)
            .ConfigureAwait(false);
        await messenger.ToPartnerAsync(b, couple, post.Text, ct, post.Choices, post.WordsOf, post.Attachment, post.Letter)
            .ConfigureAwait(false);
    }

    // A post queued while the couple was together still reaches both of them, even if they parted meanwhile: it is
    // what they would have seen without a home.
    private async Task<(Couple Couple, Person A, Person B)?> CoupleOfAsync(OutgoingMessage post, CancellationToken ct)
    {
        if (post.HomeOf is not { } coupleId
            || await couples.GetAsync(coupleId, ct).ConfigureAwait(false) is not { } couple)
        {
            return null;
        }

        var (a, b) = await PartnersAsync(couple, ct).ConfigureAwait(false);
        return (couple, a, b);
    }

    private async Task<(Person A, Person B)> PartnersAsync(Couple couple, CancellationToken ct)
    {
        var a = await persons.GetAsync(couple.PartnerAId, ct).ConfigureAwait(false);
        var b = await persons.GetAsync(couple.PartnerBId, ct).ConfigureAwait(false);
        return (a ?? throw new InvalidOperationException($"Partner {couple.PartnerAId} is missing."),
            b ?? throw new InvalidOperationException($"Partner {couple.PartnerBId} is missing."));
    }
}
