namespace Bot.Discord.Models;

/// <summary>
/// One message or modal component; <see cref="Type"/> says which fields apply. One record instead of a
/// hierarchy keeps reading robust: Discord does not promise that <c>type</c> comes first in the JSON.
/// </summary>
public sealed record DiscordComponent(ComponentType Type)
{
    /// <summary>Numeric component id (optional when sending; Discord fills it in).</summary>
    public int? Id { get; init; }

    /// <summary>Children of an action row.</summary>
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    /// <summary>The single child of a label.</summary>
    public DiscordComponent? Component { get; init; }

    /// <summary>A <see cref="ButtonStyle"/> or <see cref="TextInputStyle"/> value.</summary>
    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public bool? Disabled { get; init; }

    public bool? Required { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>A text input's prefilled value when sent, the user's text when submitted.</summary>
    public string? Value { get; init; }

    /// <summary>Chosen values of a select in a modal submit.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Markdown text of a text display.</summary>
    public string? Content { get; init; }

    public static DiscordComponent ActionRow(params IReadOnlyList<DiscordComponent> components) =>
        new(ComponentType.ActionRow) { Components = components };

    public static DiscordComponent Button(ButtonStyle style, string label, string customId) =>
        new(ComponentType.Button) { Style = (int)style, Label = label, CustomId = customId };

    public static DiscordComponent LinkButton(string label, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(ComponentType.Button) { Style = (int)ButtonStyle.Link, Label = label, Url = url.AbsoluteUri };
    }

    public static DiscordComponent TextInput(
        string customId,
        TextInputStyle style,
        bool? required = null,
        int? maxLength = null,
        string? placeholder = null,
        string? label = null) =>
        new(ComponentType.TextInput)
        {
            CustomId = customId,
            Style = (int)style,
            Required = required,
            MaxLength = maxLength,
            Placeholder = placeholder,
            Label = label,
        };

    /// <summary>The current modal layout: a label wrapping one component (a text input).</summary>
    public static DiscordComponent LabelFor(string label, DiscordComponent component, string? description = null) =>
        new(ComponentType.Label) { Label = label, Component = component, Description = description };
}
