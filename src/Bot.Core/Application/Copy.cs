using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.Core.Application.Commands;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>Everything the bot says, in one place: warm, short, by name, never preachy.</summary>
public static partial class Copy
{
    public static IReadOnlyList<string> DefaultRitualQuestions { get; } =
    [
        "When did you feel most loved or appreciated by me this week?",
        "What felt hard or heavy this week, big or small?",
        "Is there anything you have been meaning to say to me and haven't yet?",
    ];

    public static string Welcome(string name) =>
        $"""
        Hi {name}! I help the two of you stay close with a short weekly check-in. I ask you each a few questions in private, and I only show your answers once you have both replied.

        {CommandList}
        """;

    /// <summary>The listed commands with their usage, one a line, for /help and unknown commands.</summary>
    public static string CommandList { get; } =
        "Here is what you can ask me:\n" + string.Join('\n', CommandCatalog.Listed.Select(c => $"{c.Usage} — {c.Description}"));

    public static string Help(string name) => $"{name}, {char.ToLowerInvariant(CommandList[0])}{CommandList[1..]}";

    public static string YourQuestion(string name) => $"Here's where you are, {name}:";

    public static string UnknownCommand(string name, string command) =>
        $"Sorry {name}, I don't know /{command}. {CommandList}";

    public static string UsageOf(string name, string usage) => $"{name}, that goes like this: {usage}";

    public static string BadNumber(string name, string typed, int min, int max) =>
        $"{name}, I need a number from {min} to {max} there, not “{typed}”.";

    public static string BadTime(string name, string typed) =>
        $"{name}, I can't read “{typed}” as a time of day. Try 19:00, 7pm or 7:30 pm.";

    public static string BadDate(string name, string typed) =>
        $"{name}, I can't read “{typed}” as a date. Please write it as YYYY-MM-DD, like 2027-06-01.";

    public static string BadDuration(string name, string typed) =>
        $"{name}, I can't read “{typed}” as a length of time. Try 30m, 2h, 10d or 2w.";

    public static string BadChoice(string name, string typed, IEnumerable<string> choices) =>
        $"{name}, “{typed}” isn't one I know. You can pick: {string.Join(", ", choices)}.";

    public static string PrivateOnly(string name) =>
        $"{name}, let's do that in private: open a chat with me and send it there.";

    public static string PrivateOrHomeOnly(string name) =>
        $"{name}, I only share that in your private chat with me or in your home group (/home).";

    public static string NotPaired(string name) =>
        $"You're not paired yet, {name}. Send /pair to get an invite code for your partner, or /join CODE if they sent you one.";

    // Pairing

    public static string InviteCreated(string name, string code) =>
        $"""
        Here's your invite, {name}. Forward this to your partner:

        /join {InviteCode.Format(code)}

        They need to open a chat with me, press Start, and send it. The code works once and expires in 24 hours.
        """;

    public static string AlreadyPaired(string name, string partner) =>
        $"You're already paired with {partner}, {name}. Send /unpair first if you want to pair with someone else.";

    public static string JoinNeedsCode(string name) =>
        $"{name}, add the code your partner sent you, like this: /join ABCDE-FGHJK";

    public static string CodeUnknown(string name) =>
        $"Hmm, I don't know that code, {name}. Check it for typos, or ask your partner for a fresh one (/pair).";

    public static string CodeExpired(string name) =>
        $"That code has expired, {name} (codes last 24 hours). Ask your partner to send /pair for a new one.";

    public static string CodeUsed(string name) =>
        $"That code has already been used, {name}. Ask your partner to send /pair for a new one.";

    public static string OwnCode(string name) =>
        $"That's your own code, {name}! Send it to your partner so they can join you.";

    public static string OwnerAlreadyPaired(string name) =>
        $"Sorry {name}, whoever made that code is already paired with someone.";

    public static string TooManyTries(string name, int minutes) =>
        $"That's a few wrong codes in a row, {name}. Please wait {minutes} minute{(minutes == 1 ? "" : "s")} and try again.";

    public static string PairedWith(string name, string partner, string scheduleText) =>
        $"""
        You and {partner} are paired, {name}! 💛
        {scheduleText}
        Change it any time with /schedule and /timezone, or start one now with /checkin.
        """;

    // Schedule, time zone, home

    public static string ScheduleSummary(Couple couple)
    {
        var slot = $"{couple.Schedule.Day}s at {ScheduleParser.TimeText(couple.Schedule.Time)} ({couple.TimeZone})";
        return couple.NextCheckInAt is { } next
            ? $"Weekly check-ins: {slot}. Next one: {TimeZones.FormatLocal(next, couple.TimeZone)}."
            : $"Weekly check-ins are off (they'd be {slot}). /schedule on turns them back on.";
    }

    public static string ScheduleHelp(string name) =>
        $"I couldn't read that, {name}. Try /schedule sun 19:00 or /schedule friday 8pm (a day and a time), /schedule off or /schedule on.";

    public static string ScheduleChanged(string name, Couple couple) => $"Done, {name}. {ScheduleSummary(couple)}";

    /// <summary>What the partner hears of a new slot; when they live on another clock, what it is for them.</summary>
    public static string PartnerChangedSchedule(string name, string partner, Couple couple, string zone) =>
        $"{name}, {partner} updated your check-ins. {ScheduleSummary(couple)}" +
        (couple.NextCheckInAt is { } next && zone != couple.TimeZone ? ForYou(PersonalTime.DayClockText(next, zone)) : "");

    public static string PartnerZoneMovedCheckIns(string name, string partner, string zone, Couple couple) =>
        $"{name}, {partner} is on {zone} time now, and your check-ins moved along with them. {ScheduleSummary(couple)}\n" +
        $"If you live somewhere else, send /timezone with your own zone (like /timezone Europe/London) and I'll keep your clock apart.";

    public static string TimeZoneUnknown(string name, string typed, IReadOnlyList<string> suggestions) =>
        suggestions.Count > 0
            ? $"I don't know the time zone \"{typed}\", {name}. Did you mean {string.Join(", ", suggestions)}?"
            : $"I don't know the time zone \"{typed}\", {name}. Try a zone like Europe/Berlin, America/New_York or Asia/Tokyo.";

    public static string RevealedInHome(string name) =>
        $"Thank you, {name} 💛 You've both answered, so the reveal goes to your home group (or comes here, if anyone but the two of you could read it there).";

    public static string HomeSet(string a, string b) =>
        $"This chat is now {a} and {b}'s home 🏡 I'll post check-in news here, and your reveals while nobody but the two of you can read this chat. Questions and answers stay private.";

    public static string HomeProposed(string name, string partner) =>
        $"{name} would like this group to be your shared home 🏡 Check-in news would be posted here, and reveals (both your answers) while nobody but the two of you can read this group; questions and answers stay private. {partner}, tap below if that's okay with you.";

    public static string HomeConfirmLabel(string partner) => $"{partner}: yes, make this our home";

    public static string HomeWaitingForPartner(string name, string partner) =>
        $"{name}, this one is for {partner} to tap, so you both agree.";

    public static string HomeAlready(string name) => $"{name}, this chat is already your home.";

    public static string HomeHowTo(string name) =>
        $"{name}, add me to a group with your partner and send /home there to make it your shared space. /home off goes back to private chats.";

    public static string HomeCleared(string name) =>
        $"Okay {name}, reveals will come to your private chats again.";

    public static string HomeWordsSentPrivately(string a, string b) =>
        $"{a} and {b}, something for the two of you is waiting in your private chats 💛 I post your words here only while I can see that nobody else reads this chat.";

    public static string HomeLost(string name) =>
        $"{name}, I can't post in your home group any more (I was removed, or may no longer write there), so reveals and news come to your private chats again. Nothing was lost. Send /home in a group to choose a new home.";

    public static string HomeNoLongerPrivate(string name, string? partnerWhoLeft) =>
        (partnerWhoLeft is null
            ? $"{name}, someone else joined your home group."
            : $"{name}, {partnerWhoLeft} left your home group.")
        + " Until it's just the two of you there again, your words come to your private chats, and the group only hears that something is waiting.";

    // Rounds

    public static string CheckInOpened(string name, string partner, int questionCount) =>
        $"Hi {name}, it's check-in time 🌿 {questionCount} short question{(questionCount == 1 ? "" : "s")}, one at a time. {partner} sees your answers only once you've both answered.";

    public static string DeckQuestionOpened(string name, string partner, string deckName) =>
        $"A question from the {deckName} deck for you and {partner}, {name}. Your answer stays sealed until you've both replied.";

    public static string Question(int number, int total, string text) =>
        total == 1 ? text : $"({number}/{total}) {text}";

    public static string SkipLabel => "Skip this one";

    public static string HomeCheckInStarted(string a, string b) =>
        $"Check-in time for {a} and {b} 🌿 The questions are waiting in your private chats.";

    public static string HomeQuestionDrawn(string a, string b, string deckName) =>
        $"{a} and {b}, a question from the {deckName} deck is waiting in your private chats.";

    public static string CheckInStartedHere(string name) =>
        $"Started, {name}! The questions are waiting in your private chats.";

    public static string AnswerNoted(string name) => $"Thank you, {name}.";

    public static string SealedWaiting(string name, string partner) =>
        $"Thank you, {name} 💛 Your answers are sealed. I'll show you both once {partner} has answered too.";

    public static string RoundStanding(string name, string partner, Round round, long meId, long partnerId)
    {
        var total = round.Questions.Count;
        var mine = round.AnsweredCountFor(meId);
        var theirs = round.AnsweredCountFor(partnerId);
        var me = mine >= total ? "you're done" : $"you've answered {mine} of {total}";
        var them = theirs >= total ? $"{partner} is done" : $"{partner} has answered {theirs} of {total}";
        var what = round.Kind == RoundKind.Weekly ? "a check-in is" : "a question is";
        return $"{name}, {what} already open: {me}, {them}.";
    }

    public static string AnswerTooLong(string name, int length, int max) =>
        $"That's a lovely long answer, {name}, but it's {length} characters and I can keep up to {max}. Could you shorten it a little and send it again?";

    public static string OnlyText(string name) =>
        $"Sorry {name}, I can only read text messages.";

    public static string EditNotSeen(string name, bool paired) => paired
        ? $"That edit doesn't change anything I kept, {name}: only an answer in a check-in that is still open can be changed, by editing it or with /answers. Anything else, just send it again."
        : $"I only see new messages, not edits, {name}. Just send it again.";

    public static string NothingToAnswer(string name) =>
        $"Nothing is waiting for an answer right now, {name}. /checkin starts a check-in, /question draws a question for you both.";

    public static string NothingToSkip(string name) => $"There's no question to skip right now, {name}.";

    public static string AlreadyDone(string name, string partner) =>
        $"You've answered everything, {name}. I'll reveal both sides once {partner} has answered too.";

    public static string QuestionGone(string name) =>
        $"That question isn't open anymore, {name}.";

    public static string Reminder(string name, string partner) =>
        $"A gentle nudge, {name}: your check-in with {partner} is still open, whenever you're ready.";

    public static string Expired(string name) =>
        $"{name}, this check-in closed before you both answered, so nothing was shared. Your answers stay private to you. There's always next time 🌱";

    /// <summary>
    /// Both partners' answers side by side (and, for a weekly round, their pulse); private answers and answers held
    /// past <paramref name="now"/> show only that they were kept.
    /// </summary>
    public static string Reveal(Round round, Person a, Person b, DateTimeOffset now, string timeZone,
        IReadOnlyList<PulseEntry>? pulse = null)
    {
        var text = new StringBuilder();
        text.Append(round.Kind switch
        {
            RoundKind.Weekly => $"✨ {a.DisplayName} and {b.DisplayName}, here are your answers, side by side.\n",
            RoundKind.Cooldown => $"🌿 {a.DisplayName} and {b.DisplayName}, you both came back. Here is each side:\n",
            RoundKind.Memory => $"📖 {a.DisplayName} and {b.DisplayName}, a first time for your journal:\n",
            _ => $"✨ {a.DisplayName} and {b.DisplayName}, you both answered!\n",
        });
        if (pulse is { Count: > 0 })
        {
            text.Append('\n').Append(PulseLines(pulse, a, b));
        }

        AppendAnswers(text, round, a, b, now, timeZone, viewerId: null);
        text.Append(round.Kind switch
        {
            RoundKind.Cooldown => "\nGo gently with each other 💛",
            RoundKind.Memory => "\nIt's in your journal now (/history).",
            _ => "\nTake a moment to talk about it, if you like.",
        });
        return text.ToString();
    }

    /// <summary>
    /// The same reveal as <see cref="Reveal"/>, shaped as a letter: the opening, the pulse, a section per question with
    /// each partner's answer (their words, or a short note when there are none), the closing.
    /// </summary>
    public static Letter RevealLetter(Round round, Person a, Person b, DateTimeOffset now, string timeZone,
        IReadOnlyList<PulseEntry>? pulse = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var opening = round.Kind switch
        {
            RoundKind.Weekly => $"✨ {a.DisplayName} and {b.DisplayName}, here are your answers, side by side.",
            RoundKind.Cooldown => $"🌿 {a.DisplayName} and {b.DisplayName}, you both came back. Here is each side:",
            RoundKind.Memory => $"📖 {a.DisplayName} and {b.DisplayName}, a first time for your journal:",
            _ => $"✨ {a.DisplayName} and {b.DisplayName}, you both answered!",
        };
        var sections = new List<LetterSection>();
        if (pulse is { Count: > 0 })
        {
            sections.Add(new LetterSection(PulseHeading,
                [.. PulseLines(pulse, a, b).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => new LetterLine(line))]));
        }

        foreach (var question in round.Questions.OrderBy(q => q.Position))
        {
            var heading = (round.Questions.Count == 1 ? "" : $"{question.Position}. ") + question.Text;
            sections.Add(new LetterSection(heading, [.. new[] { a, b }.Select(person =>
                LetterAnswerOf(person.DisplayName, AnswerView.Of(round.AnswerOf(person.Id, question.Position), null, now), timeZone))]));
        }

        var closing = round.Kind switch
        {
            RoundKind.Cooldown => "Go gently with each other 💛",
            RoundKind.Memory => "It's in your journal now (/history).",
            _ => "Take a moment to talk about it, if you like.",
        };
        return new Letter(opening, sections, closing);
    }

    /// <summary>One answer as a part of a letter, for everyone to read (kept and held words never show).</summary>
    public static LetterAnswer LetterAnswerOf(string author, AnswerView view, string timeZone) => view switch
    {
        AnswerView.Shared shared => new LetterAnswer(author, shared.Text, null),
        AnswerView.Forgotten => new LetterAnswer(author, null, "(words removed)"),
        AnswerView.Passed => new LetterAnswer(author, null, "passed"),
        AnswerView.Private => new LetterAnswer(author, null, "kept this one to themselves 🔒"),
        AnswerView.Held held => new LetterAnswer(author, null,
            $"is holding this one until {TimeZones.FormatLocalDate(held.Until, timeZone)} ⏳"),
        _ => throw new UnreachableException($"Unhandled answer view {view.GetType().Name}."),
    };

    private const string PulseHeading = "This week's pulse";

    /// <param name="viewerId">Who reads it in their private chat: their own kept answers are shown to them.</param>
    private static void AppendAnswers(StringBuilder text, Round round, Person a, Person b, DateTimeOffset now,
        string timeZone, long? viewerId)
    {
        foreach (var question in round.Questions.OrderBy(q => q.Position))
        {
            text.Append('\n').Append(round.Questions.Count == 1 ? "" : $"{question.Position}. ").Append(question.Text).Append('\n');
            foreach (var person in new[] { a, b })
            {
                var view = AnswerView.Of(round.AnswerOf(person.Id, question.Position), viewerId, now);
                text.Append(AnswerLine(person.DisplayName, view, timeZone)).Append('\n');
            }
        }
    }

    // Decks

    public static string PickDeck(string name) => $"Which deck, {name}?";

    public static string DeckList(string name, IEnumerable<(Deck Deck, int Left)> decks) =>
        $"Our decks, {name} (/question DECK draws one for you both):\n"
        + string.Join('\n', decks.Select(d =>
            $"• {d.Deck.Name} ({d.Deck.Id}): {d.Deck.Description} {d.Left} of {d.Deck.Questions.Count} left."));

    public static string DeckUnknown(string name, string typed, IEnumerable<Deck> decks) =>
        $"I don't have a deck called \"{typed}\", {name}. Try one of: {string.Join(", ", decks.Select(d => d.Id))}.";

    public static string DeckStartsOver(string name, string deckName) =>
        $"{name}, you've been through every {deckName} question, so I'm shuffling the deck and starting over.";

    public static string DrawStarted(string name) => $"Drawn, {name}! It's waiting in your private chats.";

    // Status and history

    public static string Status(Person me, Person partner, Couple couple, Round? open, DateTimeOffset now,
        int connectedWeeks = 0)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{me.DisplayName}, you're paired with {partner.DisplayName}.\n");
        text.Append(StatusClocks(me, partner, couple, now));
        // During a pause the next check-in named is the first one after it, not one the pause will skip.
        var upcoming = couple with { NextCheckInAt = ScheduleCalculator.FirstCheckInAfterPause(couple, now) };
        text.Append(ScheduleSummary(upcoming)).Append('\n');
        text.Append(CheckInForEach(me, partner, upcoming));
        if (couple.IsPausedAt(now))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Check-ins are paused until {TimeZones.FormatLocal(couple.PausedUntil!.Value, me.ZoneIn(couple))}.\n");
        }

        if (couple.IsCoolingDownAt(now))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Cooling down until {TimeZones.FormatLocal(couple.CooldownUntil!.Value, me.ZoneIn(couple))}.\n");
        }

        if (couple.Home is not null)
        {
            text.Append("Reveals go to your home group while only the two of you can read it.\n");
        }

        if (connectedWeeks > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"You've connected in {connectedWeeks} of the last {Rhythm.WeeksShown} weeks 💛\n");
        }

        if (open is null)
        {
            text.Append("No check-in is open right now.");
        }
        else
        {
            var total = open.Questions.Count;
            text.Append(CultureInfo.InvariantCulture, $"Open check-in: you {Progress(open.AnsweredCountFor(me.Id), total)}, ")
                .Append(CultureInfo.InvariantCulture, $"{partner.DisplayName} {Progress(open.AnsweredCountFor(partner.Id), total)}.");
        }

        if (!partner.IsReachable)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nI can't reach {partner.DisplayName} at the moment; they may have blocked me.");
        }

        return text.ToString();
    }

    private static string Progress(int answered, int total) =>
        answered >= total ? "done" : $"{answered} of {total} answered";

    public static string HistoryHelp(string name) =>
        $"{name}, try /history or /history 5 (up to 20 check-ins).";

    public static string HistoryEmpty(string name) =>
        $"Nothing in your journal yet, {name}. Once you've both answered a check-in, it'll be here.";

    /// <param name="viewerId">The reader when shown in their private chat; null in a shared chat.</param>
    public static string History(IReadOnlyList<Round> rounds, Person a, Person b, string timeZone, DateTimeOffset now,
        long? viewerId)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Your journal, the last {rounds.Count} check-in{(rounds.Count == 1 ? "" : "s")}, newest first:\n");
        foreach (var round in rounds)
        {
            text.Append("\n— ").Append(TimeZones.FormatLocalDate(round.ClosedAt ?? round.OpenedAt, timeZone)).Append(" —\n");
            AppendAnswers(text, round, a, b, now, timeZone, viewerId);
        }

        return text.ToString().TrimEnd();
    }

    // Unpair and forget

    public static string ConfirmUnpair(string name, string partner) =>
        $"""
        Are you sure, {name}? This ends your pairing with {partner} and stops your check-ins. What should happen to the journal you share?

        • Keep my copy: nothing is deleted, and I send you the journal as files.
        • Delete my words: everything you wrote goes, for good.
        • Delete ours: {partner} is asked, and the whole journal goes only if they agree too.
        """;

    public static string UnpairKeepLabel => "Unpair, keep my copy";

    public static string UnpairDeleteMineLabel => "Unpair, delete my words";

    public static string UnpairDeleteOursLabel(string partner) => $"Unpair, delete ours (asks {partner})";

    public static string UnpairedWordsDeleted(string name, string partner) =>
        $"Done, {name}. You and {partner} are no longer paired, and everything you wrote is deleted. Take care 💛";

    public static string UnpairedAskedToErase(string name, string partner) =>
        $"Done, {name}. You and {partner} are no longer paired. I've asked {partner} whether the journal you share should be deleted; until they agree, it stays. Take care 💛";

    public static string PartnerAsksToErase(string name, string partner) =>
        $"{name}, {partner} has ended your pairing, so there won't be more check-ins. {partner} would also like the journal you share deleted, for both of you. It's your call; nothing goes unless you agree.";

    public static string EraseYesLabel => "Delete our journal";

    public static string EraseKeepLabel => "Keep it";

    public static string JournalErased(string name) =>
        $"Done, {name}. The journal you shared is deleted, for good. Take care 💛";

    public static string JournalKept(string name) =>
        $"Okay {name}, the journal stays. Take care 💛";

    public static string PartnerKeptJournal(string name, string partner) =>
        $"{name}, {partner} would like to keep the journal, so it stays. If you want your own words gone, /forget deletes them.";

    public static string EraseAskGone(string name) =>
        $"That question has already been answered, {name}, so I've left things as they are.";

    public static string ConfirmForget(string name) =>
        $"{name}, this deletes every answer you've written, also from the journal you share, and then unpairs you. It can't be undone. Go ahead?";

    public static string ConfirmForgetYes => "Yes, delete my words";

    public static string ConfirmationExpired(string name, string command) =>
        $"That button has expired, {name}: to be safe, a yes to something that can't be undone only counts for a few minutes after I ask. Nothing changed. If you still want to, send {command} again.";

    public static string EraseAskedAgain(string name, string partner) =>
        $"Those buttons have expired, {name}, so here they are again. {partner} would like the journal you share deleted, for both of you. It's your call; nothing goes unless you agree.";

    public static string ConfirmNo => "No, keep things";

    public static string NothingChanged(string name) => $"Okay {name}, nothing changed.";

    public static string Unpaired(string name, string partner) =>
        $"Done, {name}. You and {partner} are no longer paired. Your copy of the journal comes next, to keep. Take care 💛";

    public static string PartnerUnpaired(string name, string partner) =>
        $"{name}, {partner} has ended your pairing, so there won't be more check-ins. Take care 💛";

    public static string StaleButton(string name) =>
        $"That button is from an earlier pairing, {name}, so I've left things as they are.";

    public static string Forgotten(string name) =>
        $"Done, {name}. Everything you wrote to me has been deleted.";

    public static string PartnerForgot(string name, string partner) =>
        $"{name}, {partner} has deleted their words and ended your pairing. Take care 💛";

    public static string BucketHelp(string name) =>
        $"{name}, your bucket list works like this: /bucket shows it, /bucket add learn to tango adds a wish, /bucket done 2 ticks off number 2.";

    public static string BucketList(Person me, Person partner, IReadOnlyList<BucketItem> items)
    {
        if (items.Count == 0)
        {
            return $"Your bucket list is empty for now, {me.DisplayName}. Add a first wish with /bucket add …";
        }

        string Who(long id) => id == me.Id ? me.DisplayName : id == partner.Id ? partner.DisplayName : "one of you";
        var open = items.Where(i => !i.IsDone).Select((item, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {item.Text} ({Who(item.AddedById)})"));
        var done = items.Where(i => i.IsDone).Select(item => $"✓ {item.Text}");
        var text = new StringBuilder($"Your bucket list, {me.DisplayName} and {partner.DisplayName}:\n");
        text.AppendJoin('\n', open);
        if (items.Any(i => i.IsDone))
        {
            text.Append("\n\nDone together:\n").AppendJoin('\n', done);
        }

        return text.ToString();
    }

    public static string BucketAdded(string name, string text) => $"Added to your bucket list, {name}: {text} ✨";

    public static string BucketPartnerAdded(string name, string partner, string text) =>
        $"{name}, {partner} added to your bucket list: {text} ✨";

    public static string BucketDone(string name, string text) => $"Ticked off, {name}: {text} 🎉";

    public static string BucketPartnerDone(string name, string partner, string text) =>
        $"{name}, {partner} ticked off: {text} 🎉";

    public static string BucketNoSuchItem(string name, int openCount) => openCount == 0
        ? $"Nothing to tick off yet, {name}. Add a wish with /bucket add …"
        : $"{name}, pick a number from your list, 1 to {openCount} (/bucket shows it).";

    public static string BucketTooLong(string name, int max) =>
        $"That wish is a little long, {name}; could you keep it under {max} characters?";

    public static string BucketFull(string name, int max) =>
        $"Your list already has {max} open wishes, {name}. Tick a few off first (/bucket done N)!";

    public static string NoteHelp(string name) =>
        $"{name}, write your note after /note: /note thinking of you sends it now, /note dinner's on me at 19:00 sends it at 19:00 your partner's time, /note you're wonderful surprise sends it at a random daytime moment in the next few days.";

    public static string NoteBadTime(string name, string typed) =>
        $"I couldn't read the time \"{typed}\", {name}. Put the time at the end, like /note see you soon at 19:30 (or at 7:30pm).";

    public static string NoteTooLong(string name, int length, int max) =>
        $"That note is {length} characters, {name}; could you keep it to {max}? Shorter notes often say more 💛";

    public static string NotesPendingFull(string name, int max) =>
        $"{name}, you already have {max} notes and capsules waiting to be delivered. Let a few arrive first!";

    public static string NoteDelivered(string name, string from, string text) => $"{name}, a note from {from}: {text} 💌";

    public static string NoteSent(string name, string partner) => $"Your note is on its way to {partner}, {name} 💌";

    public static string NoteScheduled(string name, string partner, string localTime, string timeZone) =>
        $"Got it, {name}. Your note will reach {partner} on {localTime}, their time ({timeZone}) 💌";

    public static string NoteSurpriseScheduled(string name, string partner, string localTime, string timeZone) =>
        $"A surprise it is, {name}! Your note will pop up for {partner} on {localTime}, their time ({timeZone}). Our secret 🤫";

    public static string CapsuleHelp(string name) =>
        $"{name}, seal a time capsule like this: /capsule 2027-06-01 what I hope for us by then. I keep it closed until 09:00 on that day.";

    public static string CapsuleBadDate(string name, string typed) =>
        $"I couldn't read the date \"{typed}\", {name}. Write it as year-month-day, like /capsule 2027-06-01 your words.";

    public static string CapsuleNotInFuture(string name) =>
        $"{name}, a time capsule needs a day in the future (tomorrow at the earliest).";

    public static string CapsuleTooFar(string name, int years) =>
        $"That's a long way off, {name}! Pick a day within the next {years} years.";

    public static string CapsuleSealed(string name, string partner, string day) =>
        $"Sealed, {name} 🔒 Your time capsule will open for {partner} on {day}.";

    public static string CapsuleWaiting(string name, string partner, string day) =>
        $"{name}, {partner} has sealed a time capsule for you 🔒 It opens on {day}.";

    public static string CapsuleOpened(string name, string partner, string sealedOn, string text) =>
        $"{name}, the time capsule {partner} sealed on {sealedOn} is open 🔓\n\n{text}";

    public static string PauseHelp(string name) =>
        $"{name}, tell me for how long, like /pause 2w or /pause 10d (up to 12 weeks).";

    /// <summary>The reply to /pause; <paramref name="zone"/> is the sender's own clock.</summary>
    public static string Paused(string name, Couple couple, string zone) =>
        $"Enjoy the break, {name}. No check-ins or nudges until {TimeZones.FormatLocal(couple.PausedUntil!.Value, zone)}; /resume brings them back sooner.";

    /// <summary>What the partner hears of a /pause; <paramref name="zone"/> is the partner's own clock.</summary>
    public static string PartnerPaused(string name, string partner, Couple couple, string zone) =>
        $"{name}, {partner} paused your check-ins until {TimeZones.FormatLocal(couple.PausedUntil!.Value, zone)}. Enjoy the break 🌴";

    public static string NotPaused(string name, Couple couple) =>
        $"Your check-ins aren't paused, {name}. {ScheduleSummary(couple)}";

    public static string Resumed(string name, Couple couple) => $"Welcome back, {name}! {ScheduleSummary(couple)}";

    public static string PartnerResumed(string name, string partner, Couple couple) =>
        $"{name}, {partner} resumed your check-ins. {ScheduleSummary(couple)}";

    public static string Support(string name) =>
        $"""
        {name}, every couple goes through hard stretches, and asking for help is a sign of care, not of failure.

        What often helps:
        • a slower talk at a calm moment, one topic at a time, each saying what you feel and what you need
        • a /cooldown when things get heated, then coming back to each other
        • small daily moments: a kind word, ten minutes of real attention, a hug
        • someone outside the two of you: a trusted friend, or a couples therapist

        Many couples see a couples therapist when the same argument keeps coming back, when talking feels unsafe or exhausting, after a breach of trust, around big changes (a move, a baby, a loss), or simply to learn new ways of talking. You don't have to wait for a crisis.

        To find one, look for a licensed therapist or counsellor who works with couples: your doctor, your health insurer, a national register of psychotherapists or a local family counselling service can point you to one, and many offer a short first call to see whether it fits you both. Online sessions work well for long-distance couples.

        I'm a conversation companion, not a therapist. If anyone is in danger, being hurt or thinking of ending their life, please call your local emergency number now, or a crisis or domestic-violence line where you live (a search for "crisis line" with your country's name finds one).

        When your check-ins have felt heavier for a while, I may gently point you here, at most once in three months; /support off stops that, /support on brings it back.
        """;

    public static string SupportOffer(string name) =>
        $"""
        {name}, the last few check-ins have looked a little heavier. That happens to every couple, and it can pass.

        If it would help, /support has a few ideas of what tends to help, and where to find a couples counsellor should you ever want one. No pressure at all 💛

        This is just between us. (/support off and I won't mention it again.)
        """;

    public static string SupportOfferOff(string name) =>
        $"Okay, {name}: I won't offer /support when check-ins feel heavier. /support still works whenever you want it, and /support on brings the offer back.";

    public static string SupportOfferOn(string name) =>
        $"Okay, {name}: if your check-ins feel heavier for a while, I'll gently point you to /support (at most once in three months).";

    public static string Done(string name) => $"Done, {name} ✓";

    public static string SomethingWentWrong =>
        "Sorry, something went wrong on my side with that message. Could you try again in a little while?";
}
