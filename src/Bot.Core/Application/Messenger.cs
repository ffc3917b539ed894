using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>Addresses outgoing messages: to the chat a person wrote in, to a person privately, or to the couple.</summary>
public sealed class Messenger(IOutbox outbox)
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
        bool invitesAnswer = false) =>
        person.PrivateChat is null
            ? Task.CompletedTask
            : outbox.EnqueueAsync(
                new OutgoingMessage(person.PrivateChat, text, choices ?? [], wordsOf ?? []) { InvitesAnswer = invitesAnswer },
                ct);

    /// <summary>Sends to the couple's home chat if they have one, else to each partner privately.</summary>
    public async Task ToCoupleAsync(Couple couple, Person a, Person b, string text, CancellationToken ct,
        IReadOnlyList<long>? wordsOf = null)
    {
        if (couple.Home is not null)
        {
            await outbox.EnqueueAsync(new OutgoingMessage(couple.Home, text, [], wordsOf ?? []), ct).ConfigureAwait(false);
            return;
        }

        await ToPersonAsync(a, text, ct, wordsOf: wordsOf).ConfigureAwait(false);
        await ToPersonAsync(b, text, ct, wordsOf: wordsOf).ConfigureAwait(false);
    }

    public static IReadOnlyList<IReadOnlyList<Choice>> Row(params Choice[] choices) => [choices];
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

    public bool IsInHome => Couple?.Home is { } home && home == Message.Chat;
}
