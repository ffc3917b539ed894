using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>Addresses outgoing messages: to the chat a person wrote in, to a person privately, or to the couple.</summary>
public sealed class Messenger(IOutbox outbox, TimeProvider time)
{
    public Task ReplyAsync(Conversation conversation, string text, CancellationToken ct,
        IReadOnlyList<IReadOnlyList<Choice>>? choices = null, IReadOnlyList<long>? wordsOf = null,
        Attachment? attachment = null, bool invitesAnswer = false)
    {
        conversation.HasReplied = true;
        return outbox.EnqueueAsync(
            new OutgoingMessage(conversation.ReplyAddress, text, choices ?? [], wordsOf ?? [])
            {
                Attachment = attachment,
                InvitesAnswer = invitesAnswer,
                // Words shown in the home itself are held to the same check as a reveal posted there (a platform
                // that answers elsewhere, such as a Discord interaction, shows the reply to this person only).
                HomeOf = conversation.IsInHome && conversation.Message.ReplyTo is null && wordsOf is { Count: > 0 }
                    ? conversation.Couple!.Id
                    : null,
            },
            ct);
    }

    /// <summary>
    /// Posts for everyone in the chat the message came from, even where replies are shown only to the sender
    /// (a proposal the partner must see and tap, for example).
    /// </summary>
    public Task ToChatAsync(Conversation conversation, string text, CancellationToken ct,
        IReadOnlyList<IReadOnlyList<Choice>>? choices = null) =>
        outbox.EnqueueAsync(new OutgoingMessage(conversation.Chat, text, choices ?? [], []), ct);

    /// <summary>Sends to the person's private chat; silently skipped if they never opened one.</summary>
    public Task ToPersonAsync(Person person, string text, CancellationToken ct,
        IReadOnlyList<IReadOnlyList<Choice>>? choices = null, IReadOnlyList<long>? wordsOf = null,
        QuestionRef? asks = null, Attachment? attachment = null, bool silent = false, long? stepOfRound = null,
        Letter? letter = null) =>
        person.PrivateChat is null
            ? Task.CompletedTask
            : outbox.EnqueueAsync(
                new OutgoingMessage(person.PrivateChat, text, choices ?? [], wordsOf ?? [])
                {
                    InvitesAnswer = asks is not null,
                    Asks = asks,
                    Attachment = attachment,
                    Silent = silent,
                    StepOfRound = stepOfRound,
                    Letter = letter,
                },
                ct);

    /// <summary>
    /// News for the partner that goes out at once, whatever their clock says (a reveal, "Alex paused your
    /// check-ins"): during their quiet hours it arrives without a sound, so it never wakes them.
    /// </summary>
    public Task ToPartnerAsync(Person partner, Couple couple, string text, CancellationToken ct,
        IReadOnlyList<IReadOnlyList<Choice>>? choices = null, IReadOnlyList<long>? wordsOf = null,
        Attachment? attachment = null, Letter? letter = null)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var now = time.GetUtcNow();
        return ToPersonAsync(partner, text, ct, choices, wordsOf, attachment: attachment,
            silent: PersonalTime.DeliverableAt(partner, couple, now) > now, letter: letter);
    }

    /// <summary>
    /// Sends to the person's private chat at <paramref name="at"/> (or at once if that has passed), held further
    /// while it is night for them then.
    /// </summary>
    public Task ToPersonAtAsync(Person person, Couple couple, DateTimeOffset at, string text, CancellationToken ct,
        IReadOnlyList<long>? wordsOf = null, Attachment? attachment = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = time.GetUtcNow();
        var landsAt = PersonalTime.DeliverableAt(person, couple, at);
        return person.PrivateChat is null
            ? Task.CompletedTask
            : outbox.EnqueueAsync(
                new OutgoingMessage(person.PrivateChat, text, [], wordsOf ?? [])
                {
                    Attachment = attachment,
                    NotBefore = landsAt > now ? landsAt : null,
                },
                ct);
    }

    /// <summary>
    /// Sends to the person's private chat respecting their quiet hours: held until they end if it is night for
    /// them at <paramref name="now"/> (the caller's one reading of the clock, so "it lands now" compares equal).
    /// Returns when it will land. Never for replies to what the person just typed.
    /// </summary>
    public async Task<DateTimeOffset> ToPersonWhenAwakeAsync(Person person, Couple couple, DateTimeOffset now,
        string text, CancellationToken ct, IReadOnlyList<IReadOnlyList<Choice>>? choices = null,
        IReadOnlyList<long>? wordsOf = null, QuestionRef? asks = null, long? stepOfRound = null,
        Attachment? attachment = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        var landsAt = PersonalTime.DeliverableAt(person, couple, now);
        if (person.PrivateChat is not null)
        {
            await outbox.EnqueueAsync(
                new OutgoingMessage(person.PrivateChat, text, choices ?? [], wordsOf ?? [])
                {
                    Attachment = attachment,
                    InvitesAnswer = asks is not null,
                    Asks = asks,
                    StepOfRound = stepOfRound,
                    NotBefore = landsAt > now ? landsAt : null,
                },
                ct).ConfigureAwait(false);
        }

        return landsAt;
    }

    /// <summary>The person is talking to us: questions held for their quiet hours would only repeat themselves.</summary>
    public Task DropHeldQuestionsAsync(Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.PrivateChat is null
            ? Task.CompletedTask
            : outbox.DropHeldQuestionsAsync(person.PrivateChat, time.GetUtcNow(), ct);
    }

    /// <summary>A round is over: its questions still held for someone's morning will never be asked.</summary>
    public Task WithdrawStepsOfAsync(long roundId, CancellationToken ct) =>
        outbox.WithdrawRoundStepsAsync(roundId, time.GetUtcNow(), ct);

    /// <summary>
    /// Sends to the couple's home chat if they have one, else to each partner privately. In the home, words wait for
    /// the sender's check that only the two of them read it (see <see cref="OutgoingMessage.HomeOf"/>).
    /// </summary>
    public async Task ToCoupleAsync(Couple couple, Person a, Person b, string text, CancellationToken ct,
        IReadOnlyList<long>? wordsOf = null, IReadOnlyList<IReadOnlyList<Choice>>? choices = null,
        Attachment? attachment = null, Letter? letter = null)
    {
        if (couple.Home is not null)
        {
            await outbox.EnqueueAsync(
                new OutgoingMessage(couple.Home, text, choices ?? [], wordsOf ?? [])
                {
                    HomeOf = couple.Id,
                    Attachment = attachment,
                    Letter = letter,
                }, ct)
                .ConfigureAwait(false);
            return;
        }

        await ToPartnerAsync(a, couple, text, ct, choices, wordsOf, attachment, letter).ConfigureAwait(false);
        await ToPartnerAsync(b, couple, text, ct, choices, wordsOf, attachment, letter).ConfigureAwait(false);
    }

    public static IReadOnlyList<IReadOnlyList<Choice>> Row(params Choice[] choices) => [choices];

    /// <summary>The people whose words a message quotes, for <see cref="OutgoingMessage.WordsOf"/>; nulls are no one.</summary>
    public static IReadOnlyList<long> WordsOf(params ReadOnlySpan<long?> authors)
    {
        var people = new List<long>(authors.Length);
        foreach (var author in authors)
        {
            if (author is { } id && !people.Contains(id))
            {
                people.Add(id);
            }
        }

        return people;
    }
}

/// <summary>One inbound message with who sent it and their couple, as the handlers need it.</summary>
public sealed record Conversation(Inbound Message, Person Me, Couple? Couple, Person? Partner)
{
    public ChatAddress Chat => Message.Chat;

    /// <summary>Where replies to this message go (the chat itself unless the platform named another place).</summary>
    public ChatAddress ReplyAddress => Message.ReplyTo ?? Message.Chat;

    /// <summary>Whether anything was said to <see cref="ReplyAddress"/> yet.</summary>
    public bool HasReplied { get; set; }

    public bool IsPrivate => Message.IsPrivate;

    /// <summary>
    /// Whether only this person sees the replies: in their private chat, or where the platform answers in a shared
    /// chat to this person alone (<see cref="Inbound.ReplyTo"/>, a Discord interaction).
    /// </summary>
    public bool RepliesArePrivate => IsPrivate || Message.ReplyTo is not null;

    public bool IsInHome => Couple?.Home is { } home && home == Message.Chat;
}
