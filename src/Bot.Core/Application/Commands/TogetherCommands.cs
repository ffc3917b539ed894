using Bot.Core.Domain;

namespace Bot.Core.Application.Commands;

/// <summary>/bucket: the shared bucket list.</summary>
public sealed class BucketCommand(BucketListService bucketList) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        bucketList.HandleAsync(c, couple, arguments.Choice("action"), arguments.Text("wish"), arguments.Number("number"), ct);
}

/// <summary>/bowl: the couple's own question bowl.</summary>
public sealed class BowlCommand(BowlService bowl) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        bowl.HandleAsync(c, couple, arguments.Choice("action"), arguments.Text("question"), arguments.Number("number"), ct);
}

/// <summary>/note TEXT [at HH:MM | surprise]: a love note.</summary>
public sealed class NoteCommand(LoveNoteService loveNotes) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        loveNotes.NoteAsync(c, couple, arguments.Text("text") ?? "", arguments.Time("at"), arguments.Flag("surprise"), ct);
}

/// <summary>/capsule DATE TEXT: sealed until that day.</summary>
public sealed class CapsuleCommand(LoveNoteService loveNotes) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        loveNotes.CapsuleAsync(c, couple, arguments.Date("date")!.Value, arguments.Text("text") ?? "", ct);
}

/// <summary>/nudge: one warm line for the partner.</summary>
public sealed class NudgeCommand(NudgeService nudges) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        nudges.NudgeAsync(c, couple, ct);
}

/// <summary>/cooldown [30m] [topic], /cooldown end.</summary>
public sealed class CooldownCommand(CooldownService cooldowns) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        cooldowns.HandleAsync(c, couple, arguments.Flag("end"), arguments.Duration("for"), arguments.Text("topic"), ct);
}

/// <summary>/firsttime [done]: this month's idea.</summary>
public sealed class FirstTimeCommand(FirstTimeService firstTimes) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        firstTimes.HandleAsync(c, couple, arguments.Choice("action") == "done", ct);
}

/// <summary>/quiz [quiz]: the quizzes, or one started for the two of you.</summary>
public sealed class QuizCommand(QuizService quizzes) : CoupleCommand
{
    protected override Task HandleAsync(Conversation c, Couple couple, CommandArguments arguments, CancellationToken ct) =>
        quizzes.HandleAsync(c, couple, arguments.Choice("quiz"), ct);
}
