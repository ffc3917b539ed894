namespace Bot.Core.Application.Commands;

/// <summary>
/// Every command a couple can type, declared once. Adding a command is an entry here, its handler, its wording in
/// <see cref="Copy"/> and its row in the README.
/// </summary>
public static class CommandCatalog
{
    private static readonly IReadOnlyList<ParameterChoice> Weekdays =
    [
        .. Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday).Select(day =>
        {
            var full = day.ToString();
            return new ParameterChoice(full, full[..3].ToLowerInvariant(), full.ToLowerInvariant(), full.ToLowerInvariant() + "s");
        }),
    ];

    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("start", "Say hello and see what I can do", typeof(StartCommand)) { NeedsCouple = false, Listed = false },
        new("help", "What I can do", typeof(HelpCommand)) { NeedsCouple = false },
        new("pair", "Get an invite code for your partner", typeof(PairCommand))
        {
            NeedsCouple = false,
            Place = CommandPlace.PrivateChat,
        },
        new("join", "Pair up using your partner's code", typeof(JoinCommand))
        {
            Usage = "/join CODE",
            NeedsCouple = false,
            Place = CommandPlace.PrivateChat,
            Parameters =
            [
                new TextParameter("code", "The code your partner sent you", 40) { Required = true, Slot = ParameterSlot.Rest },
            ],
            Help = Copy.JoinNeedsCode,
        },
        new("checkin", "Start a check-in now", typeof(CheckInCommand)),
        new("question", "Draw a question for the two of you", typeof(QuestionCommand))
        {
            Usage = "/question [deck]",
            Parameters = [Deck("Which deck to draw from")],
        },
        new("decks", "See the question decks", typeof(DecksCommand)) { NeedsCouple = false },
        new("skip", "Pass on the current question", typeof(SkipCommand)) { Place = CommandPlace.PrivateChat },
        new("answers", "See or change your answers before the reveal", typeof(AnswersCommand))
        {
            Place = CommandPlace.PrivateChat,
        },
        new("status", "Where things stand", typeof(StatusCommand)) { Place = CommandPlace.PrivateOrHome },
        new("history", "Look back at your journal", typeof(HistoryCommand))
        {
            NeedsCouple = false,
            Help = Copy.HistoryHelp,
            Usage = "/history [N]",
            Place = CommandPlace.PrivateOrHome,
            Parameters =
            [
                new IntegerParameter("count", "How many check-ins to show (1–20)", 1, JournalService.MaxHistoryCount)
                {
                    WhenInvalid = (person, _) => Copy.HistoryHelp(person),
                },
            ],
        },
        new("export", "Get your journal as files to keep", typeof(ExportCommand))
        {
            NeedsCouple = false,
            Place = CommandPlace.PrivateChat,
        },
        new("trend", "Your weekly pulse as a chart", typeof(TrendCommand))
        {
            Help = Copy.TrendHelp,
            Usage = "/trend [weeks]",
            Place = CommandPlace.PrivateOrHome,
            Parameters =
            [
                new IntegerParameter("weeks", "How many weeks to show (4–52, default 12)",
                    PulseTrendService.MinWeeks, PulseTrendService.MaxWeeks)
                {
                    WhenInvalid = (person, _) => Copy.TrendHelp(person),
                },
            ],
        },
        new("schedule", "Set the weekly check-in day and time", typeof(ScheduleCommand))
        {
            Help = Copy.ScheduleHelp,
            Usage = "/schedule DAY HH:MM (or off)",
            Parameters =
            [
                new ChoiceParameter("day", "Day of the weekly check-in, or turn it off/on",
                [
                    .. Weekdays,
                    new ParameterChoice("Turn check-ins off", "off"),
                    new ParameterChoice("Turn check-ins on", "on"),
                ])
                {
                    WhenInvalid = (person, _) => Copy.ScheduleHelp(person),
                },
                new TimeOfDayParameter("time", "The time, e.g. 19:00 or 7pm")
                {
                    LeadWords = ["at"],
                    WhenInvalid = (person, _) => Copy.ScheduleHelp(person),
                },
            ],
        },
        new("timezone", "Set your time zone", typeof(TimeZoneCommand))
        {
            Usage = "/timezone ZONE (or couple ZONE)",
            Place = CommandPlace.PrivateOrHome,
            Parameters =
            [
                new TimeZoneParameter("zone", "A time zone, e.g. Europe/Berlin (empty: show the zones)")
                {
                    Slot = ParameterSlot.Rest,
                },
                new ChoiceParameter("for", "Whose zone to set (default: yours)",
                    [new ParameterChoice("Me", "me"), new ParameterChoice("Our check-ins", "couple")]),
            ],
        },
        new("quiet", "Set your quiet hours", typeof(QuietCommand))
        {
            Help = Copy.QuietHelp,
            Usage = "/quiet 22:00-08:00 (or off)",
            Parameters =
            [
                new TimeOfDayParameter("from", "Quiet from, e.g. 22:00 or 10pm")
                {
                    AllowsBareHour = true,
                    WhenInvalid = (person, _) => Copy.QuietHelp(person),
                },
                new TimeOfDayParameter("until", "Quiet until, e.g. 08:00 or 8am")
                {
                    AllowsBareHour = true,
                    LeadWords = ["-", "–", "—", "to", "until"],
                    WhenInvalid = (person, _) => Copy.QuietHelp(person),
                },
                new BooleanParameter("off", "Turn quiet hours off", "off"),
                new BooleanParameter("on", "Quiet hours back to 22:00–08:00", "on"),
            ],
        },
        new("home", "Make a group your shared space", typeof(HomeCommand))
        {
            Parameters = [new BooleanParameter("off", "Stop using this chat as your shared space", "off")],
        },
        new("bucket", "Your shared bucket list", typeof(BucketCommand))
        {
            Help = Copy.BucketHelp,
            Usage = "/bucket, /bucket add …, /bucket done N",
            Place = CommandPlace.PrivateOrHome,
            Parameters = ListParameters(
                new ChoiceParameter("action", "Show the list, add a wish, or tick one off",
                [
                    new ParameterChoice("Show our list", "list", "show"),
                    new ParameterChoice("Add a wish", "add"),
                    new ParameterChoice("Tick one off", "done", "tick"),
                ]) { WhenInvalid = (person, _) => Copy.BucketHelp(person) },
                ("wish", "What you'd love to do together (for add)", BucketListService.MaxItemLength),
                ("done", "Which one to tick off (for done)")),
        },
        new("bowl", "Drop a question in your bowl, see or remove yours", typeof(BowlCommand))
        {
            Help = Copy.BowlHelp,
            Usage = "/bowl, /bowl add …, /bowl remove N",
            Place = CommandPlace.PrivateChat,
            Parameters = ListParameters(
                new ChoiceParameter("action", "Add a question, list yours, or remove one",
                [
                    new ParameterChoice("Add a question", "add"),
                    new ParameterChoice("List mine", "list", "show"),
                    new ParameterChoice("Remove one of mine", "remove", "delete"),
                ]) { WhenInvalid = (person, _) => Copy.BowlHelp(person) },
                ("question", "Your question for the two of you (for add)", BowlService.MaxQuestionLength),
                ("remove", "Which of yours to remove (for remove)")),
        },
        new("draw", "Draw a question from your bowl or a deck", typeof(DrawCommand))
        {
            Usage = "/draw [deck]",
            Parameters = [Deck("A deck instead of your bowl")],
        },
        new("note", "Send your partner a love note", typeof(NoteCommand))
        {
            Usage = "/note TEXT [at HH:MM | surprise]",
            Place = CommandPlace.PrivateChat,
            TakesMedia = true,
            Parameters =
            [
                // Optional only so a voice note or photo may be the whole note; no words and no file gets the help.
                new TextParameter("text", "Your note", LoveNoteService.MaxTextLength)
                {
                    Slot = ParameterSlot.Rest,
                },
                new TimeOfDayParameter("at", "Deliver at this time on their clock, e.g. 19:00 or 7pm (leave out: now)")
                {
                    Slot = ParameterSlot.Trailing,
                    LeadWords = ["at"],
                    NeedsLeadWord = true,
                    WhenInvalid = Copy.NoteBadTime,
                },
                new BooleanParameter("surprise", "Let me pick a surprise moment within the next days", "surprise")
                {
                    Slot = ParameterSlot.Trailing,
                },
            ],
            Help = Copy.NoteHelp,
        },
        new("capsule", "Seal a time capsule until a date", typeof(CapsuleCommand))
        {
            Usage = "/capsule YYYY-MM-DD TEXT",
            Place = CommandPlace.PrivateChat,
            TakesMedia = true,
            Parameters =
            [
                new DateParameter("date", "The day it opens, e.g. 2027-06-01")
                {
                    Required = true,
                    WhenInvalid = Copy.CapsuleBadDate,
                },
                new TextParameter("text", "What to seal inside", LoveNoteService.MaxTextLength)
                {
                    Slot = ParameterSlot.Rest,
                },
            ],
            Help = Copy.CapsuleHelp,
        },
        new("memory", "Add a photo or moment to your journal", typeof(MemoryCommand))
        {
            Usage = "/memory [TEXT] (as a photo's caption)",
            Place = CommandPlace.PrivateChat,
            TakesMedia = true,
            Parameters =
            [
                new TextParameter("text", "A line to go with it", MemoryService.MaxTextLength)
                {
                    Slot = ParameterSlot.Rest,
                },
            ],
            Help = Copy.MemoryHelp,
        },
        new("cooldown", "Take a pause, then come back to each other", typeof(CooldownCommand))
        {
            Help = Copy.CooldownHelp,
            Usage = "/cooldown 30m [topic], /cooldown end",
            Place = CommandPlace.PrivateOrHome,
            Parameters =
            [
                new BooleanParameter("end", "End the cool-down now and come back to each other", "end", "stop", "off", "over"),
                new DurationParameter("for", "How long, e.g. 30m or 2h (10 minutes to 24 hours)", inDays: false)
                {
                    WhenInvalid = Copy.CooldownBadDuration,
                },
                new TextParameter("topic", "What it's about, if you like", CooldownService.MaxTopicLength)
                {
                    Slot = ParameterSlot.Rest,
                },
            ],
        },
        new("firsttime", "This month's first-time idea", typeof(FirstTimeCommand))
        {
            Help = Copy.FirstTimeHelp,
            Usage = "/firsttime [done]",
            Place = CommandPlace.PrivateOrHome,
            Parameters =
            [
                new ChoiceParameter("action", "See this month's idea, or say you did it",
                [
                    new ParameterChoice("Show this month's idea", "show"),
                    new ParameterChoice("We did it!", "done", "did it", "we did it"),
                ])
                {
                    WhenInvalid = (person, _) => Copy.FirstTimeHelp(person),
                },
            ],
        },
        new("quiz", "Play a quiz together, blind until you both finish", typeof(QuizCommand))
        {
            Usage = "/quiz [quiz]",
            Place = CommandPlace.PrivateOrHome,
            Parameters =
            [
                new ChoiceParameter("quiz", "Which quiz to play (leave out: see them all)",
                [
                    // The title without its emoji reads too: "/quiz a perfect weekend".
                    .. QuizCatalog.BuiltIn.Quizzes.Select(q =>
                        new ParameterChoice(q.Title, q.Id, q.Title[(q.Title.IndexOf(' ', StringComparison.Ordinal) + 1)..])),
                ])
                {
                    IsOpen = true,
                    Slot = ParameterSlot.Rest,
                },
            ],
        },
        new("nudge", "Send your partner a warm nudge", typeof(NudgeCommand)),
        new("pause", "Pause check-ins for a while", typeof(PauseCommand))
        {
            Usage = "/pause 2w",
            Parameters =
            [
                new DurationParameter("for", "How long, e.g. 2w or 10d (up to 12 weeks)", inDays: true)
                {
                    Required = true,
                    WhenInvalid = (person, _) => Copy.PauseHelp(person),
                },
            ],
            Help = Copy.PauseHelp,
        },
        new("resume", "Resume paused check-ins", typeof(ResumeCommand)),
        new("support", "Where to find help as a couple", typeof(SupportCommand))
        {
            NeedsCouple = false,
            Usage = "/support (or off, on)",
            Parameters =
            [
                new BooleanParameter("off", "Don't offer me this when check-ins feel heavier", "off"),
                new BooleanParameter("on", "Offer it again when check-ins feel heavier", "on"),
            ],
        },
        new("unpair", "End the pairing", typeof(UnpairCommand)) { Place = CommandPlace.PrivateChat },
        new("forget", "Delete everything you wrote, then unpair", typeof(ForgetCommand))
        {
            NeedsCouple = false,
            Place = CommandPlace.PrivateChat,
        },
    ];

    private static readonly Dictionary<string, CommandSpec> ByName = All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The command with this name (lower case, without slash), or null.</summary>
    public static CommandSpec? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The commands shown in /help and the command menus.</summary>
    public static IEnumerable<CommandSpec> Listed => All.Where(c => c.Listed);

    /// <summary>
    /// A list command (/bucket, /bowl): an action, the text to add (read only after "add"), and the number of an
    /// item to act on (read only after its action; one that does not read is left for the handler, which knows the
    /// range).
    /// </summary>
    private static IReadOnlyList<Parameter> ListParameters(
        ChoiceParameter action,
        (string Name, string Description, int MaxLength) text,
        (string Action, string Description) number) =>
    [
        action,
        new TextParameter(text.Name, text.Description, text.MaxLength)
        {
            Slot = ParameterSlot.Rest,
            OnlyWhen = a => a.Choice(action.Name) == "add",
        },
        new IntegerParameter("number", number.Description, 1, 10_000)
        {
            OnlyWhen = a => a.Choice(action.Name) == number.Action,
            LeavesOutUnreadable = true,
        },
    ];

    private static ChoiceParameter Deck(string description) =>
        new("deck", description, [.. DeckCatalog.Embedded.Decks.Select(d => new ParameterChoice(d.Name, d.Id))])
        {
            IsOpen = true,
            Slot = ParameterSlot.Rest,
        };
}
