using Bot.Core.Ports;

namespace Bot.Testing.Fakes;

/// <summary>Deterministic choices: the numbers a test scripted, in order, then a fixed-seed sequence.</summary>
public sealed class ScriptedRandom(int seed = 20260302) : IRandomSource
{
    private readonly Queue<int> _script = new();
    private readonly List<int> _asked = [];
    private readonly Random _rest = new(seed);

    /// <summary>The <c>maxExclusive</c> of every call so far, oldest first.</summary>
    public IReadOnlyList<int> Asked => _asked;

    /// <summary>The next calls return these numbers, one each.</summary>
    public void Script(params int[] choices)
    {
        foreach (var choice in choices)
        {
            _script.Enqueue(choice);
        }
    }

    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        _asked.Add(maxExclusive);
        if (!_script.TryDequeue(out var choice))
        {
            return _rest.Next(maxExclusive);
        }

        // A scripted number out of range is a mistake in the test, not a choice to wrap around.
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(choice, maxExclusive);
        return choice;
    }
}
