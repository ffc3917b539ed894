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
        "timezone" => $"{(Text(data, "for") == "couple" ? "couple " : "")}{Text(data, ZoneOption)}".Trim(),
        "quiet" => Quiet(data),
        "pause" => Text(data, "for"),
        "cooldown" => data.GetOption("end")?.GetBoolean() == true ? "end" : $"{Text(data, "for")} {Text(data, "topic")}".Trim(),
        "firsttime" => Text(data, "action") == "done" ? "done" : "",
        "bucket" => $"{Text(data, "action")} {Text(data, "wish")} {data.GetOption("number")?.GetInt64()?.ToString(CultureInfo.InvariantCulture)}".Trim(),
        "bowl" => BowlArguments(data),
        "draw" => Text(data, "deck"),
        "home" => data.GetOption("off")?.GetBoolean() == true ? "off" : "",
        "note" => $"{Text(data, "text")} {NoteWhen(data)}".Trim(),
        "capsule" => $"{Text(data, "date")} {Text(data, "text")}".Trim(),
        _ => "",
    };

    /// <summary>"off", "22:00-08:00", or nothing to show them; a lone from or until makes the core ask for both.</summary>
    private static string Quiet(InteractionData data)
    {
        if (data.GetOption("off")?.GetBoolean() == true)
        {
            return "off";
        }

        var (from, until) = (Text(data, "from"), Text(data, "until"));
        return from.Length == 0 && until.Length == 0 ? "" : $"{from}-{until}";
    }

    /// <summary>Up to 25 zone suggestions for what the person has typed so far.</summary>
    public static IReadOnlyList<CommandChoice> SuggestZones(string typed)
    {
        var text = typed.Trim().Replace(' ', '_');
        return [.. TimeZones.Search(text, 25).Select(zone => CommandChoice.FromString(zone, zone))];
    }

    /// <summary>
    /// The core reads "at 19:00" or "surprise" at the end of a note. Discord checks the hour and minute options' ranges,
    /// so a time picked here is always one the core can read; a picked hour wins over surprise.
    /// </summary>
    private static string NoteWhen(InteractionData data) =>
        data.GetOption("hour")?.GetInt64() is { } hour
            ? string.Create(CultureInfo.InvariantCulture, $"at {hour:00}:{data.GetOption("minute")?.GetInt64() ?? 0:00}")
            : data.GetOption("surprise")?.GetBoolean() == true ? "surprise" : "";

    /// <summary>"add TEXT", "list" or "remove N"; a question typed without an action means add.</summary>
    private static string BowlArguments(InteractionData data)
    {
        var question = Text(data, "question");
        var action = Text(data, "action");
        if (action.Length == 0)
        {
            action = question.Length > 0 ? "add" : "list";
        }

        var number = data.GetOption("number")?.GetInt64()?.ToString(CultureInfo.InvariantCulture);
        return action switch
        {
            "add" => $"add {question}".Trim(),
            "remove" => $"remove {number}".Trim(),
            _ => action,
        };
    }

    /// <summary>The options of a list command (/bucket, /bowl): an action, the text to add, the number to act on.</summary>
    private static IReadOnlyList<ApplicationCommandOption> ListOptions(
        string actionDescription,
        IReadOnlyList<(string Label, string Value)> actions,
        (string Name, string Description, int MaxLength) text,
        string numberDescription) =>
    [
        new(ApplicationCommandOptionType.String, "action", actionDescription)
        {
            Choices = [.. actions.Select(a => CommandChoice.FromString(a.Label, a.Value))],
        },
        new(ApplicationCommandOptionType.String, text.Name, text.Description) { MaxLength = text.MaxLength },
        new(ApplicationCommandOptionType.Integer, "number", numberDescription) { MinValue = 1 },
    ];

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
        "draw" =>
        [
            new(ApplicationCommandOptionType.String, "deck", "A deck instead of your bowl")
            {
                Choices = [.. decks.Decks.Select(d => CommandChoice.FromString(d.Name, d.Id))],
            },
        ],
        "bowl" => ListOptions(
            "Add a question, list yours, or remove one",
            [("Add a question", "add"), ("List mine", "list"), ("Remove one of mine", "remove")],
            ("question", "Your question for the two of you (for add)", BowlService.MaxQuestionLength),
            "Which of yours to remove (for remove)"),
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
            new(ApplicationCommandOptionType.String, "time", "The time, e.g. 19:00 or 7pm") { MaxLength = 8 },
        ],
        "timezone" =>
        [
            new(ApplicationCommandOptionType.String, ZoneOption, "A time zone, e.g. Europe/Berlin (empty: show the zones)")
            {
                Autocomplete = true,
                MaxLength = 64,
            },
            new(ApplicationCommandOptionType.String, "for", "Whose zone to set (default: yours)")
            {
                Choices =
                [
                    CommandChoice.FromString("Me", "me"),
                    CommandChoice.FromString("Our check-ins", "couple"),
                ],
            },
        ],
        "quiet" =>
        [
            new(ApplicationCommandOptionType.String, "from", "Quiet from, e.g. 22:00 or 10pm") { MaxLength = 8 },
            new(ApplicationCommandOptionType.String, "until", "Quiet until, e.g. 08:00 or 8am") { MaxLength = 8 },
            new(ApplicationCommandOptionType.Boolean, "off", "Turn quiet hours off"),
        ],
        "home" => [new(ApplicationCommandOptionType.Boolean, "off", "Stop using this channel as your shared space")],
        "bucket" => ListOptions(
            "Show the list, add a wish, or tick one off",
            [("Show our list", "list"), ("Add a wish", "add"), ("Tick one off", "done")],
            ("wish", "What you'd love to do together (for add)", BucketListService.MaxItemLength),
            "Which one to tick off (for done)"),
        "note" =>
        [
            new(ApplicationCommandOptionType.String, "text", "Your note")
            {
                Required = true,
                MaxLength = LoveNoteService.MaxTextLength,
            },
            new(ApplicationCommandOptionType.Integer, "hour", "Deliver at this hour (0–23); leave out to send now")
            {
                MinValue = 0,
                MaxValue = 23,
            },
            new(ApplicationCommandOptionType.Integer, "minute", "…and minute (0–59)") { MinValue = 0, MaxValue = 59 },
            new(ApplicationCommandOptionType.Boolean, "surprise", "Let me pick a surprise moment within the next days"),
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
        "cooldown" =>
        [
            new(ApplicationCommandOptionType.String, "for", "How long, e.g. 30m or 2h (10 minutes to 24 hours)")
            {
                MaxLength = 12,
            },
            new(ApplicationCommandOptionType.String, "topic", "What it's about, if you like")
            {
                MaxLength = CooldownService.MaxTopicLength,
            },
            new(ApplicationCommandOptionType.Boolean, "end", "End the cool-down now and come back to each other"),
        ],
        "firsttime" =>
        [
            new(ApplicationCommandOptionType.String, "action", "See this month's idea, or say you did it")
            {
                Choices =
                [
                    CommandChoice.FromString("Show this month's idea", "show"),
                    CommandChoice.FromString("We did it!", "done"),
                ],
            },
        ],
        _ => null,
    };
}
