using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>The themed question decks shipped with the bot (embedded JSON files under Decks/).</summary>
public sealed class DeckCatalog
{
    /// <summary>The deck whose themed questions rotate the weekly ritual's wording.</summary>
    public const string WeeklyDeckId = "weekly";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public DeckCatalog(IEnumerable<Deck> decks)
    {
        Decks = [.. decks];
        var duplicate = Decks.SelectMany(d => d.Questions).GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Question id '{duplicate.Key}' appears more than once.");
        }
    }

    public IReadOnlyList<Deck> Decks { get; }

    public Deck? Weekly => Decks.FirstOrDefault(d => d.Id == WeeklyDeckId);

    /// <summary>The decks shipped with the bot, loaded once.</summary>
    public static DeckCatalog Embedded => EmbeddedOnce.Value;

    private static readonly Lazy<DeckCatalog> EmbeddedOnce = new(LoadEmbedded);

    public static DeckCatalog LoadEmbedded()
    {
        var assembly = typeof(DeckCatalog).Assembly;
        var decks = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Decks.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                var file = JsonSerializer.Deserialize<DeckFile>(stream, JsonOptions)
                    ?? throw new InvalidOperationException($"Deck file {name} is empty.");
                return file.ToDeck();
            });
        return new DeckCatalog(decks);
    }

    /// <summary>Finds a deck by id or name, ignoring case, spaces and dashes ("date night", "Date-Night", "date").</summary>
    public Deck? Find(string typed)
    {
        var key = Simplify(typed);
        if (key.Length == 0)
        {
            return null;
        }

        if (Decks.FirstOrDefault(d => Simplify(d.Id) == key || Simplify(d.Name) == key) is { } exact)
        {
            return exact;
        }

        // A prefix that fits several decks ("d") is no answer; the caller then lists the decks.
        var started = Decks.Where(d => Simplify(d.Id).StartsWith(key, StringComparison.Ordinal)
                                       || Simplify(d.Name).StartsWith(key, StringComparison.Ordinal)).Take(2).ToList();
        return started.Count == 1 ? started[0] : null;
    }

    private static string Simplify(string text) =>
        new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private sealed record DeckFile(
        string Id,
        string Name,
        string Description,
        IReadOnlyList<QuestionFile> Questions,
        bool Ordered = false)
    {
        public Deck ToDeck() => new(
            Id, Name, Description, [.. Questions.Select(q => new Question(q.Id, q.Text, q.Depth, q.Theme))], Ordered);
    }

    private sealed record QuestionFile(string Id, string Text, QuestionDepth Depth, string? Theme = null);
}
