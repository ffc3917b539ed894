namespace Bot.Discord.Models;

/// <summary>The body of an interaction callback: what kind of answer, and its data.</summary>
public sealed record InteractionResponse(InteractionCallbackType Type, InteractionCallbackData? Data = null)
{
    /// <summary>A message shown in reply; ephemeral means only the invoker sees it.</summary>
    public static InteractionResponse Message(
        string content,
        bool ephemeral = false,
        IReadOnlyList<DiscordComponent>? components = null) =>
        new(
            InteractionCallbackType.ChannelMessageWithSource,
            new InteractionCallbackData
            {
                Content = content,
                Flags = ephemeral ? MessageFlags.Ephemeral : null,
                Components = components,
                AllowedMentions = AllowedMentions.None,
            });

    /// <summary>"Thinking…" now, the real answer later through <c>EditOriginalResponseAsync</c>.</summary>
    public static InteractionResponse Defer(bool ephemeral = false) =>
        new(
            InteractionCallbackType.DeferredChannelMessageWithSource,
            ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null);

    /// <summary>Acknowledges a component click without a loading state; edit or follow up later.</summary>
    public static InteractionResponse DeferUpdate() => new(InteractionCallbackType.DeferredUpdateMessage);

    public static InteractionResponse Modal(
        string customId,
        string title,
        IReadOnlyList<DiscordComponent> components) =>
        new(
            InteractionCallbackType.Modal,
            new InteractionCallbackData { CustomId = customId, Title = title, Components = components });

    public static InteractionResponse Autocomplete(IReadOnlyList<CommandChoice> choices) =>
        new(
            InteractionCallbackType.ApplicationCommandAutocompleteResult,
            new InteractionCallbackData { Choices = choices });
}

/// <summary>
/// The <c>data</c> of an interaction callback: message fields for types 4 and 7, <see cref="CustomId"/> and
/// <see cref="Title"/> for a modal, <see cref="Choices"/> for autocomplete.
/// </summary>
public sealed record InteractionCallbackData
{
    public string? Content { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public string? CustomId { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }
}
