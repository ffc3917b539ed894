namespace Bot.Core.Domain;

/// <summary>A question one partner dropped into the couple's bowl; a surprise to the other until it is drawn.</summary>
/// <param name="DrawnAt">When it was drawn for a round; null while it waits. A drawn question never comes back.</param>
public sealed record BowlQuestion(
    long Id,
    long CoupleId,
    long AddedById,
    string Text,
    DateTimeOffset AddedAt,
    DateTimeOffset? DrawnAt)
{
    public bool IsDrawn => DrawnAt is not null;
}
