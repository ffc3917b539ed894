using System.IO.Compression;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// /export: the couple's journal as Markdown to read and JSON to keep or import. When the journal holds voice notes,
/// photos or videos, the two files and the media go together in one .zip; without media they come as they are.
/// </summary>
public sealed class ExportService(
    IRoundRepository rounds,
    ILoveNoteRepository notes,
    IBucketListRepository bucketList,
    IPulseRepository pulses,
    IQuizRepository quizzes,
    QuizCatalog quizCatalog,
    MemoryService memories,
    MediaService media,
    RoundService roundService,
    DeckCatalog decks,
    Messenger messenger,
    TimeProvider time)
{
    /// <summary>More rounds than a couple could reveal in a lifetime of weekly check-ins and deck questions.</summary>
    public const int MaxRounds = 100_000;

    /// <summary>More memories than a couple would add in a lifetime.</summary>
    public const int MaxMemories = 100_000;

    public const string ZipContentType = "application/zip";

    public async Task ExportAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var (a, b) = await roundService.PartnersAsync(couple, ct).ConfigureAwait(false);
        var revealed = await rounds.GetRevealedAsync(couple.Id, MaxRounds, ct).ConfigureAwait(false);
        var delivered = await notes.ListDeliveredAsync(couple.Id, ct).ConfigureAwait(false);
        var wishes = await bucketList.ListAsync(couple.Id, ct).ConfigureAwait(false);
        var moments = await memories.ListAsync(couple.Id, MaxMemories, ct).ConfigureAwait(false);
        var taps = new Dictionary<long, IReadOnlyList<PulseEntry>>();
        foreach (var round in revealed.Where(r => r.Kind == RoundKind.Weekly))
        {
            taps[round.Id] = await pulses.GetForRoundAsync(round.Id, ct).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        // Only media whose words both may read: shared answers, delivered notes, memories.
        var mediaIds = revealed
            .SelectMany(r => r.Answers)
            .Where(x => x.MediaId is not null && AnswerView.Of(x, null, now) is AnswerView.Shared)
            .Select(x => x.MediaId!.Value)
            .Concat(delivered.Where(n => n.MediaId is not null).Select(n => n.MediaId!.Value))
            .Concat(moments.Where(m => m.MediaId is not null).Select(m => m.MediaId!.Value))
            .Distinct();
        var files = new Dictionary<long, MediaItem>();
        foreach (var id in mediaIds)
        {
            if (await media.GetAsync(id, ct).ConfigureAwait(false) is { } item)
            {
                files[id] = item;
            }
        }

        var export = JournalExport.Build(couple, a, b, revealed, delivered, wishes,
            id => decks.Decks.FirstOrDefault(d => d.Id == id)?.Name, now, taps, moments, files) with
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

        // The files quote both partners' words: /forget by either drops them if they have not gone out yet.
        var stem = $"journal-{export.Date:yyyy-MM-dd}";
        IReadOnlyList<long> wordsOf = [a.Id, b.Id];
        var name = c.Me.DisplayName;
        var partner = c.Me.Id == a.Id ? b : a;
        var markdown = JournalMarkdown.Render(export);
        var json = JournalJson.Render(export);
        if (files.Count > 0)
        {
            var zip = Zip(stem, markdown, json, files.Values, now);
            var limit = MediaLimits.UploadLimit(c.ReplyAddress.Platform, MediaKind.Video);
            if (zip.Length <= limit)
            {
                await messenger.ReplyAsync(c, Copy.ExportZipCaption(name, partner.DisplayName, files.Count), ct,
                    wordsOf: wordsOf,
                    attachment: new Attachment(AttachmentKind.Document, stem + ".zip", ZipContentType, zip))
                    .ConfigureAwait(false);
                return;
            }

            await messenger.ReplyAsync(c, Copy.ExportMediaTooLarge(name, zip.Length, limit), ct).ConfigureAwait(false);
        }

        await messenger.ReplyAsync(c, Copy.ExportMarkdownCaption(name, partner.DisplayName, export.IsEmpty), ct,
            wordsOf: wordsOf,
            attachment: new Attachment(AttachmentKind.Document, stem + ".md", JournalMarkdown.ContentType, markdown))
            .ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.ExportJsonCaption, ct, wordsOf: wordsOf,
            attachment: new Attachment(AttachmentKind.Document, stem + ".json", JournalJson.ContentType, json))
            .ConfigureAwait(false);
    }

    /// <summary>The journal's two files at the top of the zip, the media beside them in <see cref="JournalExport.MediaFolder"/>.</summary>
    public static byte[] Zip(string stem, byte[] markdown, byte[] json, IEnumerable<MediaItem> files, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, ReadOnlySpan<byte> content, CompressionLevel level)
            {
                var entry = archive.CreateEntry(path, level);
                entry.LastWriteTime = at;
                using var stream = entry.Open();
                stream.Write(content);
            }

            Add(stem + ".md", markdown, CompressionLevel.Optimal);
            Add(stem + ".json", json, CompressionLevel.Optimal);
            foreach (var file in files.OrderBy(f => f.Id))
            {
                // Photos, voice and video are compressed already.
                Add(JournalExport.MediaPath(file), file.Content.Span, CompressionLevel.NoCompression);
            }
        }

        return buffer.ToArray();
    }
}
