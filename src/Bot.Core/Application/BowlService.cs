using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>
/// /bowl and /draw: the couple's own questions. Each partner drops questions in privately; /draw takes one out (or
/// a deck question) for a blind round. A drawn question never comes back.
/// </summary>
public sealed class BowlService(
    IQuestionBowlRepository bowl,
    IQuestionLedger ledger,
    DeckCatalog catalog,
    DeckService decks,
    RoundService rounds,
    Messenger messenger,
    IRandomSource random,
    TimeProvider time)
{
    public const int MaxQuestionLength = 300;

    /// <summary>How many questions one partner may have waiting in the bowl at once.</summary>
    public const int MaxWaitingPerPerson = 30;

    /// <summary>"/bowl", "/bowl list", "/bowl add TEXT" (or the question alone) or "/bowl remove N" (private chats only).</summary>
    public async Task HandleAsync(
        Conversation c, Couple couple, string? action, string? question, int? number, CancellationToken ct)
    {
        await ((action ?? (question is null ? "list" : "add")) switch
        {
            "add" => AddAsync(c, couple, question ?? "", ct),
            "remove" => RemoveAsync(c, couple, number, ct),
            _ => ListAsync(c, couple, ct),
        }).ConfigureAwait(false);
    }

    /// <summary>/draw: a question from the bowl; /draw DECK: one from that deck, as /question DECK.</summary>
    public async Task DrawAsync(Conversation c, Couple couple, string? typedDeck, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(typedDeck))
        {
            await decks.QuestionAsync(c, couple, typedDeck, ct).ConfigureAwait(false);
            return;
        }

        if (await CooldownService.HoldsPlayAsync(messenger, c, couple, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            return;
        }

        var name = c.Me.DisplayName;
        var partner = c.Partner!;
        if (await rounds.TellIfOpenAsync(c, couple, ct).ConfigureAwait(false))
        {
            return;
        }

        var waiting = (await bowl.ListAsync(couple.Id, ct).ConfigureAwait(false)).Where(q => !q.IsDrawn).ToList();
        while (waiting.Count > 0)
        {
            var question = waiting[random.Next(waiting.Count)];
            if (!await bowl.MarkDrawnAsync(question.Id, time.GetUtcNow(), ct).ConfigureAwait(false))
            {
                // Taken out meanwhile (drawn or removed elsewhere); try another one.
                waiting.Remove(question);
                continue;
            }

            var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
            await rounds.OpenBowlAsync(couple, a, b, question, ct, c.Me).ConfigureAwait(false);
            if (!c.IsPrivate)
            {
                await messenger.ReplyAsync(c, Copy.DrawStarted(name), ct).ConfigureAwait(false);
            }

            return;
        }

        await messenger.ReplyAsync(c, Copy.BowlEmpty(name), ct, decks.DeckButtons()).ConfigureAwait(false);
    }

    private async Task AddAsync(Conversation c, Couple couple, string text, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (text.Length == 0)
        {
            await messenger.ReplyAsync(c, Copy.BowlAddHelp(name), ct).ConfigureAwait(false);
            return;
        }

        if (text.Length > MaxQuestionLength)
        {
            await messenger.ReplyAsync(c, Copy.BowlQuestionTooLong(name, text.Length, MaxQuestionLength), ct)
                .ConfigureAwait(false);
            return;
        }

        var all = await bowl.ListAsync(couple.Id, ct).ConfigureAwait(false);
        var mine = all.Where(q => !q.IsDrawn && q.AddedById == c.Me.Id).ToList();
        if (mine.Count >= MaxWaitingPerPerson)
        {
            await messenger.ReplyAsync(c, Copy.BowlFull(name, MaxWaitingPerPerson), ct).ConfigureAwait(false);
            return;
        }

        var close = await FindCloseAsync(c, couple, all, text, ct).ConfigureAwait(false);
        await bowl.AddAsync(new BowlQuestion(0, couple.Id, c.Me.Id, text, time.GetUtcNow(), null), ct)
            .ConfigureAwait(false);
        var waitingCount = all.Count(q => !q.IsDrawn) + 1;
        var reply = Copy.BowlAdded(name, waitingCount, mine.Count + 1, close);
        await messenger.ReplyAsync(c, reply, ct, wordsOf: close?.AuthorId is { } author ? [c.Me.Id, author] : [c.Me.Id])
            .ConfigureAwait(false);
        await messenger.ToPartnerAsync(c.Partner!, c.Couple!, Copy.BowlPartnerAdded(c.Partner!.DisplayName, name), ct)
            .ConfigureAwait(false);
    }

    private async Task ListAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var waiting = (await bowl.ListAsync(couple.Id, ct).ConfigureAwait(false)).Where(q => !q.IsDrawn).ToList();
        var mine = waiting.Where(q => q.AddedById == c.Me.Id).Select(q => q.Text).ToList();
        var partners = waiting.Count - mine.Count;
        await messenger.ReplyAsync(c, Copy.BowlList(c.Me.DisplayName, c.Partner!.DisplayName, mine, partners), ct,
            wordsOf: [c.Me.Id]).ConfigureAwait(false);
    }

    private async Task RemoveAsync(Conversation c, Couple couple, int? number, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var mine = (await bowl.ListAsync(couple.Id, ct).ConfigureAwait(false))
            .Where(q => !q.IsDrawn && q.AddedById == c.Me.Id).ToList();
        if (number is not { } n || n < 1 || n > mine.Count
            || !await bowl.RemoveWaitingAsync(mine[n - 1].Id, c.Me.Id, ct).ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.BowlNoSuchQuestion(name, c.Partner!.DisplayName, mine.Count), ct)
                .ConfigureAwait(false);
            return;
        }

        await messenger.ReplyAsync(c, Copy.BowlRemoved(name, mine[n - 1].Text), ct, wordsOf: [c.Me.Id])
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The question most like <paramref name="text"/> among my own waiting questions, the bowl questions already
    /// asked and the deck questions the couple has had, if any is a near duplicate.
    /// </summary>
    private async Task<BowlMatch?> FindCloseAsync(
        Conversation c, Couple couple, IReadOnlyList<BowlQuestion> all, string text, CancellationToken ct)
    {
        var candidates = new List<(double Score, BowlMatch Match)>();
        var mineWaiting = 0;
        foreach (var question in all)
        {
            var isMine = question.AddedById == c.Me.Id;
            mineWaiting += !question.IsDrawn && isMine ? 1 : 0;
            // The partner's waiting questions are sealed: any hint of a match would let one probe them by adding,
            // reading the heads-up and removing again.
            BowlMatch? match = question switch
            {
                { IsDrawn: true } => new BowlMatch.Asked(question.Text, question.DrawnAt!.Value, couple.TimeZone, question.AddedById),
                _ when isMine => new BowlMatch.Yours(question.Text, mineWaiting),
                _ => null,
            };
            if (match is not null)
            {
                candidates.Add((QuestionSimilarity.Score(text, question.Text), match));
            }
        }

        foreach (var deck in catalog.Decks)
        {
            var drawn = await ledger.GetDrawnAsync(couple.Id, deck.Id, ct).ConfigureAwait(false);
            candidates.AddRange(deck.Questions.Where(q => drawn.Contains(q.Id))
                .Select(q => (QuestionSimilarity.Score(text, q.Text), (BowlMatch)new BowlMatch.FromDeck(q.Text, deck.Name))));
        }

        return candidates.Where(m => m.Score >= QuestionSimilarity.NearDuplicateThreshold)
            .OrderByDescending(m => m.Score).Select(m => m.Match).FirstOrDefault();
    }
}

/// <summary>A question already in the bowl or already asked that a new bowl question is nearly the same as.</summary>
public abstract record BowlMatch
{
    private BowlMatch()
    {
    }

    /// <summary>Whose words the match quotes, if it quotes a partner's words.</summary>
    public virtual long? AuthorId => null;

    /// <summary>One of my own questions still waiting, with its number in my /bowl list.</summary>
    public sealed record Yours(string Text, int Number) : BowlMatch;

    /// <summary>A bowl question drawn before.</summary>
    public sealed record Asked(string Text, DateTimeOffset DrawnAt, string TimeZone, long AddedById) : BowlMatch
    {
        public override long? AuthorId => AddedById;
    }

    /// <summary>A deck question the couple has had.</summary>
    public sealed record FromDeck(string Text, string DeckName) : BowlMatch;
}
