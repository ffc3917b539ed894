namespace Bot.Core.Application.Buttons;

/// <summary>"No" on a confirmation: nothing changes.</summary>
public sealed class CancelButton(Messenger messenger) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return messenger.ReplyAsync(c, Copy.NothingChanged(c.Me.DisplayName), ct);
    }
}

/// <summary>"Yes, delete my words" after /forget.</summary>
public sealed class ForgetButton(FarewellService farewell) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        farewell.ConfirmForgetAsync(c, ct);
}

/// <summary>A way to unpair, chosen after /unpair.</summary>
public sealed class UnpairButton(FarewellService farewell) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        farewell.ConfirmUnpairAsync(c, fields, ct);
}

/// <summary>The partner's agreement to delete the shared journal.</summary>
public sealed class EraseButton(FarewellService farewell) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        farewell.ConfirmEraseAsync(c, fields, ct);
}

/// <summary>Skip under a question.</summary>
public sealed class SkipButton(RoundService rounds) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return rounds.SkipFromButtonAsync(c, c.Couple!, fields, ct);
    }
}

/// <summary>A tap on a pulse scale.</summary>
public sealed class PulseButton(RoundService rounds) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return rounds.PulseFromButtonAsync(c, c.Couple!, fields, ct);
    }
}

/// <summary>Share, keep private, hold, rewrite or list answers before the reveal.</summary>
public sealed class AnswerChoiceButton(AnswerChoiceService answerChoices) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return answerChoices.ChooseAsync(c, c.Couple!, fields, ct);
    }
}

/// <summary>The partner's tap making a group the couple's home.</summary>
public sealed class HomeButton(CoupleSettingsService settings) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return settings.ConfirmHomeAsync(c, c.Couple!, fields, ct);
    }
}

/// <summary>A deck picked from the deck buttons.</summary>
public sealed class DeckButton(DeckService decks) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(fields);
        return decks.QuestionAsync(c, c.Couple!, fields.Count > 0 ? fields[0] : null, ct);
    }
}

/// <summary>An answer to a first-time proposal or its follow-up.</summary>
public sealed class FirstTimeButton(FirstTimeService firstTimes) : IButtonHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return firstTimes.ChoiceAsync(c, c.Couple!, fields, ct);
    }
}
