using System.Collections.Concurrent;
using System.Net;
using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Core.Ports;
using Bot.Discord;
using Bot.Discord.Models;
using Bot.Discord.Rest;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// Sends outbox messages to Discord: to a person's DMs (the DM channel is opened once and remembered), to a
/// channel, or as the answer to an interaction (the first message fills in the deferred reply, later ones follow
/// up). Files go along as attachments of the same message. Mentions are switched off so nobody's words can ping
/// anyone.
/// </summary>
internal sealed class DiscordChatGateway(DiscordRestClient rest, TimeProvider? clock = null) : IChatGateway
{
    /// <summary>How long Discord keeps an interaction token valid; older entries are of no use.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private const int MaxButtonsPerRow = 5;
    private const int MaxRows = 5;
    private const int MaxLabelLength = 80;

    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);
    // Token → when its deferred reply was filled in; later messages for it become follow-ups.
    private readonly ConcurrentDictionary<string, long> _answeredInteractions = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Platform Platform => Platform.Discord;

    public int MaxTextLength => DiscordRestClient.MaxContentLength;

    // A file and its text travel in one message, so the caption may be as long as any content.
    public int MaxCaptionLength => DiscordRestClient.MaxContentLength;

    // The REST client also keeps Discord's own buckets; this keeps us well under the global 50/s.
    public int MaxMessagesPerSecond => 40;

    public TimeSpan MinIntervalPerChat(ChatAddress chat) => TimeSpan.FromMilliseconds(250);

    public async Task<DeliveryResult> SendAsync(OutgoingMessage outgoing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var to = outgoing.To;
        var message = new MessageCreate(outgoing.Text.Length == 0 && outgoing.Attachment is not null ? null : outgoing.Text)
        {
            Components = Components(outgoing.Choices, outgoing.InvitesAnswer),
            AllowedMentions = new AllowedMentions([]),
            // "@silent": shown as usual, but no push or sound during the recipient's quiet hours.
            Flags = outgoing.Silent ? MessageFlags.SuppressNotifications : null,
        };
        IReadOnlyList<FileUpload> files = outgoing.Attachment is { } file
            ? [new FileUpload(file.FileName, file.ContentType, file.Content)]
            : [];
        if (DiscordRestClient.CheckLimits(message, files) is { } tooMuch)
        {
            return new DeliveryResult.Rejected(tooMuch);
        }

        try
        {
            if (DiscordAddresses.TryGetInteraction(to, out var applicationId, out var token, out var isEphemeral))
            {
                if (FirstReplyTo(token))
                {
                    await rest.EditOriginalResponseAsync(applicationId, token, message, files, ct).ConfigureAwait(false);
                }
                else
                {
                    var followUp = isEphemeral ? message with { Flags = MessageFlags.Ephemeral } : message;
                    await rest.CreateFollowupMessageAsync(applicationId, token, followUp, files, ct).ConfigureAwait(false);
                }

                return DeliveryResult.Ok;
            }

            var channelId = DiscordAddresses.TryGetPerson(to, out var userId)
                ? await DmChannelAsync(userId, ct).ConfigureAwait(false)
                : to.ChatId;
            await rest.CreateMessageAsync(channelId, message, files, ct).ConfigureAwait(false);
            return DeliveryResult.Ok;
        }
        catch (DiscordRateLimitedException ex)
        {
            return new DeliveryResult.RateLimited(ex.RetryAfter);
        }
        catch (DiscordApiException ex)
        {
            return ex switch
            {
                // Cannot send messages to this user / missing access / unknown channel: they left or closed DMs.
                { Code: 50007 or 50001 or 10003 or 10013 } or { StatusCode: (int)HttpStatusCode.Forbidden } =>
                    new DeliveryResult.Unreachable($"{ex.Code} {ex.Message}"),
                { StatusCode: >= 500 } => new DeliveryResult.Failed($"{ex.StatusCode} {ex.Message}"),
                _ => new DeliveryResult.Rejected($"{ex.Code} {ex.Message}"),
            };
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult.Failed(ex.Message);
        }
    }

    private bool FirstReplyTo(string token)
    {
        var now = _clock.GetTimestamp();
        if (!_answeredInteractions.TryAdd(token, now))
        {
            return false;
        }

        foreach (var (old, at) in _answeredInteractions)
        {
            if (_clock.GetElapsedTime(at, now) > TokenLifetime)
            {
                _answeredInteractions.TryRemove(old, out _);
            }
        }

        return true;
    }

    private async Task<string> DmChannelAsync(string userId, CancellationToken ct)
    {
        if (_dmChannels.TryGetValue(userId, out var known))
        {
            return known;
        }

        var channel = await rest.CreateDmAsync(userId, ct).ConfigureAwait(false);
        _dmChannels[userId] = channel.Id;
        return channel.Id;
    }

    private static List<DiscordComponent>? Components(IReadOnlyList<IReadOnlyList<Choice>> choices, bool invitesAnswer)
    {
        var rows = new List<DiscordComponent>();
        var answer = invitesAnswer
            ? DiscordComponent.Button(ButtonStyle.Primary, Copy.DiscordAnswerButton, DiscordInteractionMapper.AnswerButton)
            : null;
        var buttons = choices.SelectMany(row => row.Select(choice => DiscordComponent.Button(
            ButtonStyle.Secondary, choice.Label.Length > MaxLabelLength ? choice.Label[..MaxLabelLength] : choice.Label,
            choice.Payload)));
        foreach (var row in (answer is null ? buttons : buttons.Prepend(answer)).Chunk(MaxButtonsPerRow).Take(MaxRows))
        {
            rows.Add(DiscordComponent.ActionRow(row));
        }

        return rows.Count == 0 ? null : rows;
    }
}
