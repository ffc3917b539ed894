using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>How a typed /cooldown length turned out.</summary>
public enum CooldownLength
{
    Valid,
    Missing,
    Malformed,
    TooShort,
    TooLong,
    TopicTooLong,
}

/// <summary>
/// /cooldown: a pause either partner can ask for. Playful prompts wait, notes are held, and when the time is up
/// (or someone ends it early) both are asked privately, blind: what I felt, what I needed, one request.
/// </summary>
/// <remarks>A second /cooldown while one runs does not extend it: the pause keeps the end both were told.</remarks>
public sealed class CooldownService(
    ICoupleRepository couples,
    ILoveNoteRepository notes,
    RoundService rounds,
    Messenger messenger,
    TimeProvider time)
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);
    public const int MaxTopicLength = 100;

    /// <summary>"/cooldown 30m [topic]", "/cooldown" (what's running) or "/cooldown end".</summary>
    public async Task HandleAsync(
        Conversation c, Couple couple, bool end, TimeSpan? duration, string? topic, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var partner = c.Partner!;
        var now = time.GetUtcNow();
        if (end)
        {
            await EndEarlyAsync(c, couple, now, ct).ConfigureAwait(false);
            return;
        }

        if (duration is null && topic is null)
        {
            await messenger.ReplyAsync(c, couple.IsCoolingDownAt(now)
                ? Copy.CooldownRunning(name, EndText(couple, c.Me), couple.CooldownById == c.Me.Id ? "you" : partner.DisplayName,
                    couple.CooldownTopic)
                : Copy.CooldownHelp(name), ct, wordsOf: Messenger.WordsOf(couple.CooldownTopic is null ? null : couple.CooldownById))
                .ConfigureAwait(false);
            return;
        }

        if (couple.IsCoolingDownAt(now))
        {
            await messenger.ReplyAsync(c, Copy.CooldownAlreadyRunning(name, EndText(couple, c.Me)), ct).ConfigureAwait(false);
            return;
        }

        var length = Check(duration, topic);
        if (length != CooldownLength.Valid)
        {
            var shown = (topic ?? "").Split(' ')[0];
            await messenger.ReplyAsync(c, length switch
            {
                CooldownLength.TooShort => Copy.CooldownTooShort(name),
                CooldownLength.TooLong => Copy.CooldownTooLong(name),
                CooldownLength.TopicTooLong => Copy.CooldownTopicTooLong(name, MaxTopicLength),
                CooldownLength.Malformed => Copy.CooldownBadDuration(name, shown.Length > 20 ? shown[..20] + "…" : shown),
                _ => Copy.CooldownHelp(name),
            }, ct).ConfigureAwait(false);
            return;
        }

        var cooling = couple with { CooldownUntil = now + duration!.Value, CooldownById = c.Me.Id, CooldownTopic = topic };
        await couples.UpdateAsync(cooling, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.CooldownStarted(name, partner.DisplayName, EndText(cooling, c.Me)), ct)
            .ConfigureAwait(false);
        await messenger.ToPartnerAsync(partner, cooling, Copy.PartnerCooldown(partner.DisplayName, name, EndText(cooling, partner), topic), ct,
            wordsOf: topic is null ? null : [c.Me.Id]).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the couple's cool-down (due or early) once: held notes go out now, an open round gives way, and the
    /// come-back round opens. False if there was nothing to end or someone else ended it first.
    /// </summary>
    public async Task<bool> EndAsync(Couple couple, DateTimeOffset now, CancellationToken ct)
    {
        if (!await TryClaimEndAsync(couple, now, ct).ConfigureAwait(false))
        {
            return false;
        }

        await OpenComeBackAsync(couple, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Marks the cool-down ended (atomically, once) and moves notes held for its planned end to now.</summary>
    private async Task<bool> TryClaimEndAsync(Couple couple, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(couple);
        if (couple.CooldownUntil is not { } until
            || !await couples.TryEndCooldownAsync(couple.Id, until, ct).ConfigureAwait(false))
        {
            return false;
        }

        if (until > now)
        {
            // Notes held for the pause were due at its planned end; they go out with the early end instead.
            await notes.MoveDueAsync(couple.Id, until, now, ct).ConfigureAwait(false);
        }

        return true;
    }

    private async Task OpenComeBackAsync(Couple couple, CancellationToken ct)
    {
        // The come-back matters more than an unfinished question, so whatever round is open gives way.
        if (await rounds.GetOpenAsync(couple.Id, ct).ConfigureAwait(false) is { } open)
        {
            await rounds.SetAsideAsync(open, couple, ct).ConfigureAwait(false);
        }

        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        var ended = couple with { CooldownUntil = null, CooldownById = null, CooldownTopic = null };
        await rounds.OpenCooldownAsync(ended, a, b, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The one gate for playful prompts (/question, decks, /checkin started by hand): during a cool-down, a kind
    /// "let's wait" reply and true; otherwise false and nothing said.
    /// </summary>
    public static async Task<bool> HoldsPlayAsync(
        Messenger messenger, Conversation c, Couple couple, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messenger);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(couple);
        if (!couple.IsCoolingDownAt(now))
        {
            return false;
        }

        await messenger.ReplyAsync(c, Copy.CooldownWaitToPlay(c.Me.DisplayName, EndText(couple, c.Me)), ct)
            .ConfigureAwait(false);
        return true;
    }

    /// <summary>Whether a cool-down of this length and topic may start; a topic without a length is a length mistyped.</summary>
    public static CooldownLength Check(TimeSpan? duration, string? topic) =>
        duration is not { } length ? (topic is null ? CooldownLength.Missing : CooldownLength.Malformed)
        : length < MinDuration ? CooldownLength.TooShort
        : length > MaxDuration ? CooldownLength.TooLong
        : topic?.Length > MaxTopicLength ? CooldownLength.TopicTooLong
        : CooldownLength.Valid;

    private async Task EndEarlyAsync(Conversation c, Couple couple, DateTimeOffset now, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (!couple.IsCoolingDownAt(now) || !await TryClaimEndAsync(couple, now, ct).ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.NoCooldown(name), ct).ConfigureAwait(false);
            return;
        }

        // The partner hears why the pause is over before its questions arrive.
        var partner = c.Partner!;
        await messenger.ToPartnerAsync(partner, couple, Copy.CooldownEndedEarly(partner.DisplayName, name), ct)
            .ConfigureAwait(false);
        if (!c.IsPrivate)
        {
            await messenger.ReplyAsync(c, Copy.CooldownEndedByYou(name), ct).ConfigureAwait(false);
        }

        await OpenComeBackAsync(couple, ct).ConfigureAwait(false);
    }

    /// <summary>When the cool-down ends, on the clock of the person reading it.</summary>
    private static string EndText(Couple couple, Person reader) =>
        TimeZones.FormatLocal(couple.CooldownUntil!.Value, reader.ZoneIn(couple));
}
