using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// /quiz: the couple plays a quiz from the catalog, blind like a round. Each partner taps their own answers (and, in
/// a "know me" quiz, a guess of the partner's) in their private chat; once both finished, the answers and a warm
/// score are revealed to both.
/// </summary>
public sealed class QuizService(
    IQuizRepository quizzes,
    QuizCatalog catalog,
    RoundService rounds,
    Messenger messenger,
    TimeProvider time)
{
    /// <summary>An unfinished quiz this old gives way to a new /quiz (set aside, nothing shown).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(3);

    private const string Start = "s";
    private const string Choose = "a";
    private const string Guess = "g";

    /// <summary>/quiz [id]: the list of quizzes with buttons, or one started.</summary>
    public Task HandleAsync(Conversation c, Couple couple, string? quizId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return quizId is null
            ? messenger.ReplyAsync(c, Copy.QuizList(c.Me.DisplayName, catalog.Quizzes), ct, ListButtons())
            : StartAsync(c, couple, quizId, ct);
    }

    /// <summary>A quiz button: "quiz:s:ID", "quiz:a:PLAY:ITEM:OPTION" or "quiz:g:PLAY:ITEM:OPTION".</summary>
    public async Task ChoiceAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 2 && fields[0] == Start)
        {
            await StartAsync(c, couple, fields[1], ct).ConfigureAwait(false);
            return;
        }

        if (fields.Count != 4 || (fields[0] != Choose && fields[0] != Guess)
            || !ButtonKind.TryNumber(fields, 1, out var playId)
            || !ButtonKind.TryNumber(fields, 2, out var item)
            || !ButtonKind.TryNumber(fields, 3, out var option))
        {
            await messenger.ReplyAsync(c, Copy.StaleButton(c.Me.DisplayName), ct).ConfigureAwait(false);
            return;
        }

        await AnswerAsync(c, couple, playId, new QuizStep((int)Math.Clamp(item, 0, 1000), fields[0] == Guess),
            (int)Math.Clamp(option, 0, 1000), ct).ConfigureAwait(false);
    }

    private async Task StartAsync(Conversation c, Couple couple, string quizId, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (catalog.Find(quizId) is not { } quiz)
        {
            await messenger.ReplyAsync(c, Copy.QuizUnknown(name, catalog.Quizzes), ct, ListButtons()).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        if (await CooldownService.HoldsPlayAsync(messenger, c, couple, now, ct).ConfigureAwait(false))
        {
            return;
        }

        if (await quizzes.GetOpenAsync(couple.Id, ct).ConfigureAwait(false) is { } open)
        {
            if (now - open.StartedAt < StaleAfter)
            {
                await TellOpenAsync(c, open, ct).ConfigureAwait(false);
                return;
            }

            await quizzes.CloseAsync(open.Id, QuizPlayState.SetAside, now, ct).ConfigureAwait(false);
        }

        var play = await quizzes.AddAsync(
            new QuizPlay(0, couple.Id, quiz.Id, c.Me.Id, QuizPlayState.Open, now, null, []), ct).ConfigureAwait(false);
        var partner = c.Partner!;
        var first = new QuizStep(1, false);
        await messenger.ToPersonWhenAwakeAsync(partner, couple, now,
            Copy.QuizStartedByPartner(partner.DisplayName, name, quiz) + "\n\n" + Copy.QuizStepText(quiz, first, name),
            ct, StepButtons(play.Id, quiz, first)).ConfigureAwait(false);

        var mine = Copy.QuizStarted(name, partner.DisplayName, quiz) + "\n\n" + Copy.QuizStepText(quiz, first, partner.DisplayName);
        if (c.IsPrivate)
        {
            await messenger.ReplyAsync(c, mine, ct, StepButtons(play.Id, quiz, first)).ConfigureAwait(false);
            return;
        }

        await messenger.ToPersonAsync(c.Me, mine, ct, StepButtons(play.Id, quiz, first)).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.QuizSentPrivately(name), ct).ConfigureAwait(false);
    }

    private async Task TellOpenAsync(Conversation c, QuizPlay open, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var quiz = catalog.Find(open.QuizId);
        var partnerName = c.Partner!.DisplayName;
        if (quiz is null || open.NextStepOf(c.Me.Id, quiz) is not { } step)
        {
            await messenger.ReplyAsync(c, Copy.QuizOnTheGoWaiting(name, partnerName, quiz?.Title ?? ""), ct)
                .ConfigureAwait(false);
            return;
        }

        await messenger.ReplyAsync(c, Copy.QuizOnTheGo(name, quiz) + "\n\n" + Copy.QuizStepText(quiz, step, partnerName),
            ct, StepButtons(open.Id, quiz, step)).ConfigureAwait(false);
    }

    private async Task AnswerAsync(Conversation c, Couple couple, long playId, QuizStep pressed, int option,
        CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var partnerName = c.Partner!.DisplayName;
        if (await quizzes.GetAsync(playId, ct).ConfigureAwait(false) is not { } play || play.CoupleId != couple.Id
            || catalog.Find(play.QuizId) is not { } quiz)
        {
            await messenger.ReplyAsync(c, Copy.StaleButton(name), ct).ConfigureAwait(false);
            return;
        }

        if (!play.IsOpen)
        {
            await messenger.ReplyAsync(c, Copy.QuizAlreadyOver(name, quiz.Title, play.State == QuizPlayState.Revealed), ct)
                .ConfigureAwait(false);
            return;
        }

        var next = play.NextStepOf(c.Me.Id, quiz);
        if (next is null)
        {
            await messenger.ReplyAsync(c, Copy.QuizYouFinished(name, partnerName), ct).ConfigureAwait(false);
            return;
        }

        if (next != pressed || option < 1 || option > quiz.Items[pressed.Item - 1].Options.Count)
        {
            // A tap on a step already answered (pressed twice, or an older message): say so and ask the current one.
            await messenger.ReplyAsync(c, Copy.QuizAlreadyAnswered(name) + "\n\n" + Copy.QuizStepText(quiz, next, partnerName),
                ct, StepButtons(play.Id, quiz, next)).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        var stored = pressed.IsGuess
            ? await quizzes.SetGuessAsync(play.Id, c.Me.Id, pressed.Item, option, ct).ConfigureAwait(false)
            : await quizzes.AddChoiceAsync(new QuizAnswer(play.Id, c.Me.Id, pressed.Item, option, null, now), ct)
                .ConfigureAwait(false);
        if (!stored)
        {
            await messenger.ReplyAsync(c, Copy.QuizAlreadyAnswered(name), ct).ConfigureAwait(false);
            return;
        }

        var updated = await quizzes.GetAsync(play.Id, ct).ConfigureAwait(false) ?? play;
        if (updated.NextStepOf(c.Me.Id, quiz) is { } following)
        {
            await messenger.ReplyAsync(c, Copy.QuizStepText(quiz, following, partnerName), ct,
                StepButtons(play.Id, quiz, following)).ConfigureAwait(false);
            return;
        }

        if (!updated.HasFinished(c.Partner.Id, quiz))
        {
            await messenger.ReplyAsync(c, Copy.QuizYouFinished(name, partnerName), ct).ConfigureAwait(false);
            await messenger.ToPersonWhenAwakeAsync(c.Partner, couple, now,
                Copy.QuizPartnerFinished(partnerName, name, quiz.Title), ct).ConfigureAwait(false);
            return;
        }

        if (!await quizzes.CloseAsync(play.Id, QuizPlayState.Revealed, now, ct).ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.QuizAlreadyOver(name, quiz.Title, revealed: true), ct).ConfigureAwait(false);
            return;
        }

        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.QuizBothFinished(name), ct).ConfigureAwait(false);
        await messenger.ToCoupleAsync(couple, a, b, Copy.QuizReveal(quiz, updated, a, b), ct, wordsOf: [a.Id, b.Id])
            .ConfigureAwait(false);
    }

    private IReadOnlyList<IReadOnlyList<Choice>> ListButtons() =>
    [
        .. catalog.Quizzes.Chunk(2).Select(pair => (IReadOnlyList<Choice>)
        [
            .. pair.Select(q => new Choice(q.Title, ButtonCatalog.Quiz.Encode(Start, q.Id))),
        ]),
    ];

    private static IReadOnlyList<IReadOnlyList<Choice>> StepButtons(long playId, Quiz quiz, QuizStep step) =>
    [
        .. quiz.Items[step.Item - 1].Options.Select((option, i) => (IReadOnlyList<Choice>)
        [
            new Choice(option.Text, ButtonCatalog.Quiz.Encode(step.IsGuess ? Guess : Choose, playId, step.Item, i + 1)),
        ]),
    ];

}
