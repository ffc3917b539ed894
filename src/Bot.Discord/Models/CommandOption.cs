using System.Globalization;
using System.Text.Json;

namespace Bot.Discord.Models;

/// <summary>
/// An option the user filled in a command. <see cref="Value"/> stays raw JSON because its type follows
/// <see cref="Type"/> (string, integer, number or boolean); use the typed readers.
/// </summary>
public sealed record CommandOption(string Name, ApplicationCommandOptionType Type)
{
    public JsonElement? Value { get; init; }

    /// <summary>True on the option the user is typing in an autocomplete interaction.</summary>
    public bool? Focused { get; init; }

    /// <summary>The options of a subcommand or subcommand group.</summary>
    public IReadOnlyList<CommandOption>? Options { get; init; }

    /// <summary>The value as text: strings as they are, numbers and booleans in invariant form.</summary>
    public string? GetString() => Value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>The value of an INTEGER option; an autocomplete may still send it as a partial string.</summary>
    public long? GetInt64()
    {
        if (Value is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public double? GetDouble() =>
        Value is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var number) ? number : null;

    public bool? GetBoolean() => Value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
