using System.Globalization;
using Bot.Core.Application;
using Bot.Discord.Models;

namespace Bot.Host.Platforms.Discord;

/// <summary>The couple's commands as Discord slash commands with typed options, and back into core arguments.</summary>
internal static class DiscordCommands
{
    public const string ZoneOption = "zone";

    private static readonly IReadOnlyList<InteractionContextType> GuildAndDms =
        [InteractionContextType.Guild, InteractionContextType.BotDm];

    public static IReadOnlyList<ApplicationCommand> Build(DeckCatalog decks) =>
    [
        .. Copy.Commands.Select(command => new ApplicationCommand(command.Command, command.Description)
        {
            Type = ApplicationCommandType.ChatInput,
            Options = OptionsOf(command.Command, decks),
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
            Contexts = GuildAndDms,
        }),
    ];

    /// <summary>The core's argument text for a slash command's options, e.g. "sun 19:00" for /schedule.</summary>
    public static string Arguments(string command, InteractionData data) => command switch
    {
        "join" => Text(data, "code"),
        "question" => Text(data, "deck"),
        "history" => data.GetOption("count")?.GetInt64()?.ToString(CultureInfo.InvariantCulture) ?? "",
        "trend" => data.GetOption("weeks")?.GetInt64()?.ToString(CultureInfo.InvariantCulture) ?? "",
        "schedule" => $"{Text(data, "day")} {Text(data, "time")}".Trim(),
        "timezone" => Text(data, ZoneOption),
        "pause" => Text(data, "for"),
        "bucket" => $"{Text(data, "action")} {Text(data, "wish")} {data.GetOption("number")?.GetInt64()?.ToString(CultureInfo.InvariantCulture)}".Trim(),
        "home" => data.GetOption("off")?.GetBoolean() == true ? "off" : "",
        "note" => $"{Text(data, "text")} {NoteWhen(Text(data, "when"))}".Trim(),
        "capsule" => $"{Text(data, "date")} {Text(data, "text")}".Trim(),
        _ => "",
    };

    /// <summary>Up to 25 zone suggestions for what the person has typed so far.</summary>
    public static IReadOnlyList<CommandChoice> SuggestZones(string typed)
    {
        var text = typed.Trim().Replace(' ', '_');
        return [.. TimeZones.Search(text, 25).Select(zone => CommandChoice.FromString(zone, zone))];
    }

    /// <summary>The core reads "at 19:00" or "surprise" at the end of a note; a bare time gets its "at".</summary>
    private static string NoteWhen(string typed) => typed.ToLowerInvariant() switch
    {
        "" or "now" => "",
        "surprise" => "surprise",
        var at when at.StartsWith("at ", StringComparison.Ordinal) => typed,
        _ => "at " + typed,
    };

    private static string Text(InteractionData data, string option) => data.GetOption(option)?.GetString()?.Trim() ?? "";

    private static IReadOnlyList<ApplicationCommandOption>? OptionsOf(string command, DeckCatalog decks) => command switch
    {
        "join" => [new(ApplicationCommandOptionType.String, "code", "The code your partner sent you") { Required = true, MaxLength = 20 }],
        "question" =>
        [
            new(ApplicationCommandOptionType.String, "deck", "Which deck to draw from")
            {
                Choices = [.. decks.Decks.Select(d => CommandChoice.FromString(d.Name, d.Id))],
            },
        ],
        "history" =>
        [
            new(ApplicationCommandOptionType.Integer, "count", "How many check-ins to show (1–20)")
            {
                MinValue = 1,
                MaxValue = JournalService.MaxHistoryCount,
            },
        ],
        "trend" =>
        [
            new(ApplicationCommandOptionType.Integer, "weeks", "How many weeks to show (4–52, default 12)")
            {
                MinValue = PulseTrendService.MinWeeks,
                MaxValue = PulseTrendService.MaxWeeks,
            },
        ],
        "schedule" =>
        [
            new(ApplicationCommandOptionType.String, "day", "Day of the weekly check-in, or turn it off/on")
            {
                Required = true,
                Choices =
                [
                    .. Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday)
                        .Select(d => CommandChoice.FromString(d.ToString(), d.ToString()[..3].ToLowerInvariant())),
                    CommandChoice.FromString("Turn check-ins off", "off"),
                    CommandChoice.FromString("Turn check-ins on", "on"),
                ],
            },
            new(ApplicationCommandOptionType.String, "time", "24-hour time, e.g. 19:00") { MaxLength = 5 },
        ],
        "timezone" =>
        [
            new(ApplicationCommandOptionType.String, ZoneOption, "Your time zone, e.g. Europe/Berlin")
            {
                Required = true,
                Autocomplete = true,
                MaxLength = 64,
            },
        ],
        "home" => [new(ApplicationCommandOptionType.Boolean, "off", "Stop using this channel as your shared space")],
        "bucket" =>
        [
            new(ApplicationCommandOptionType.String, "action", "Show the list, add a wish, or tick one off")
            {
                Choices =
                [
                    CommandChoice.FromString("Show our list", "list"),
                    CommandChoice.FromString("Add a wish", "add"),
                    CommandChoice.FromString("Tick one off", "done"),
                ],
            },
            new(ApplicationCommandOptionType.String, "wish", "What you'd love to do together (for add)")
            {
                MaxLength = BucketListService.MaxItemLength,
            },
            new(ApplicationCommandOptionType.Integer, "number", "Which one to tick off (for done)") { MinValue = 1 },
        ],
        "note" =>
        [
            new(ApplicationCommandOptionType.String, "text", "Your note")
            {
                Required = true,
                MaxLength = LoveNoteService.MaxTextLength,
            },
            new(ApplicationCommandOptionType.String, "when", "Empty for now, a time like 19:00, or surprise")
            {
                MaxLength = 12,
            },
        ],
        "capsule" =>
        [
            new(ApplicationCommandOptionType.String, "date", "The day it opens, e.g. 2027-06-01")
            {
                Required = true,
                MaxLength = 10,
            },
            new(ApplicationCommandOptionType.String, "text", "What to seal inside")
            {
                Required = true,
                MaxLength = LoveNoteService.MaxTextLength,
            },
        ],
        "pause" => [new(ApplicationCommandOptionType.String, "for", "How long, e.g. 2w or 10d (up to 12 weeks)") { Required = true, MaxLength = 12 }],
        _ => null,
    };
}
