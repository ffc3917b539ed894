using System.Text.Json;
using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>The built-in "first times" ideas (Decks/first-times.json), kept apart from the question decks.</summary>
public sealed class FirstTimeIdeas
{
    /// <summary>The ledger's deck id for ideas drawn from this deck.</summary>
    public const string LedgerId = "first-times";

    /// <summary>The ledger's deck id for bucket-list wishes already proposed (by item id).</summary>
    public const string BucketLedgerId = "first-times-bucket";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public FirstTimeIdeas(IEnumerable<FirstTimeIdea> ideas)
    {
        Ideas = [.. ideas];
        if (Ideas.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException($"Idea id '{duplicate.Key}' appears more than once.");
        }
    }

    public IReadOnlyList<FirstTimeIdea> Ideas { get; }

    public FirstTimeIdea? Find(string id) => Ideas.FirstOrDefault(i => i.Id == id);

    public static FirstTimeIdeas LoadEmbedded()
    {
        using var stream = typeof(FirstTimeIdeas).Assembly.GetManifestResourceStream("Ideas.first-times.json")
            ?? throw new InvalidOperationException("The first-times ideas deck is missing.");
        var file = JsonSerializer.Deserialize<IdeasFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The first-times ideas deck is empty.");
        return new FirstTimeIdeas(file.Ideas);
    }

    private sealed record IdeasFile(string Id, IReadOnlyList<FirstTimeIdea> Ideas);
}
