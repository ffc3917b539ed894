using Bot.Core.Domain;
using Bot.Core.Ports;

namespace Bot.Core.Application;

/// <summary>/bucket: the couple's shared list of things to do together.</summary>
public sealed class BucketListService(IBucketListRepository bucket, Messenger messenger, TimeProvider time)
{
    public const int MaxItemLength = 200;
    public const int MaxOpenItems = 100;

    /// <summary>"/bucket", "/bucket add TEXT" (or the wish alone) or "/bucket done N".</summary>
    public async Task HandleAsync(
        Conversation c, Couple couple, string? action, string? wish, int? number, CancellationToken ct)
    {
        await ((action ?? (wish is null ? "list" : "add")) switch
        {
            "add" => AddAsync(c, couple, wish ?? "", ct),
            "done" => DoneAsync(c, couple, number, ct),
            _ => ListAsync(c, couple, ct),
        }).ConfigureAwait(false);
    }

    private async Task ListAsync(Conversation c, Couple couple, CancellationToken ct)
    {
        var items = await bucket.ListAsync(couple.Id, ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.BucketList(c.Me, c.Partner!, items), ct, wordsOf: [c.Me.Id, c.Partner!.Id])
            .ConfigureAwait(false);
    }

    private async Task AddAsync(Conversation c, Couple couple, string text, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        if (text.Length == 0 || text.Length > MaxItemLength)
        {
            await messenger.ReplyAsync(c, text.Length == 0 ? Copy.BucketHelp(name) : Copy.BucketTooLong(name, MaxItemLength), ct)
                .ConfigureAwait(false);
            return;
        }

        var items = await bucket.ListAsync(couple.Id, ct).ConfigureAwait(false);
        if (items.Count(i => !i.IsDone) >= MaxOpenItems)
        {
            await messenger.ReplyAsync(c, Copy.BucketFull(name, MaxOpenItems), ct).ConfigureAwait(false);
            return;
        }

        await bucket.AddAsync(new BucketItem(0, couple.Id, text, c.Me.Id, time.GetUtcNow(), null), ct).ConfigureAwait(false);
        await messenger.ReplyAsync(c, Copy.BucketAdded(name, text), ct, wordsOf: [c.Me.Id]).ConfigureAwait(false);
        await messenger.ToPartnerAsync(c.Partner!, couple, Copy.BucketPartnerAdded(c.Partner!.DisplayName, name, text), ct,
            wordsOf: [c.Me.Id]).ConfigureAwait(false);
    }

    private async Task DoneAsync(Conversation c, Couple couple, int? number, CancellationToken ct)
    {
        var name = c.Me.DisplayName;
        var open = (await bucket.ListAsync(couple.Id, ct).ConfigureAwait(false)).Where(i => !i.IsDone).ToList();
        if (number is not { } n || n < 1 || n > open.Count)
        {
            await messenger.ReplyAsync(c, Copy.BucketNoSuchItem(name, open.Count), ct).ConfigureAwait(false);
            return;
        }

        var item = open[n - 1];
        if (!await bucket.MarkDoneAsync(couple.Id, item.Id, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            await messenger.ReplyAsync(c, Copy.BucketNoSuchItem(name, open.Count), ct).ConfigureAwait(false);
            return;
        }

        var wordsOf = new[] { item.AddedById };
        await messenger.ReplyAsync(c, Copy.BucketDone(name, item.Text), ct, wordsOf: wordsOf).ConfigureAwait(false);
        await messenger.ToPartnerAsync(c.Partner!, couple, Copy.BucketPartnerDone(c.Partner!.DisplayName, name, item.Text), ct,
            wordsOf: wordsOf).ConfigureAwait(false);
    }
}
