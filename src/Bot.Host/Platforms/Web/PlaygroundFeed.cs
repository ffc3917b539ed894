using System.Collections.Concurrent;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Bot.Core.Application;
using Bot.Core.Application.Messages;

namespace Bot.Host.Platforms.Web;

/// <summary>
/// What the playground's page shows: every message of every pane (the bot's and the person's) and the clock, in
/// one numbered stream. A page that (re)connects gets what it missed, then news as it happens. Kept in memory:
/// the couples' state lives in the database; this is only the chat scrollback.
/// </summary>
internal sealed class PlaygroundFeed(TimeProvider time)
{
    public const string MessageEvent = "message";
    public const string ClockEvent = "clock";

    private const int MaxKept = 5000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly List<(long Sequence, SseItem<string> Item, string? FileId)> _kept = [];
    private readonly List<Channel<SseItem<string>>> _listeners = [];
    private readonly ConcurrentDictionary<string, Attachment> _files = new();
    private long _sequence;

    /// <summary>Shows a message the bot sent to a pane (its chat id).</summary>
    public void FromBot(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        FeedFile? file = null;
        string? fileId = null;
        if (message.Attachment is { } attachment)
        {
            fileId = Guid.NewGuid().ToString("N");
            _files[fileId] = attachment;
            file = new FeedFile($"files/{fileId}", attachment.FileName, attachment.Kind == AttachmentKind.Photo);
        }

        var form = message.InvitesAnswer
            ? new FeedForm(Copy.AnswerButton, Copy.AnswerFormTitle, Copy.AnswerFieldLabel,
                Copy.AnswerFieldHint)
            : null;
        var buttons = message.Choices.Select(row => row.Select(c => new FeedButton(c.Label, c.Payload)).ToList()).ToList();
        var html = message.Letter is { } letter ? WebLetter.Html(letter) : null;
        var at = time.GetUtcNow();
        Publish(sequence => new FeedMessage(sequence, message.To.ChatId, "bot", message.Text, at, buttons, file, form)
        {
            Html = html,
        }, fileId);
    }

    /// <summary>Shows what a person typed in their pane.</summary>
    public void FromPerson(string pane, string text) =>
        Publish(sequence => new FeedMessage(sequence, pane, "person", text, time.GetUtcNow(), [], null, null), null);

    /// <summary>Tells every page that the playground's clock moved.</summary>
    public void ClockMoved()
    {
        // Not kept: a page that connects later starts with the clock as it is then.
        var item = new SseItem<string>(JsonSerializer.Serialize(Clock(), Json), ClockEvent);
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>The playground's time as the page shows it.</summary>
    public FeedClock Clock()
    {
        var now = time.GetUtcNow();
        return new FeedClock(now, now.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture));
    }

    public Attachment? File(string id) => _files.GetValueOrDefault(id);

    /// <summary>Everything after <paramref name="after"/> (an event id the page saw last), then news until cancelled.</summary>
    public async IAsyncEnumerable<SseItem<string>> StreamAsync(long after, [EnumeratorCancellation] CancellationToken ct)
    {
        var live = Channel.CreateUnbounded<SseItem<string>>(new UnboundedChannelOptions { SingleReader = true });
        List<SseItem<string>> missed;
        lock (_gate)
        {
            missed = [.. _kept.Where(kept => kept.Sequence > after).Select(kept => kept.Item)];
            _listeners.Add(live);
        }

        try
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(Clock(), Json), ClockEvent);
            foreach (var item in missed)
            {
                yield return item;
            }

            await foreach (var item in live.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _listeners.Remove(live);
            }
        }
    }

    private void Publish(Func<long, FeedMessage> create, string? fileId)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            var item = new SseItem<string>(JsonSerializer.Serialize(create(sequence), Json), MessageEvent)
            {
                EventId = sequence.ToString(CultureInfo.InvariantCulture),
            };
            _kept.Add((sequence, item, fileId));
            if (_kept.Count > MaxKept)
            {
                if (_kept[0].FileId is { } dropped)
                {
                    _files.TryRemove(dropped, out _);
                }

                _kept.RemoveAt(0);
            }

            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(item);
            }
        }
    }
}

internal sealed record FeedMessage(
    long Seq,
    string Pane,
    string Author,
    string Text,
    DateTimeOffset At,
    IReadOnlyList<IReadOnlyList<FeedButton>> Buttons,
    FeedFile? File,
    FeedForm? AnswerForm)
{
    /// <summary>The message as HTML, every piece of it encoded (a letter); the page shows it instead of the text.</summary>
    public string? Html { get; init; }
}

internal sealed record FeedButton(string Label, string Payload);

internal sealed record FeedFile(string Url, string Name, bool IsImage);

internal sealed record FeedForm(string Button, string Title, string Label, string Hint);

internal sealed record FeedClock(DateTimeOffset Now, string Text);
