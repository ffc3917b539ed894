using Bot.Core.Application.Buttons;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/decks and /question: a themed question for both partners, with no repeats until a deck is used up.</summary>
public sealed class DeckService(
    DeckCatalog catalog,
    IQuestionLedger ledger,
    RoundService rounds,
    Messenger messenger,
    IRandomSource random,
    TimeProvider time)
{
    public async Task ListAsync(Conversation c, Couple? couple, CancellationToken ct)
    {
        var rows = new List<(Deck, int)>();
        foreach (var deck in catalog.Decks)
        {
            var drawn = couple is null
                ? 0
                : (await ledger.GetDrawnAsync(couple.Id, deck.Id, ct).ConfigureAwait(false)).Count;
            rows.Add((deck, deck.Questions.Count - drawn));
        }

        await messenger.ReplyAsync(c, Copy.DeckList(c.Me.DisplayName, rows), ct, DeckButtons()).ConfigureAwait(false);
    }

    /// <summary>/question [deck]: without a deck, offers the decks as buttons.</summary>
    public async Task QuestionAsync(Conversation c, Couple couple, string? typedDeck, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (await CooldownService.HoldsPlayAsync(messenger, c, couple, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(typedDeck))
        {
            await messenger.ReplyAsync(c, Copy.PickDeck(name), ct, DeckButtons()).ConfigureAwait(false);
            return;
        }

        var deck = catalog.Find(typedDeck);
        if (deck is null)
        {
            await messenger.ReplyAsync(c, Copy.DeckUnknown(name, Commands.Parameter.Shorten(typedDeck), catalog.Decks), ct, DeckButtons())
                .ConfigureAwait(false);
            return;
        }

        await DrawAsync(c, couple, deck, ct).ConfigureAwait(false);
    }

    private async Task DrawAsync(Conversation c, Couple couple, Deck deck, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var partner = c.Partner!;
        if (await rounds.TellIfOpenAsync(c, couple, ct).ConfigureAwait(false))
        {
            return;
        }

        var drawn = await ledger.GetDrawnAsync(couple.Id, deck.Id, ct).ConfigureAwait(false);
        var left = deck.Questions.Where(q => !drawn.Contains(q.Id)).ToList();
        if (left.Count == 0)
        {
            await ledger.ResetAsync(couple.Id, deck.Id, ct).ConfigureAwait(false);
            await messenger.ReplyAsync(c, Copy.DeckStartsOver(name, deck.Name), ct).ConfigureAwait(false);
            left = [.. deck.Questions];
        }

        // OrderBy is stable, so an ordered deck keeps its file order within a depth.
        var question = deck.IsOrdered ? left.OrderBy(q => q.Depth).First() : left[random.Next(left.Count)];
        await ledger.AddAsync(couple.Id, deck.Id, question.Id, time.GetUtcNow(), ct).ConfigureAwait(false);
        var (a, b) = await rounds.PartnersAsync(couple, ct).ConfigureAwait(false);
        await rounds.OpenDeckAsync(couple, a, b, deck, question, ct, c.Me).ConfigureAwait(false);
        if (!c.IsPrivate)
        {
            await messenger.ReplyAsync(c, Copy.DrawStarted(name), ct).ConfigureAwait(false);
        }
    }

    /// <summary>One button per deck, two to a row; a press draws from that deck.</summary>
    public IReadOnlyList<IReadOnlyList<Choice>> DeckButtons() =>
        [.. catalog.Decks.Chunk(2).Select(pair => (IReadOnlyList<Choice>)[.. pair.Select(d => new Choice(d.Name, ButtonCatalog.Deck.Encode(d.Id)))])];
}
