using System.Collections.Concurrent;
using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Host.Delivery;
using Discord;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// Sends outbox messages to Discord: to a person's DMs, to a channel, or as the answer to an interaction (through
/// its stored token; once that has expired, to the person's DMs instead). Text is shown exactly as written (no
/// markdown, links or mentions from anyone's words), mentions never ping, and files go along as attachments.
/// </summary>
internal sealed class DiscordChatGateway(
    DiscordConnection connection,
    DiscordInteractionReplies interactions,
    DiscordStateStore state,
    ILogger<DiscordChatGateway> logger) : IChatGateway, ILetterGateway
{
    private const int MaxButtonsPerRow = 5;
    private const int MaxRows = 5;
    private const int MaxLabelLength = 80;

    // Discord allows three seconds for the acknowledgement; past that it will not come.
    private static readonly TimeSpan AcknowledgementWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan AcknowledgementPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LoginWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<ulong, IMessageChannel> _dmChannels = new();
    private readonly ConcurrentDictionary<ulong, IMessageChannel> _channels = new();
    private int _generation;

    public Platform Platform => Platform.Discord;

    public int MaxTextLength => DiscordText.MaxContentLength;

    // A file and its text travel in one message, so the caption may be as long as any content.
    public int MaxCaptionLength => DiscordText.MaxContentLength;

    // Well under Discord's global 50 requests a second, leaving room for DM channel lookups.
    public int MaxMessagesPerSecond => 40;

    public TimeSpan MinIntervalPerChat(ChatAddress chat) => TimeSpan.FromMilliseconds(250);

    public IReadOnlyList<Letter> Pages(Letter letter) => LetterPages.Split(letter, DiscordLetter.Limits);

    public async Task<DeliveryResult> SendAsync(OutgoingMessage outgoing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        try
        {
            // Messages may be ready before the client is (just after start, or while the watchdog rebuilds it).
            await connection.LoggedIn.WaitAsync(LoginWait, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new DeliveryResult.Failed("Discord is not connected yet");
        }

        ForgetChannelsOfAnOlderClient();
        var message = Message(outgoing);
        if (DiscordAddresses.TryGetInteraction(outgoing.To, out var interactionId, out var userId, out var ephemeral))
        {
            return await ReplyAsync(interactionId, userId, ephemeral, message, ct).ConfigureAwait(false);
        }

        if (DiscordAddresses.TryGetPerson(outgoing.To, out userId))
        {
            return await ToPersonAsync(userId, message, ct).ConfigureAwait(false);
        }

        return DiscordAddresses.TryGetChannel(outgoing.To, out var channelId)
            ? await ToChannelAsync(channelId, message, ct).ConfigureAwait(false)
            : new DeliveryResult.Rejected($"not a Discord address: {outgoing.To.ChatId}");
    }

    private async Task<DeliveryResult> ReplyAsync(ulong interactionId, ulong userId, bool ephemeral, DiscordMessage message,
        CancellationToken ct)
    {
        if (await AcknowledgedAsync(interactionId, ct).ConfigureAwait(false) is { } pending)
        {
            var result = await interactions.SendAsync(pending, ephemeral, message, ct).ConfigureAwait(false);
            if (result is DeliveryResult.Delivered && !pending.Replied)
            {
                // Sent already: should noting it fail, the next message would only edit the first reply again.
                await state.MarkRepliedAsync(interactionId, CancellationToken.None).ConfigureAwait(false);
            }

            if (!DiscordInteractionReplies.IsExpired(result))
            {
                return result;
            }
        }

        // The interaction's 15 minutes are over (the bot was down, or the reply waited): the person still gets it.
        logger.LogInformation("Interaction {Id} can no longer be answered; replying in the person's DMs", interactionId);
        return await ToPersonAsync(userId, message, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The interaction once Discord has been answered: the reply is often ready before the acknowledgement has left
    /// (the update is committed first), and a reply then would find no message to fill in. Null when the
    /// interaction is unknown, expired, or was never acknowledged.
    /// </summary>
    private async Task<PendingInteraction?> AcknowledgedAsync(ulong interactionId, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var pending = await state.GetAsync(interactionId, ct).ConfigureAwait(false);
            if (pending is null or { Acknowledged: true } || TimeProvider.System.GetElapsedTime(started) > AcknowledgementWait)
            {
                return pending is { Acknowledged: true } ? pending : null;
            }

            await Task.Delay(AcknowledgementPoll, ct).ConfigureAwait(false);
        }
    }

    private async Task<DeliveryResult> ToPersonAsync(ulong userId, DiscordMessage message, CancellationToken ct)
    {
        var call = new DiscordCall(ct);
        try
        {
            var isNew = !_dmChannels.TryGetValue(userId, out var channel);
            channel ??= await OpenDmAsync(userId, call).ConfigureAwait(false);
            var sent = await PostAsync(channel, message, call).ConfigureAwait(false);
            if (isNew)
            {
                await RememberDmChannelAsync(channel.Id, userId, sent.Id).ConfigureAwait(false);
            }

            return DeliveryResult.Ok;
        }
        catch (Exception ex) when (call.Outcome(ex) is { } outcome)
        {
            return outcome;
        }
    }

    // From now on, what the person types there is caught up after a restart. The message is out already: a failure
    // here must not make the outbox send it again.
    private async Task RememberDmChannelAsync(ulong channelId, ulong userId, ulong sentId)
    {
        try
        {
            await state.KnowDmChannelAsync(channelId, userId, sentId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not note the DM channel of user {User}; it is noted with their next message", userId);
        }
    }

    private async Task<DeliveryResult> ToChannelAsync(ulong channelId, DiscordMessage message, CancellationToken ct)
    {
        var call = new DiscordCall(ct);
        try
        {
            if (!_channels.TryGetValue(channelId, out var channel))
            {
                channel = connection.Client.GetChannel(channelId) as IMessageChannel
                    ?? await connection.Client.Rest.GetChannelAsync(channelId, call.Options).ConfigureAwait(false) as IMessageChannel
                    ?? throw new InvalidOperationException($"Discord channel {channelId} takes no messages.");
                _channels[channelId] = channel;
            }

            await PostAsync(channel, message, call).ConfigureAwait(false);
            return DeliveryResult.Ok;
        }
        catch (Exception ex) when (call.Outcome(ex) is { } outcome)
        {
            return outcome;
        }
    }

    // Channel objects belong to the client that made them; after the watchdog built a new one they are dead.
    private void ForgetChannelsOfAnOlderClient()
    {
        var generation = connection.Generation;
        if (Interlocked.Exchange(ref _generation, generation) != generation)
        {
            _dmChannels.Clear();
            _channels.Clear();
        }
    }

    private async Task<IMessageChannel> OpenDmAsync(ulong userId, DiscordCall call)
    {
        var client = connection.Client;
        IUser user = client.GetUser(userId)
            ?? (IUser?)await client.Rest.GetUserAsync(userId, call.Options).ConfigureAwait(false)
            ?? throw new global::Discord.Net.HttpException(System.Net.HttpStatusCode.NotFound, null, DiscordErrorCode.UnknownUser);
        var channel = await user.CreateDMChannelAsync(call.Options).ConfigureAwait(false);
        _dmChannels[userId] = channel;
        return channel;
    }

    /// <summary>What Discord gets for an outbox message: its text escaped, or a letter's page as text and embeds.</summary>
    internal static DiscordMessage Message(OutgoingMessage outgoing)
    {
        if (outgoing.Letter is not { } letter)
        {
            return new DiscordMessage(DiscordText.Literal(outgoing.Text), Rows(outgoing), outgoing.Silent, outgoing.Attachment);
        }

        var (content, embeds) = DiscordLetter.Plan(letter);
        return new DiscordMessage(content ?? "", Rows(outgoing), outgoing.Silent, outgoing.Attachment) { Embeds = embeds };
    }

    private static Task<IUserMessage> PostAsync(IMessageChannel channel, DiscordMessage message, DiscordCall call)
    {
        var components = Components(message.Rows);
        var flags = message.Silent ? MessageFlags.SuppressNotification : MessageFlags.None;
        var text = message.Content.Length == 0 && (message.File is not null || message.Embeds.Count > 0) ? null : message.Content;
        var embeds = message.Embeds.Count > 0 ? DiscordLetter.Build(message.Embeds) : null;
        return message.File is { } file
            ? channel.SendFileAsync(new FileAttachment(new MemoryStream(file.Content.ToArray()), file.FileName), text,
                options: call.Options, allowedMentions: AllowedMentions.None, components: components, flags: flags,
                embeds: embeds)
            : channel.SendMessageAsync(text, options: call.Options, allowedMentions: AllowedMentions.None,
                components: components, flags: flags, embeds: embeds);
    }

    private static MessageComponent? Components(IReadOnlyList<IReadOnlyList<DiscordButton>> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var builder = new ComponentBuilder();
        for (var row = 0; row < rows.Count; row++)
        {
            foreach (var button in rows[row])
            {
                builder.WithButton(button.Label, button.CustomId, button.IsPrimary ? ButtonStyle.Primary : ButtonStyle.Secondary,
                    row: row);
            }
        }

        return builder.Build();
    }

    /// <summary>The message's buttons in rows of five: "Answer" first when it asks a question, then its choices.</summary>
    internal static IReadOnlyList<IReadOnlyList<DiscordButton>> Rows(OutgoingMessage outgoing)
    {
        var buttons = outgoing.Choices.SelectMany(row => row.Select(choice => new DiscordButton(
            choice.Label.Length > MaxLabelLength ? choice.Label[..MaxLabelLength] : choice.Label, choice.Payload, false)));
        if (outgoing.InvitesAnswer)
        {
            buttons = buttons.Prepend(new DiscordButton(Copy.AnswerButton,
                DiscordInteractionMapper.AnswerButtonFor(outgoing.Asks), true));
        }

        return [.. buttons.Chunk(MaxButtonsPerRow).Take(MaxRows).Select(row => (IReadOnlyList<DiscordButton>)row)];
    }
}
