using System.Globalization;
using System.Text;
using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>
/// Renders a <see cref="JournalExport"/> as a readable Markdown file. Everything a person wrote is escaped, so an
/// answer like "*so* [good](x)" shows exactly as typed instead of turning into formatting or a link.
/// </summary>
public static class JournalMarkdown
{
    public const string ContentType = "text/markdown";

    // Inline characters that start emphasis, code, links, HTML, entities, tables or strikethrough.
    private const string InlineSpecials = "\\`*_[]<>&|~";

    public static byte[] Render(JournalExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var md = new StringBuilder();
        md.Append("# ").Append(Copy.JournalTitle([.. export.Partners.Select(Escape)])).Append("\n\n");
        md.Append(Copy.JournalIntro(Date(export.Date), export.TimeZone)).Append("\n\n");
        if (export.IsEmpty)
        {
            md.Append(Copy.JournalEmpty).Append("\n\n");
        }

        AppendCheckIns(md, export);
        AppendNotes(md, export);
        AppendMemories(md, export);
        AppendBucketList(md, export);
        AppendQuizzes(md, export);
        return Encoding.UTF8.GetBytes(md.ToString().TrimEnd() + "\n");
    }

    /// <summary>Makes text show literally: inline markers are backslash-escaped, line-start markers too.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines.Select(EscapeLine));
    }

    private static string EscapeLine(string line)
    {
        // Leading spaces would make a code block; indentation carries no meaning in an answer.
        var trimmed = line.TrimStart();
        var text = new StringBuilder(trimmed.Length + 8);
        foreach (var c in trimmed)
        {
            if (InlineSpecials.Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        if (text.Length > 0 && text[0] is '#' or '-' or '+' or '=')
        {
            text.Insert(0, '\\');
        }

        // "1. " or "1) " at the start would become a numbered list.
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < text.Length && text[digits] is '.' or ')')
        {
            text.Insert(digits, '\\');
        }

        return text.ToString();
    }

    private static void AppendCheckIns(StringBuilder md, JournalExport export)
    {
        md.Append("## ").Append(Copy.JournalCheckInsHeading).Append("\n\n");
        if (export.CheckIns.Count == 0)
        {
            md.Append('_').Append(Copy.JournalNoCheckIns).Append("_\n\n");
            return;
        }

        foreach (var checkIn in export.CheckIns)
        {
            var what = checkIn.Deck is { } deck ? Escape(deck) : Copy.JournalRoundTitle(checkIn.Kind);
            md.Append("### ").Append(Date(checkIn.Date)).Append(" — ").Append(what).Append("\n\n");
            foreach (var scale in checkIn.Pulse.GroupBy(p => p.Scale))
            {
                var legend = Copy.PulseLegend(ExportedPulse.ScaleOf(scale.Key));
                md.Append('_').Append(char.ToUpperInvariant(legend[0])).Append(legend[1..]).Append(":_ ")
                    .AppendJoin(" · ", scale.Select(p => Escape(p.By) + " " + (p.Value is { } v
                        ? string.Create(CultureInfo.InvariantCulture, $"{v}/{PulseEntry.Max}")
                        : Copy.JournalSkipped)))
                    .Append("  \n");
            }

            if (checkIn.Pulse.Count > 0)
            {
                md.Append('\n');
            }

            for (var i = 0; i < checkIn.Questions.Count; i++)
            {
                var question = checkIn.Questions[i];
                var number = checkIn.Questions.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"{i + 1}. ");
                md.Append("**").Append(number).Append(Escape(question.Text)).Append("**\n\n");
                foreach (var answer in question.Answers)
                {
                    md.Append("**").Append(Escape(answer.By)).Append(":** ");
                    AppendWords(md, answer switch
                    {
                        { IsSkipped: true } => "_" + Copy.JournalSkipped + "_",
                        { KeptBack: ExportedAnswer.KeptPrivate } => "_" + Copy.JournalKeptPrivate + "_",
                        { HeldUntil: { } until } => "_" + Copy.JournalHeldUntil(Date(until)) + "_",
                        { Text: null } => "_" + Copy.JournalWordsRemoved + "_",
                        _ => Escape(answer.Text) + MediaLink(answer.Media),
                    });
                }
            }
        }
    }

    private static void AppendNotes(StringBuilder md, JournalExport export)
    {
        md.Append("## ").Append(Copy.JournalNotesHeading).Append("\n\n");
        if (export.Notes.Count == 0)
        {
            md.Append('_').Append(Copy.JournalNoNotes).Append("_\n\n");
            return;
        }

        foreach (var note in export.Notes)
        {
            var heading = note.Kind == ExportedNote.CapsuleKind
                ? Copy.JournalCapsuleHeading(Escape(note.From), Escape(note.To), Date(note.WrittenAt, export))
                : Copy.JournalNoteHeading(Escape(note.From), Escape(note.To));
            md.Append("### ").Append(Date(note.DeliveredAt, export)).Append(" — ").Append(heading).Append("\n\n");
            AppendWords(md, Escape(note.Text) + MediaLink(note.Media));
        }
    }

    private static void AppendMemories(StringBuilder md, JournalExport export)
    {
        if (export.Memories.Count == 0)
        {
            return;
        }

        md.Append("## ").Append(Copy.JournalMemoriesHeading).Append("\n\n");
        foreach (var memory in export.Memories)
        {
            md.Append("### ").Append(Date(memory.Date)).Append(" — ").Append(Escape(memory.By)).Append("\n\n");
            AppendWords(md, (memory.Text is null ? "" : Escape(memory.Text)) + MediaLink(memory.Media));
        }
    }

    /// <summary>A link to the media file beside the journal in the zip (an image shows inline).</summary>
    private static string MediaLink(ExportedMedia? media) => media switch
    {
        null => "",
        { Kind: "photo" } => $"\n\n![{Copy.JournalMediaLabel(media.Kind)}](<{media.Path}>)",
        _ => $"\n\n[{Copy.JournalMediaLabel(media.Kind)}](<{media.Path}>)",
    };

    private static void AppendBucketList(StringBuilder md, JournalExport export)
    {
        md.Append("## ").Append(Copy.JournalBucketHeading).Append("\n\n");
        if (export.BucketList.Count == 0)
        {
            md.Append('_').Append(Copy.JournalNoWishes).Append("_\n\n");
            return;
        }

        foreach (var wish in export.BucketList)
        {
            md.Append(wish.IsDone ? "- [x] " : "- [ ] ")
                .Append(Escape(wish.Text).Replace("\n", " ", StringComparison.Ordinal))
                .Append(" (")
                .Append(wish.DoneAt is { } done
                    ? Copy.JournalWishDone(Escape(wish.AddedBy), Date(done, export))
                    : Copy.JournalWishOpen(Escape(wish.AddedBy)))
                .Append(")\n");
        }

        md.Append('\n');
    }

    private static void AppendQuizzes(StringBuilder md, JournalExport export)
    {
        if (export.Quizzes.Count == 0)
        {
            return;
        }

        md.Append("## ").Append(Copy.JournalQuizzesHeading).Append("\n\n");
        foreach (var quiz in export.Quizzes)
        {
            md.Append("- ").Append(Date(quiz.PlayedAt, export)).Append(" — ").Append(Escape(quiz.Title)).Append(": ")
                .Append(Escape(quiz.Outcome)).Append('\n');
        }

        md.Append('\n');
    }

    // A paragraph whose lines keep their breaks (two trailing spaces make a hard line break).
    private static void AppendWords(StringBuilder md, string escaped) =>
        md.Append(escaped.Replace("\n", "  \n", StringComparison.Ordinal)).Append("\n\n");

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset instant, JournalExport export) =>
        TimeZones.FormatLocalDate(instant, export.TimeZone);
}
