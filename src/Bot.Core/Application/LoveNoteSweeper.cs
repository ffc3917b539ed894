using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>What one note sweep did; failures are reported, not thrown.</summary>
public sealed record NoteSweepResult(int Delivered, IReadOnlyList<(string Item, Exception Error)> Failures);

/// <summary>
/// Moves love notes and capsules whose time has come into the outbox, each in its own transaction; the atomic
/// <see cref="ILoveNoteRepository.MarkDeliveredAsync"/> makes overlapping sweeps deliver each note once.
/// </summary>
public sealed class LoveNoteSweeper(
    ILoveNoteRepository notes,
    ICoupleRepository couples,
    IPersonRepository persons,
    Messenger messenger,
    MediaService media,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    public async Task<NoteSweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = new List<(string, Exception)>();
        var delivered = 0;
        await DueWork.DrainAsync(
            unitOfWork,
            limit => notes.FindDueAsync(now, limit, ct),
            notes.GetAsync,
            async (note, token) =>
            {
                if (note.IsDelivered || note.DeliverAt > now
                    || await HoldForCooldownAsync(note, now, token).ConfigureAwait(false))
                {
                    return;
                }

                if (await DeliverAsync(note.Id, now, token).ConfigureAwait(false))
                {
                    delivered++;
                }
            },
            "love note",
            failures,
            ct).ConfigureAwait(false);
        return new NoteSweepResult(delivered, failures);
    }

    /// <summary>A note or capsule that comes due during a cool-down waits for its end (surprises included).</summary>
    private async Task<bool> HoldForCooldownAsync(LoveNote note, DateTimeOffset now, CancellationToken ct)
    {
        if (await couples.GetAsync(note.CoupleId, ct).ConfigureAwait(false) is not { IsActive: true } couple
            || !couple.IsCoolingDownAt(now))
        {
            return false;
        }

        await notes.PostponeAsync(note.Id, note.DeliverAt, couple.CooldownUntil!.Value, ct).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> DeliverAsync(long noteId, DateTimeOffset now, CancellationToken ct)
    {
        if (!await notes.MarkDeliveredAsync(noteId, now, ct).ConfigureAwait(false)
            || await notes.GetAsync(noteId, ct).ConfigureAwait(false) is not { } note)
        {
            return false;
        }

        // A couple that has parted since the note was written: it is spent quietly, never sent.
        if (await couples.GetAsync(note.CoupleId, ct).ConfigureAwait(false) is not { IsActive: true } couple
            || await persons.GetAsync(note.ToId, ct).ConfigureAwait(false) is not { } to
            || await persons.GetAsync(note.FromId, ct).ConfigureAwait(false) is not { } from)
        {
            return false;
        }

        var text = note.IsCapsule
            ? Copy.CapsuleOpened(
                to.DisplayName, from.DisplayName, TimeZones.FormatLocalDate(note.CreatedAt, to.ZoneIn(couple)), note.Text)
            : Copy.NoteDelivered(to.DisplayName, from.DisplayName, note.Text);
        // Due in the partner's quiet hours (they changed them, or asked for 07:30): it waits in the outbox until they end.
        await messenger.ToPersonWhenAwakeAsync(to, couple, now, text, ct, wordsOf: [note.FromId],
            attachment: await media.AttachmentAsync(note.MediaId, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return true;
    }
}
