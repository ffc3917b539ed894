namespace Bot.Core.Domain;

/// <summary>A themed set of questions a couple can draw from.</summary>
public sealed record Deck(string Id, string Name, string Description, IReadOnlyList<Question> Questions);

/// <summary>How much a question asks of the couple.</summary>
public enum QuestionDepth
{
    Light = 1,
    Medium = 2,
    Deep = 3,
}

/// <summary>One question of a deck; the id is stable so a couple's ledger survives edits to the wording.</summary>
public sealed record Question(string Id, string Text, QuestionDepth Depth);
