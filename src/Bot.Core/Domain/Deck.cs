namespace Bot.Core.Domain;

/// <summary>A themed set of questions a couple can draw from.</summary>
/// <param name="IsOrdered">Drawn from light to deep (file order within a depth) instead of at random.</param>
public sealed record Deck(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<Question> Questions,
    bool IsOrdered = false);

/// <summary>How much a question asks of the couple.</summary>
public enum QuestionDepth
{
    Light = 1,
    Medium = 2,
    Deep = 3,
}

/// <summary>One question of a deck; the id is stable so a couple's ledger survives edits to the wording.</summary>
/// <param name="Theme">On the weekly deck: which ritual question this varies (a <see cref="RitualTheme"/>).</param>
public sealed record Question(string Id, string Text, QuestionDepth Depth, string? Theme = null);

/// <summary>What the weekly ritual asks about, in order; weekly-deck variants carry one as their theme.</summary>
public static class RitualTheme
{
    public const string Loved = "loved";

    public const string Hard = "hard";

    public const string Unsaid = "unsaid";

    /// <summary>The order of the ritual, which is also the order of <c>Copy.DefaultRitualQuestions</c>.</summary>
    public static IReadOnlyList<string> InOrder { get; } = [Loved, Hard, Unsaid];
}
