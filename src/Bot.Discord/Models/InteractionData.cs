namespace Bot.Discord.Models;

/// <summary>
/// The <c>data</c> of an interaction: a command (name, options), a component click (custom_id, component_type,
/// values) or a modal submit (custom_id, components).
/// </summary>
public sealed record InteractionData
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public ApplicationCommandType? Type { get; init; }

    public IReadOnlyList<CommandOption>? Options { get; init; }

    public string? CustomId { get; init; }

    public ComponentType? ComponentType { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    public string? TargetId { get; init; }

    public string? GuildId { get; init; }

    /// <summary>The top-level option with this name, if the user gave it.</summary>
    public CommandOption? GetOption(string name) =>
        Options?.FirstOrDefault(option => string.Equals(option.Name, name, StringComparison.Ordinal));

    /// <summary>The option the user is typing in an autocomplete interaction, searched through subcommands.</summary>
    public CommandOption? GetFocusedOption() => FindFocused(Options);

    /// <summary>
    /// The text inputs of a modal submit as custom_id → value. Reads both layouts: the legacy action row around
    /// a text input and the current label (type 18) around one.
    /// </summary>
    public IReadOnlyDictionary<string, string> GetSubmittedTextInputs()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(Components, values);
        return values;
    }

    private static void Collect(IReadOnlyList<DiscordComponent>? components, Dictionary<string, string> values)
    {
        if (components is null)
        {
            return;
        }

        foreach (var component in components)
        {
            Collect(component, values);
        }
    }

    private static void Collect(DiscordComponent? component, Dictionary<string, string> values)
    {
        if (component is null)
        {
            return;
        }

        if (component.Type == Models.ComponentType.TextInput && component.CustomId is { } customId)
        {
            values[customId] = component.Value ?? string.Empty;
            return;
        }

        Collect(component.Component, values);
        Collect(component.Components, values);
    }

    private static CommandOption? FindFocused(IReadOnlyList<CommandOption>? options)
    {
        if (options is null)
        {
            return null;
        }

        foreach (var option in options)
        {
            if (option.Focused == true)
            {
                return option;
            }

            if (FindFocused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
