using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/status and /history: where things stand and what the couple has shared.</summary>
public sealed class JournalService(
    IRoundRepository rounds,
    ICoupleRepository couples,
    RoundService roundService,
    MemoryService memories,
    Messenger messenger,
    TimeProvider time)
{
    public const int DefaultHistoryCount = 3;
    public const int MaxHistoryCount = 20;

    public async Task StatusAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false);
        var recent = await rounds.GetRevealedAsync(couple.Id, 7 * Rhythm.WeeksShown, ct).ConfigureAwait(false);
        var connected = Rhythm.ConnectedWeeks(recent.Select(r => r.ClosedAt ?? r.OpenedAt), now);
        await messenger.ReplyAsync(c, Copy.Status(c.Me, c.Partner!, couple, open, now, connected), ct)
            .ConfigureAwait(false);
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
        var moments = await memories.ListAsync(couple.Id, count ?? DefaultHistoryCount, ct).ConfigureAwait(false);
        if (revealed.Count == 0 && moments.Count == 0)
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

        await messenger.ReplyAsync(c, text, ct, wordsOf: [a.Id, b.Id]).ConfigureAwait(false);
    }
}
