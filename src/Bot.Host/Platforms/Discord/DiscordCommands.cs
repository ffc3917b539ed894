using Bot.Core.Application.Commands;
using Bot.Discord.Models;

namespace Bot.Host.Platforms.Discord;

/// <summary>The command catalog as Discord slash commands with typed options, and their options back for the catalog.</summary>
internal static class DiscordCommands
{
    private const int MaxSuggestions = 25;

    private static readonly IReadOnlyList<InteractionContextType> GuildAndDms =
        [InteractionContextType.Guild, InteractionContextType.BotDm];

    public static IReadOnlyList<ApplicationCommand> Build() =>
    [
        .. CommandCatalog.All.Select(command => new ApplicationCommand(command.Name, command.Description)
        {
            Type = ApplicationCommandType.ChatInput,
            Options = command.Parameters.Count == 0
                ? null
                : [.. command.Parameters.OrderByDescending(p => p.Required).Select(OptionOf)],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
            Contexts = GuildAndDms,
        }),
    ];

    /// <summary>The options as the catalog reads them: values in invariant text, by option name.</summary>
    public static IReadOnlyDictionary<string, string> Options(InteractionData data) =>
        (data.Options ?? [])
        .Where(option => option.GetString() is not null)
        .GroupBy(option => option.Name, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.First().GetString()!, StringComparer.Ordinal);

    /// <summary>Up to 25 zone suggestions for what the person has typed so far.</summary>
    public static IReadOnlyList<CommandChoice> SuggestZones(string typed) =>
        [.. TimeZoneParameter.Suggest(typed, MaxSuggestions).Select(zone => CommandChoice.FromString(zone, zone))];

    private static ApplicationCommandOption OptionOf(Parameter parameter)
    {
        var option = new ApplicationCommandOption(TypeOf(parameter.Kind), parameter.Name, parameter.Description)
        {
            Required = parameter.Required ? true : null,
        };
        return parameter switch
        {
            TextParameter text => option with { MaxLength = text.MaxLength },
            IntegerParameter number => option with { MinValue = number.Min, MaxValue = number.Max },
            ChoiceParameter choice => option with
            {
                Choices = [.. choice.Choices.Take(MaxSuggestions).Select(c => CommandChoice.FromString(c.Label, c.Value))],
            },
            TimeZoneParameter => option with { Autocomplete = true, MaxLength = 64 },
            TimeOfDayParameter => option with { MaxLength = 12 },
            DateParameter => option with { MaxLength = 10 },
            DurationParameter => option with { MaxLength = 16 },
            _ => option,
        };
    }

    private static ApplicationCommandOptionType TypeOf(ParameterKind kind) => kind switch
    {
        ParameterKind.Number => ApplicationCommandOptionType.Integer,
        ParameterKind.Boolean => ApplicationCommandOptionType.Boolean,
        _ => ApplicationCommandOptionType.String,
    };
}
