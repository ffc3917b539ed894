using System.Diagnostics;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// The one door for everything people do: turns a platform-neutral inbound message into state changes and
/// outbox messages. The caller runs it inside a unit of work.
/// </summary>
public sealed class BotEngine(
    IPersonRepository persons,
    ICoupleRepository couples,
    PairingService pairing,
    CoupleSettingsService settings,
    RoundService rounds,
    DeckService decks,
    JournalService journal,
    FarewellService farewell,
    BucketListService bucketList,
    LoveNoteService loveNotes,
    BowlService bowl,
    CooldownService cooldowns,
    FirstTimeService firstTimes,
    ExportService export,
    NudgeService nudges,
    AnswerChoiceService answerChoices,
    PulseTrendService pulseTrend,
    Messenger messenger,
    TimeProvider time)
{
    private static readonly HashSet<string> PrivateOnly =
        ["pair", "join", "skip", "answers", "unpair", "forget", "note", "capsule", "bowl", "export"];
    private static readonly HashSet<string> PrivateOrHome = ["status", "history", "trend"];

    public async Task HandleAsync(Inbound message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var name = CleanName(message.FromName);
        var me = await persons.UpsertAsync(message.From, name, message.IsPrivate ? message.Chat : message.PrivateChat,
            time.GetUtcNow(), ct).ConfigureAwait(false);
        var couple = await couples.GetActiveForPersonAsync(me.Id, ct).ConfigureAwait(false);
        var partner = couple is null ? null : await persons.GetAsync(couple.PartnerOf(me.Id), ct).ConfigureAwait(false);
        var conversation = new Conversation(message, me, couple, partner);
        if (message is CommandReceived
            || (message is ChoiceSelected choiceSelected && !AnswerChoiceService.IsAnswerPayload(choiceSelected.Payload)))
        {
            // The person moved on: a "change" or "hold" they tapped earlier no longer claims their next text.
            await answerChoices.LetGoAsync(me.Id, ct).ConfigureAwait(false);
        }

        await (message switch
        {
            CommandReceived command => HandleCommandAsync(conversation, command, ct),
            TextReceived text => HandleTextAsync(conversation, text.Text, ct),
            ChoiceSelected choice => HandleChoiceAsync(conversation, choice.Payload, ct),
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
        var args = command.Arguments.Trim();
        if (!c.IsPrivate && PrivateOnly.Contains(verb))
        {
            await messenger.ReplyAsync(c, Copy.PrivateOnly(name), ct).ConfigureAwait(false);
            return;
        }

        if (!c.IsPrivate && PrivateOrHome.Contains(verb) && !c.IsInHome)
        {
            await messenger.ReplyAsync(c, c.Couple is null ? Copy.NotPaired(name) : Copy.PrivateOrHomeOnly(name), ct)
                .ConfigureAwait(false);
            return;
        }

        switch (verb)
        {
            case "start" or "help":
                await messenger.ReplyAsync(c, verb == "start" ? Copy.Welcome(name) : Copy.Help(name), ct)
                    .ConfigureAwait(false);
                return;
            case "pair":
                await PairAsync(c, ct).ConfigureAwait(false);
                return;
            case "join":
                await JoinAsync(c, args, ct).ConfigureAwait(false);
                return;
            case "decks":
                await decks.ListAsync(c, c.Couple, ct).ConfigureAwait(false);
                return;
            case "forget":
                await farewell.AskForgetAsync(c, ct).ConfigureAwait(false);
                return;
            case "support":
                await messenger.ReplyAsync(c, Copy.Support(name), ct).ConfigureAwait(false);
                return;
        }

        if (!IsKnown(verb))
        {
            await messenger.ReplyAsync(c, Copy.UnknownCommand(name, Shorten(verb)), ct).ConfigureAwait(false);
            return;
        }

        if (c.Couple is not { } couple)
        {
            await messenger.ReplyAsync(c, Copy.NotPaired(name), ct).ConfigureAwait(false);
            return;
        }

        await (verb switch
        {
            "checkin" => CheckInNowAsync(c, couple, ct),
            "question" => decks.QuestionAsync(c, couple, args, ct),
            "skip" => SkipAsync(c, couple, ct),
            "status" => journal.StatusAsync(c, couple, ct),
            "history" => journal.HistoryAsync(c, couple, args, ct),
            "export" => export.ExportAsync(c, couple, ct),
            "answers" => answerChoices.ListAsync(c, couple, ct),
            "trend" => pulseTrend.TrendAsync(c, couple, args, ct),
            "schedule" => settings.ScheduleAsync(c, couple, args, ct),
            "timezone" => settings.TimeZoneAsync(c, couple, args, ct),
            "quiet" => settings.QuietAsync(c, couple, args, ct),
            "nudge" => nudges.NudgeAsync(c, couple, ct),
            "home" => settings.HomeAsync(c, couple, args, ct),
            "pause" => settings.PauseAsync(c, couple, args, ct),
            "bucket" => bucketList.HandleAsync(c, couple, args, ct),
            "bowl" => bowl.HandleAsync(c, couple, args, ct),
            "draw" => bowl.DrawAsync(c, couple, args, ct),
            "note" => loveNotes.NoteAsync(c, couple, args, ct),
            "capsule" => loveNotes.CapsuleAsync(c, couple, args, ct),
            "cooldown" => cooldowns.HandleAsync(c, couple, args, ct),
            "firsttime" => firstTimes.HandleAsync(c, couple, args, ct),
            "resume" => settings.ResumeAsync(c, couple, ct),
            "unpair" => farewell.AskUnpairAsync(c, couple, ct),
            _ => throw new UnreachableException($"Command /{verb} is listed but not handled."),
        }).ConfigureAwait(false);
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
                await JoinAsync(c, trimmed, ct).ConfigureAwait(false);
                return;
            }

            await messenger.ReplyAsync(c, Copy.NotPaired(name), ct).ConfigureAwait(false);
            return;
        }

        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
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

    private async Task HandleChoiceAsync(Conversation c, string payload, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (payload == FarewellService.CancelPayload)
        {
            await messenger.ReplyAsync(c, Copy.NothingChanged(name), ct).ConfigureAwait(false);
        }
        else if (payload == FarewellService.ForgetPayload)
        {
            await farewell.ConfirmForgetAsync(c, ct).ConfigureAwait(false);
        }
        else if (FarewellService.IsUnpairPayload(payload))
        {
            await farewell.ConfirmUnpairAsync(c, payload, ct).ConfigureAwait(false);
        }
        else if (FarewellService.IsErasePayload(payload))
        {
            await farewell.ConfirmEraseAsync(c, payload, ct).ConfigureAwait(false);
        }
        else if (c.Couple is not { } couple)
        {
            await messenger.ReplyAsync(c, Copy.NotPaired(name), ct).ConfigureAwait(false);
        }
        else if (RoundService.IsSkipPayload(payload))
        {
            await rounds.SkipFromButtonAsync(c, couple, payload, ct).ConfigureAwait(false);
        }
        else if (RoundService.IsPulsePayload(payload))
        {
            await rounds.PulseFromButtonAsync(c, couple, payload, ct).ConfigureAwait(false);
        }
        else if (AnswerChoiceService.IsAnswerPayload(payload))
        {
            await answerChoices.ChooseAsync(c, couple, payload, ct).ConfigureAwait(false);
        }
        else if (CoupleSettingsService.IsHomePayload(payload))
        {
            await settings.ConfirmHomeAsync(c, couple, payload, ct).ConfigureAwait(false);
        }
        else if (DeckService.IsDeckPayload(payload))
        {
            await decks.QuestionFromButtonAsync(c, couple, payload, ct).ConfigureAwait(false);
        }
        else if (FirstTimeService.IsFirstTimePayload(payload))
        {
            await firstTimes.ChoiceAsync(c, couple, payload, ct).ConfigureAwait(false);
        }
        else
        {
            await messenger.ReplyAsync(c, Copy.StaleButton(name), ct).ConfigureAwait(false);
        }
    }

    private async Task PairAsync(Conversation c, CancellationToken ct)
    {
        if (c.Partner is { } partner)
        {
            await messenger.ReplyAsync(c, Copy.AlreadyPaired(c.Me.DisplayName, partner.DisplayName), ct)
                .ConfigureAwait(false);
            return;
        }

        var invite = await pairing.CreateInviteAsync(c.Me, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.InviteCreated(c.Me.DisplayName, invite.Code), ct).ConfigureAwait(false);
    }

    private async Task JoinAsync(Conversation c, string code, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (code.Length == 0)
        {
            await messenger.ReplyAsync(c, Copy.JoinNeedsCode(name), ct).ConfigureAwait(false);
            return;
        }

        var outcome = await pairing.JoinAsync(c.Me, code, ct).ConfigureAwait(false);
        if (outcome is JoinOutcome.Paired paired)
        {
            var schedule = Copy.ScheduleSummary(paired.Couple);
            await messenger.ReplyAsync(c, Copy.PairedWith(name, paired.Owner.DisplayName, schedule), ct)
                .ConfigureAwait(false);
            await messenger.ToPartnerAsync(paired.Owner, paired.Couple, Copy.PairedWith(paired.Owner.DisplayName, name, schedule), ct)
                .ConfigureAwait(false);
            return;
        }

        var reply = outcome switch
        {
            JoinOutcome.CodeUnknown => Copy.CodeUnknown(name),
            JoinOutcome.CodeExpired => Copy.CodeExpired(name),
            JoinOutcome.CodeUsed => Copy.CodeUsed(name),
            JoinOutcome.OwnCode => Copy.OwnCode(name),
            JoinOutcome.AlreadyPaired already => Copy.AlreadyPaired(name, already.Partner.DisplayName),
            JoinOutcome.OwnerAlreadyPaired => Copy.OwnerAlreadyPaired(name),
            JoinOutcome.Throttled throttled => Copy.TooManyTries(name, (int)Math.Ceiling(throttled.RetryAfter.TotalMinutes)),
            _ => throw new UnreachableException($"Unhandled join outcome {outcome.GetType().Name}."),
        };
        await messenger.ReplyAsync(c, reply, ct).ConfigureAwait(false);
    }

    private async Task CheckInNowAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var partner = c.Partner!;
        if (await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false) is { } open)
        {
            await messenger.ReplyAsync(c, Copy.RoundStanding(c.Me.DisplayName, partner.DisplayName, open, c.Me.Id, partner.Id), ct)
                .ConfigureAwait(false);
            await rounds.AskAgainAsync(c.Me, open, ct).ConfigureAwait(false);
            return;
        }

        if (await CooldownService.HoldsPlayAsync(messenger, c, couple, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            return;
        }

        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        await rounds.OpenWeeklyAsync(couple, a, b, ct, c.Me).ConfigureAwait(false);
        if (!c.IsPrivate && !c.IsInHome)
        {
            await messenger.ReplyAsync(c, Copy.CheckInStartedHere(c.Me.DisplayName), ct).ConfigureAwait(false);
        }
    }

    private async Task SkipAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var round = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        if (round?.NextQuestionFor(c.Me.Id) is null)
        {
            await messenger.ReplyAsync(c, Copy.NothingToSkip(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await rounds.AnswerAsync(c, couple, round, null, ct).ConfigureAwait(false);
    }

    private static bool IsKnown(string verb) => Copy.Commands.Any(command => command.Command == verb);

    private static string Shorten(string text) => text.Length > 32 ? text[..32] + "…" : text;

    private static string CleanName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length == 0 ? "friend" : trimmed.Length > 64 ? trimmed[..64] : trimmed;
    }
}
