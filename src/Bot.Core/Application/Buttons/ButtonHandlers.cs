using Bot.Core.Domain;

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
public sealed class ForgetButton(FarewellService farewell, Messenger messenger) : IConfirmationHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        farewell.ConfirmForgetAsync(c, ct);

    public Task ExpiredAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return messenger.ReplyAsync(c, Copy.ConfirmationExpired(c.Me.DisplayName, "/forget"), ct);
    }
}

/// <summary>A way to unpair, chosen after /unpair.</summary>
public sealed class UnpairButton(FarewellService farewell, Messenger messenger) : IConfirmationHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        farewell.ConfirmUnpairAsync(c, fields, ct);

    public Task ExpiredAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return messenger.ReplyAsync(c, Copy.ConfirmationExpired(c.Me.DisplayName, "/unpair"), ct);
    }
}

/// <summary>The partner's answer to an ask to delete the shared journal.</summary>
public sealed class EraseButton(FarewellService farewell) : IConfirmationHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        farewell.ConfirmEraseAsync(c, fields, ct);

    // The ask itself stands until answered; only its buttons expire, so a late tap gets fresh ones.
    public Task ExpiredAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        farewell.AskEraseAgainAsync(c, fields, ct);
}

/// <summary>Skip under a question.</summary>
public sealed class SkipButton(RoundService rounds) : CoupleButton
{
    protected override Task HandleAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct) =>
        rounds.SkipFromButtonAsync(c, couple, fields, ct);
}

/// <summary>A tap on a pulse scale.</summary>
public sealed class PulseButton(RoundService rounds) : CoupleButton
{
    protected override Task HandleAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct) =>
        rounds.PulseFromButtonAsync(c, couple, fields, ct);
}

/// <summary>Share, keep private, hold, rewrite or list answers before the reveal.</summary>
public sealed class AnswerChoiceButton(AnswerChoiceService answerChoices) : CoupleButton
{
    protected override Task HandleAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct) =>
        answerChoices.ChooseAsync(c, couple, fields, ct);
}

/// <summary>The partner's tap making a group the couple's home.</summary>
public sealed class HomeButton(CoupleSettingsService settings) : CoupleButton
{
    protected override Task HandleAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct) =>
        settings.ConfirmHomeAsync(c, couple, fields, ct);
}

/// <summary>A deck picked from the deck buttons.</summary>
public sealed class DeckButton(DeckService decks) : CoupleButton
{
    protected override Task HandleAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct) =>
        decks.QuestionAsync(c, couple, fields.Count > 0 ? fields[0] : null, ct);
}

/// <summary>An answer to a first-time proposal or its follow-up.</summary>
public sealed class FirstTimeButton(FirstTimeService firstTimes) : CoupleButton
{
    protected override Task HandleAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct) =>
        firstTimes.ChoiceAsync(c, couple, fields, ct);
}

/// <summary>A quiz picked from the list, or an answer or guess tapped in a quiz.</summary>
public sealed class QuizButton(QuizService quizzes) : CoupleButton
{
    protected override Task HandleAsync(Conversation c, Couple couple, IReadOnlyList<string> fields, CancellationToken ct) =>
        quizzes.ChoiceAsync(c, couple, fields, ct);
}

/// <summary>A zone (or "type my city") tapped in the warm start after pairing.</summary>
public sealed class WelcomeZoneButton(WelcomeService welcome) : IConfirmationHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        welcome.ZoneTappedAsync(c, fields, ct);

    public Task ExpiredAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        welcome.ExpiredAsync(c, ct);
}

/// <summary>Quiet hours kept, changed or turned off in the warm start.</summary>
public sealed class WelcomeQuietButton(WelcomeService welcome) : IConfirmationHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        welcome.QuietTappedAsync(c, fields, ct);

    public Task ExpiredAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        welcome.ExpiredAsync(c, ct);
}

/// <summary>The weekly slot proposed, typed, accepted or answered with another, in the warm start.</summary>
public sealed class WelcomeSlotButton(WelcomeService welcome) : IConfirmationHandler
{
    public Task HandleAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        welcome.SlotTappedAsync(c, fields, ct);

    public Task ExpiredAsync(Conversation c, IReadOnlyList<string> fields, CancellationToken ct) =>
        welcome.ExpiredAsync(c, ct);
}
