using System.Text.Json;

namespace Bot.Discord.Models;

/// <summary>
/// A command as registered with a bulk overwrite. For a guild-installed bot that also works in its DMs use
/// integration_types [0] and contexts [0, 1]; guild commands never show in DMs.
/// </summary>
public sealed record ApplicationCommand(string Name, string Description)
{
    /// <summary>Filled in by Discord in responses.</summary>
    public string? Id { get; init; }

    public string? ApplicationId { get; init; }

    public string? GuildId { get; init; }

    public string? Version { get; init; }

    public ApplicationCommandType? Type { get; init; }

    /// <summary>At most 25; required options come before optional ones.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }

    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    /// <summary>A permission bitset as a decimal string; "0" hides the command from everyone but admins.</summary>
    public string? DefaultMemberPermissions { get; init; }

    public bool? Nsfw { get; init; }
}

/// <summary>A typed parameter of a command; <see cref="Autocomplete"/> excludes <see cref="Choices"/>.</summary>
public sealed record ApplicationCommandOption(ApplicationCommandOptionType Type, string Name, string Description)
{
    public bool? Required { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public bool? Autocomplete { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }
}

/// <summary>A fixed choice of an option, or an autocomplete suggestion; the value is a string or a number.</summary>
public sealed record CommandChoice(string Name, JsonElement Value)
{
    public static CommandChoice FromString(string name, string value) =>
        new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String));

    public static CommandChoice FromInt64(string name, long value) =>
        new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64));

    public static CommandChoice FromDouble(string name, double value) =>
        new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double));
}
