using Bot.Core.Application;
using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Discord.Models;

namespace Bot.Host.Platforms.Discord;

/// <summary>What to answer Discord right away (within its 3 seconds) and what, if anything, goes to the core.</summary>
internal sealed record DiscordIntake(InteractionResponse Response, Inbound? Message);

/// <summary>
/// Turns interactions and DM messages into core messages. Slash commands and clicks in a guild are deferred
/// ephemerally and answered through the interaction (only the person sees it); clicks in DMs are acknowledged
/// silently and answered in the DM; the "Answer" button opens a modal whose text answers the current question.
/// </summary>
internal static class DiscordInteractionMapper
{
    public const string AnswerButton = "answer";
    private const string AnswerModal = "answer-modal";
    private const string AnswerInput = "text";

    public static DiscordIntake? Map(Interaction interaction, int maxAnswerLength)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Invoker is not { } user || user.Bot == true)
        {
            return null;
        }

        var isPrivate = interaction.GuildId is null;
        var chat = isPrivate ? DiscordAddresses.Person(user.Id) : DiscordAddresses.Channel(interaction.ChannelId ?? "");
        var from = new ChatUser(Platform.Discord, user.Id);
        var name = NameOf(user);
        var privateChat = DiscordAddresses.Person(user.Id);
        var data = interaction.Data;
        var awaitingReply = DiscordAddresses.Interaction(interaction.ApplicationId, interaction.Token, !isPrivate);

        return interaction.Type switch
        {
            InteractionType.ApplicationCommand when data?.Name is { } command => new DiscordIntake(
                Deferred(ephemeral: !isPrivate),
                new CommandReceived(from, name, chat, isPrivate, command, "")
                {
                    Options = DiscordCommands.Options(data),
                    ReplyTo = awaitingReply,
                    PrivateChat = privateChat,
                }),
            InteractionType.MessageComponent when data?.CustomId == AnswerButton => new DiscordIntake(
                AnswerForm(maxAnswerLength), null),
            InteractionType.MessageComponent when data?.CustomId is { } payload => new DiscordIntake(
                isPrivate ? new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage) : Deferred(ephemeral: true),
                new ChoiceSelected(from, name, chat, isPrivate, payload)
                {
                    ReplyTo = isPrivate ? null : awaitingReply,
                    PrivateChat = privateChat,
                }),
            InteractionType.ApplicationCommandAutocomplete => new DiscordIntake(
                new InteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult,
                    new InteractionCallbackData
                    {
                        Choices = DiscordCommands.SuggestZones(data?.GetFocusedOption()?.GetString() ?? ""),
                    }),
                null),
            InteractionType.ModalSubmit when data?.CustomId == AnswerModal => new DiscordIntake(
                new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage),
                new TextReceived(from, name, chat, isPrivate,
                    data.GetSubmittedTextInputs().GetValueOrDefault(AnswerInput, ""))
                {
                    PrivateChat = privateChat,
                }),
            _ => null,
        };
    }

    /// <summary>A DM typed by hand: text answers the current question; "/pair" and friends work typed too.</summary>
    public static Inbound? Map(DiscordMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Author.Bot == true || message.GuildId is not null)
        {
            // Guild chatter is not for us; only slash commands count there.
            return null;
        }

        var from = new ChatUser(Platform.Discord, message.Author.Id);
        var chat = DiscordAddresses.Person(message.Author.Id);
        var name = NameOf(message.Author);
        var text = message.Content;
        if (text.StartsWith('/') && text.Length > 1)
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var command = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
            var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
            return new CommandReceived(from, name, chat, true, command, arguments);
        }

        return new TextReceived(from, name, chat, true, text) { MessageId = message.Id };
    }

    /// <summary>
    /// A DM the person edited (it may have given an answer). Updates without an edit time (Discord
    /// adding a link preview, say) are not edits by the person and are ignored.
    /// </summary>
    public static Inbound? MapEdit(DiscordMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        // An update may be partial; without its author or content it is no edit we can act on.
        return message.Author is { Bot: not true } author && message.Content is { } content
            && message.GuildId is null && message.EditedTimestamp is not null
            ? new MessageEdited(
                new ChatUser(Platform.Discord, author.Id), NameOf(author), DiscordAddresses.Person(author.Id), true, message.Id, content)
            : null;
    }

    private static InteractionResponse Deferred(bool ephemeral) => new(
        InteractionCallbackType.DeferredChannelMessageWithSource,
        ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null);

    private static InteractionResponse AnswerForm(int maxAnswerLength) => new(
        InteractionCallbackType.Modal,
        new InteractionCallbackData
        {
            CustomId = AnswerModal,
            Title = Copy.DiscordAnswerFormTitle,
            Components =
            [
                new DiscordComponent(ComponentType.Label)
                {
                    Label = Copy.DiscordAnswerFieldLabel,
                    Description = Copy.DiscordAnswerFieldHint,
                    Component = new DiscordComponent(ComponentType.TextInput)
                    {
                        CustomId = AnswerInput,
                        Style = (int)TextInputStyle.Paragraph,
                        Required = true,
                        MaxLength = Math.Min(maxAnswerLength, 4000),
                    },
                },
            ],
        });

    private static string NameOf(DiscordUser user) => user.GlobalName ?? user.Username;
}
