using System.Diagnostics;
using Bot.Core.Application.Buttons;
using Bot.Core.Application.Commands;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Application;

/// <summary>
/// The one door for everything people do: turns a platform-neutral inbound message into state changes and
/// outbox messages. The caller runs it inside a unit of work.
/// </summary>
public sealed class BotEngine(
    IPersonRepository persons,
    ICoupleRepository couples,
    RoundService rounds,
    AnswerChoiceService answerChoices,
    HomeService homes,
    WelcomeService welcome,
    Messenger messenger,
    IServiceProvider services,
    TimeProvider time)
{
    public async Task HandleAsync(Inbound message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is ChatChanged changed)
        {
            // Whoever changed the chat is not talking to us: nobody is recorded, nobody is answered.
            await homes.FollowAsync(changed, ct).ConfigureAwait(false);
            return;
        }

        var name = CleanName(message.FromName);
        var me = await persons.UpsertAsync(message.From, name, message.IsPrivate ? message.Chat : message.PrivateChat,
            time.GetUtcNow(), ct).ConfigureAwait(false);
        var couple = await couples.GetActiveForPersonAsync(me.Id, ct).ConfigureAwait(false);
        var partner = couple is null ? null : await persons.GetAsync(couple.PartnerOf(me.Id), ct).ConfigureAwait(false);
        var conversation = new Conversation(message, me, couple, partner);
        var button = message is ChoiceSelected selected ? ButtonCatalog.Find(selected.Payload) : null;
        if (message is CommandReceived || (message is ChoiceSelected && button?.Kind.ContinuesAnswerChoice != true))
        {
            // The person moved on: a "change" or "hold" they tapped earlier no longer claims their next text.
            await answerChoices.LetGoAsync(me.Id, ct).ConfigureAwait(false);
            await welcome.LetGoAsync(me, ct).ConfigureAwait(false);
        }

        await (message switch
        {
            CommandReceived command => HandleCommandAsync(conversation, command, ct),
            TextReceived { Media: { } file } text => HandleMediaAsync(conversation, text, file, ct),
            TextReceived text => HandleTextAsync(conversation, text.Text, ct),
            ChoiceSelected => HandleChoiceAsync(conversation, button, ct),
            MessageEdited edited => HandleEditAsync(conversation, edited, ct),
            _ => throw new UnreachableException($"Unknown inbound message {message.GetType().Name}."),
        }).ConfigureAwait(false);

        if (message.ReplyTo is not null && !conversation.HasReplied)
        {
            // The platform is waiting for an answer to this very message; never leave it hanging.
            await messenger.ReplyAsync(conversation, Copy.Done(name), ct).ConfigureAwait(false);
        }
    }

    private async Task HandleCommandAsync(Conversation c, CommandReceived command, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var verb = command.Command.ToLowerInvariant();
        if (CommandCatalog.Find(verb) is not { } spec)
        {
            await messenger.ReplyAsync(c, Copy.UnknownCommand(name, Shorten(verb)), ct).ConfigureAwait(false);
            return;
        }

        if (!c.IsPrivate && spec.Place == CommandPlace.PrivateChat)
        {
            await messenger.ReplyAsync(c, Copy.PrivateOnly(name), ct).ConfigureAwait(false);
            return;
        }

        // Outside the home a reply others could read must not show the couple's words or data.
        if (!c.RepliesArePrivate && spec.Place == CommandPlace.PrivateOrHome && !c.IsInHome)
        {
            await messenger.ReplyAsync(c, c.Couple is null ? Copy.NotPaired(name) : Copy.PrivateOrHomeOnly(name), ct)
                .ConfigureAwait(false);
            return;
        }

        if (spec.NeedsCouple && c.Couple is null)
        {
            await messenger.ReplyAsync(c, Copy.NotPaired(name), ct).ConfigureAwait(false);
            return;
        }

        var bound = CommandBinder.Bind(spec, command);
        if (bound.Problem is { } problem)
        {
            await messenger.ReplyAsync(c, problem(name), ct).ConfigureAwait(false);
            return;
        }

        if (command.Media is not null && !spec.TakesMedia)
        {
            await messenger.ReplyAsync(c, Copy.MediaNotForCommand(name, spec.Name), ct).ConfigureAwait(false);
        }

        var handler = (ICommandHandler)services.GetRequiredService(spec.Handler);
        await handler.HandleAsync(c, bound.Arguments!, ct).ConfigureAwait(false);
    }

    /// <summary>A voice note, photo or video in place of typed words: an answer to the open question.</summary>
    private async Task HandleMediaAsync(Conversation c, TextReceived message, InboundMedia file, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (!c.IsPrivate)
        {
            return;
        }

        if (c.Couple is not { } couple)
        {
            await messenger.ReplyAsync(c, Copy.NotPaired(name), ct).ConfigureAwait(false);
            return;
        }

        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        if (round is null)
        {
            await messenger.ReplyAsync(c, Copy.MediaNothingToAnswer(name), ct).ConfigureAwait(false);
            return;
        }

        // A "change" or "hold" tapped earlier waits for words; media answers the next question instead.
        await answerChoices.LetGoAsync(c.Me.Id, ct).ConfigureAwait(false);
        var caption = message.Text.Trim();
        var max = rounds.MaxAnswerLengthFor(round);
        if (caption.Length > max)
        {
            await messenger.ReplyAsync(c, Copy.AnswerTooLong(name, caption.Length, max), ct).ConfigureAwait(false);
            return;
        }

        await rounds.AnswerAsync(c, couple, round, caption, ct, file).ConfigureAwait(false);
    }

    private async Task HandleEditAsync(Conversation c, MessageEdited edited, CancellationToken ct)
    {
        if (!c.IsPrivate
            || (c.Couple is { } couple
                && await answerChoices.TryTakeEditAsync(c, couple, edited.MessageId, edited.Text, ct).ConfigureAwait(false)))
        {
            return;
        }

        await messenger.ReplyAsync(c, Copy.EditNotSeen(c.Me.DisplayName, c.Couple is not null), ct).ConfigureAwait(false);
    }

    private async Task HandleTextAsync(Conversation c, string text, CancellationToken ct)
    {
        if (!c.IsPrivate)
        {
            // Group chatter is not for us; answers only ever come through private chats.
            return;
        }

        var name = c.Me.DisplayName;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            await messenger.ReplyAsync(c, Copy.OnlyText(name), ct).ConfigureAwait(false);
            return;
        }

        if (c.Couple is not { } couple)
        {
            if (InviteCode.LooksLikeCode(trimmed))
            {
                // A pasted code is taken as "/join CODE".
                await HandleCommandAsync(c, new CommandReceived(c.Message.From, c.Message.FromName, c.Chat, c.IsPrivate,
                    "join", trimmed), ct).ConfigureAwait(false);
                return;
            }

            await messenger.ReplyAsync(c, Copy.NotPaired(name), ct).ConfigureAwait(false);
            return;
        }

        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        if (await welcome.TryTakeTextAsync(c, couple, round, trimmed, ct).ConfigureAwait(false))
        {
            return;
        }

        if (await answerChoices.TryTakeTextAsync(c, couple, round, trimmed, ct).ConfigureAwait(false))
        {
            return;
        }

        if (round is null)
        {
            await messenger.ReplyAsync(c, Copy.NothingToAnswer(name), ct).ConfigureAwait(false);
            return;
        }

        var max = rounds.MaxAnswerLengthFor(round);
        if (trimmed.Length > max)
        {
            await messenger.ReplyAsync(c, round.Kind == RoundKind.Memory
                ? Copy.MemoryTooLong(name, trimmed.Length, max)
                : Copy.AnswerTooLong(name, trimmed.Length, max), ct).ConfigureAwait(false);
            return;
        }

        await rounds.AnswerAsync(c, couple, round, trimmed, ct).ConfigureAwait(false);
    }

    private async Task HandleChoiceAsync(
        Conversation c, (ButtonKind Kind, IReadOnlyList<string> Fields)? button, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (button is not var (kind, fields))
        {
            await messenger.ReplyAsync(c, Copy.StaleButton(name), ct).ConfigureAwait(false);
            return;
        }

        if (kind.NeedsCouple && c.Couple is null)
        {
            await messenger.ReplyAsync(c, Copy.NotPaired(name), ct).ConfigureAwait(false);
            return;
        }

        var handler = (IButtonHandler)services.GetRequiredService(kind.Handler);
        if (kind.ExpiresAfter is not null)
        {
            var confirmation = (IConfirmationHandler)handler;
            await (kind.IsFreshFor(fields, c.Me.Id, time.GetUtcNow(), out var inner)
                ? confirmation.HandleAsync(c, inner, ct)
                : confirmation.ExpiredAsync(c, fields, ct)).ConfigureAwait(false);
            return;
        }

        await handler.HandleAsync(c, fields, ct).ConfigureAwait(false);
    }

    private static string Shorten(string text) => text.Length > 32 ? text[..32] + "…" : text;

    private static string CleanName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length == 0 ? "friend" : trimmed.Length > 64 ? trimmed[..64] : trimmed;
    }
}
