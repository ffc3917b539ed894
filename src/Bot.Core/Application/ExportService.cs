using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/export: the couple's journal as two documents, Markdown to read and JSON to keep or import.</summary>
public sealed class ExportService(
    IRoundRepository rounds,
    ILoveNoteRepository notes,
    IBucketListRepository bucketList,
    IPulseRepository pulses,
    IQuizRepository quizzes,
    QuizCatalog quizCatalog,
    RoundService roundService,
    DeckCatalog decks,
    Messenger messenger,
    TimeProvider time)
{
    /// <summary>More rounds than a couple could reveal in a lifetime of weekly check-ins and deck questions.</summary>
    public const int MaxRounds = 100_000;

    public async Task ExportAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var (a, b) = await roundService.PartnersAsync(couple, ct).ConfigureAwait(false);
        var revealed = await rounds.GetRevealedAsync(couple.Id, MaxRounds, ct).ConfigureAwait(false);
        var delivered = await notes.ListDeliveredAsync(couple.Id, ct).ConfigureAwait(false);
        var wishes = await bucketList.ListAsync(couple.Id, ct).ConfigureAwait(false);
        var taps = new Dictionary<long, IReadOnlyList<PulseEntry>>();
        foreach (var round in revealed.Where(r => r.Kind == RoundKind.Weekly))
        {
            taps[round.Id] = await pulses.GetForRoundAsync(round.Id, ct).ConfigureAwait(false);
        }

        var export = JournalExport.Build(couple, a, b, revealed, delivered, wishes,
            id => decks.Decks.FirstOrDefault(d => d.Id == id)?.Name, time.GetUtcNow(), taps) with
        {
            Quizzes =
            [
                .. (await quizzes.GetRevealedAsync(couple.Id, DateTimeOffset.MinValue, MaxRounds, ct).ConfigureAwait(false))
                    .Reverse()
                    .Select(p => (Quiz: quizCatalog.Find(p.QuizId), Play: p))
                    .Where(x => x.Quiz is not null)
                    .Select(x => ExportedQuiz.Of(x.Quiz!, x.Play, a, b)),
            ],
        };

        // Both files quote both partners' words: /forget by either drops them if they have not gone out yet.
        var stem = $"journal-{export.Date:yyyy-MM-dd}";
        IReadOnlyList<long> wordsOf = [a.Id, b.Id];
        var name = c.Me.DisplayName;
        var partner = c.Me.Id == a.Id ? b : a;
        await messenger.ReplyAsync(c, Copy.ExportMarkdownCaption(name, partner.DisplayName, export.IsEmpty), ct,
            wordsOf: wordsOf,
            attachment: new Attachment(AttachmentKind.Document, stem + ".md", JournalMarkdown.ContentType,
                JournalMarkdown.Render(export))).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.ExportJsonCaption, ct, wordsOf: wordsOf,
            attachment: new Attachment(AttachmentKind.Document, stem + ".json", JournalJson.ContentType,
                JournalJson.Render(export))).ConfigureAwait(false);
    }
}
