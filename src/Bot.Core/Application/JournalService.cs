using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/status and /history: where things stand and what the couple has shared.</summary>
public sealed class JournalService(
    IRoundRepository rounds,
    ICoupleRepository couples,
    IQuizRepository quizzes,
    QuizCatalog quizCatalog,
    RoundService roundService,
    MemoryService memories,
    Messenger messenger,
    TimeProvider time)
{
    /// <summary>How many of the latest quizzes /history lists.</summary>
    public const int QuizzesInHistory = 5;

    public const int DefaultHistoryCount = 3;
    public const int MaxHistoryCount = 20;

    public async Task StatusAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        var recent = await rounds.GetRevealedAsync(couple.Id, 7 * Rhythm.WeeksShown, ct).ConfigureAwait(false);
        var connected = Rhythm.ConnectedWeeks(recent.Select(r => r.ClosedAt ?? r.OpenedAt), now);
        var status = Copy.Status(c.Me, c.Partner!, couple, open, now, connected);
        var played = await PlayedAsync(couple.Id, MaxHistoryCount, ct).ConfigureAwait(false);
        if (played.Where(p => p.Quiz.Kind == QuizKind.LoveLanguage).Take(1).ToList() is [var (quiz, play)])
        {
            status += "\n\n" + Copy.StatusLoveLanguages(c.Me, QuizScore.Top(play, quiz, c.Me.Id),
                c.Partner!, QuizScore.Top(play, quiz, c.Partner!.Id));
        }

        await messenger.ReplyAsync(c, status, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The couple whose journal the person reads: their couple, else the last one they were part of. After an unpair
    /// what they were shown stays theirs to read and export, until they or their former partner delete it.
    /// </summary>
    public async Task<Couple?> JournalOfAsync(Conversation c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Couple ?? await couples.GetLatestForPersonAsync(c.Me.Id, ct).ConfigureAwait(false);
    }

    /// <summary>/history [N]: the last N revealed rounds (the catalog has checked N's bounds).</summary>
    public async Task HistoryAsync(Conversation c, int? count, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (await JournalOfAsync(c, ct).ConfigureAwait(false) is not { } couple)
        {
            await messenger.ReplyAsync(c, Copy.NotPaired(name), ct).ConfigureAwait(false);
            return;
        }

        var revealed = await rounds.GetRevealedAsync(couple.Id, count ?? DefaultHistoryCount, ct).ConfigureAwait(false);
        var played = await PlayedAsync(couple.Id, QuizzesInHistory, ct).ConfigureAwait(false);
        var moments = await memories.ListAsync(couple.Id, count ?? DefaultHistoryCount, ct).ConfigureAwait(false);
        if (revealed.Count == 0 && moments.Count == 0 && played.Count == 0)
        {
            await messenger.ReplyAsync(c, Copy.HistoryEmpty(name), ct).ConfigureAwait(false);
            return;
        }

        var (a, b) = await roundService.PartnersAsync(couple, ct).ConfigureAwait(false);
        var text = revealed.Count == 0
            ? ""
            : Copy.History(revealed, a, b, couple.TimeZone, time.GetUtcNow(), c.IsPrivate ? c.Me.Id : null);
        if (moments.Count > 0)
        {
            // Newest first, like the check-ins above them.
            text += (text.Length == 0 ? "" : "\n\n") + Copy.MemoryHistoryHeading + "\n" + string.Join('\n', moments.Select(m =>
                Copy.MemoryHistoryLine(m.CreatedAt, couple.TimeZone, m.AuthorId == a.Id ? a.DisplayName : b.DisplayName,
                    m.Text, m.MediaKind)));
        }

        if (played.Count > 0)
        {
            text += (text.Length == 0 ? "" : "\n\n") + Copy.QuizHistory(played, a, b, couple.TimeZone);
        }

        await messenger.ReplyAsync(c, text, ct, wordsOf: [a.Id, b.Id]).ConfigureAwait(false);
    }

    /// <summary>The couple's latest revealed quizzes that are still in the catalog, newest first.</summary>
    private async Task<IReadOnlyList<(Quiz Quiz, QuizPlay Play)>> PlayedAsync(long coupleId, int count, CancellationToken ct)
    {
        var plays = await quizzes.GetRevealedAsync(coupleId, DateTimeOffset.MinValue, count, ct).ConfigureAwait(false);
        return [.. plays.Select(p => (Quiz: quizCatalog.Find(p.QuizId), Play: p)).Where(x => x.Quiz is not null).Select(x => (x.Quiz!, x.Play))];
    }
}
