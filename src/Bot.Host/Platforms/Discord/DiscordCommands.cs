using System.Globalization;
using Bot.Core.Application.Commands;
using Discord;

namespace Bot.Host.Platforms.Discord;

/// <summary>The command catalog as Discord slash commands with typed options, and their options back for the catalog.</summary>
internal static class DiscordCommands
{
    private const int MaxSuggestions = 25;

    public static ApplicationCommandProperties[] Build() =>
    [
        .. CommandCatalog.All.Select(command =>
        {
            var builder = new SlashCommandBuilder()
                .WithName(command.Name)
                .WithDescription(command.Description)
                .WithIntegrationTypes(ApplicationIntegrationType.GuildInstall)
                .WithContextTypes(InteractionContextType.Guild, InteractionContextType.BotDm);
            foreach (var parameter in command.Parameters.OrderByDescending(p => p.Required))
            {
                builder.AddOption(OptionOf(parameter));
            }

            if (command.TakesMedia)
            {
                builder.AddOption(new SlashCommandOptionBuilder()
                    .WithName(CommandSpec.MediaOptionName)
                    .WithDescription("A photo, voice note or short video")
                    .WithType(ApplicationCommandOptionType.Attachment)
                    .WithRequired(false));
            }

            return (ApplicationCommandProperties)builder.Build();
        }),
    ];

    /// <summary>The options as the catalog reads them: values in invariant text, by option name.</summary>
    public static IReadOnlyDictionary<string, string> Options(IEnumerable<(string Name, object? Value)> options) =>
        options
            .Select(option => (option.Name, Value: Text(option.Value)))
            .Where(option => option.Value is not null)
            .GroupBy(option => option.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Value!, StringComparer.Ordinal);

    /// <summary>Up to 25 zone suggestions for what the person has typed so far.</summary>
    public static IReadOnlyList<string> SuggestZones(string typed) => TimeZoneParameter.Suggest(typed, MaxSuggestions);

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static SlashCommandOptionBuilder OptionOf(Parameter parameter)
    {
        var option = new SlashCommandOptionBuilder()
            .WithName(parameter.Name)
            .WithDescription(parameter.Description)
            .WithType(TypeOf(parameter.Kind))
            .WithRequired(parameter.Required);
        switch (parameter)
        {
            case TextParameter text:
                option.WithMaxLength(text.MaxLength);
                break;
            case IntegerParameter number:
                option.WithMinValue(number.Min).WithMaxValue(number.Max);
                break;
            case ChoiceParameter choice:
                foreach (var (label, value) in choice.Choices.Take(MaxSuggestions).Select(c => (c.Label, c.Value)))
                {
                    option.AddChoice(label, value);
                }

                break;
            case TimeZoneParameter:
                option.WithAutocomplete(true).WithMaxLength(64);
                break;
            case TimeOfDayParameter:
                option.WithMaxLength(12);
                break;
            case DateParameter:
                option.WithMaxLength(10);
                break;
            case DurationParameter:
                option.WithMaxLength(16);
                break;
        }

        return option;
    }

    private static ApplicationCommandOptionType TypeOf(ParameterKind kind) => kind switch
    {
        ParameterKind.Number => ApplicationCommandOptionType.Integer,
        ParameterKind.Boolean => ApplicationCommandOptionType.Boolean,
        _ => ApplicationCommandOptionType.String,
    };
}
