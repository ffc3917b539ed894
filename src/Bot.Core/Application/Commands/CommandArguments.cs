using System.Globalization;
using Bot.Core.Application.Messages;
using NodaTime;

namespace Bot.Core.Application.Commands;

/// <summary>A command's arguments, read and typed; a parameter left out has no value.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Text(string name) => Get<string>(name);

    public int? Number(string name) => _values.TryGetValue(name, out var v) ? (int)v : null;

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && (bool)v;

    public TimeOnly? Time(string name) => _values.TryGetValue(name, out var v) ? (TimeOnly)v : null;

    public LocalDate? Date(string name) => _values.TryGetValue(name, out var v) ? (LocalDate)v : null;

    public TimeSpan? Duration(string name) => _values.TryGetValue(name, out var v) ? (TimeSpan)v : null;

    /// <summary>The value of a choice, or of a time zone's id.</summary>
    public string? Choice(string name) => Get<string>(name);

    internal void Set(string name, object value) => _values[name] = value;

    private T? Get<T>(string name)
        where T : class => _values.TryGetValue(name, out var v) ? (T)v : null;
}

/// <summary>What binding a command's input to its parameters gave: the arguments, or the reply that says what is wrong.</summary>
public sealed record BindResult(CommandArguments? Arguments, Func<string, string>? Problem);

/// <summary>
/// Fills a command's parameters from what arrived: typed text (Telegram) read by each parameter's own parser, or a
/// platform's typed options (Discord) put straight into the same parameters.
/// </summary>
public static class CommandBinder
{
    public static BindResult Bind(CommandSpec spec, CommandReceived command)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(command);
        var bound = command.Options is { } options ? FromOptions(spec, options) : FromText(spec, command.Arguments);
        if (bound.Problem is not null)
        {
            return bound;
        }

        var arguments = bound.Arguments!;
        return spec.Parameters.Any(p => p.Required && !arguments.Has(p.Name))
            ? new BindResult(null, spec.Help)
            : bound;
    }

    /// <summary>
    /// Leading parameters are read from the start in any order, trailing ones from the end, and the rest parameter
    /// takes what is left; text that nothing took makes the first parameter not yet read complain about it.
    /// </summary>
    public static BindResult FromText(CommandSpec spec, string text)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var arguments = new CommandArguments();
        var remaining = (text ?? "").Trim();
        if (remaining.Length == 0)
        {
            return new BindResult(arguments, null);
        }

        foreach (var slot in new[] { ParameterSlot.Leading, ParameterSlot.Trailing })
        {
            var progress = true;
            while (progress && remaining.Length > 0)
            {
                progress = false;
                foreach (var parameter in Open(spec, arguments, slot))
                {
                    var read = slot == ParameterSlot.Leading ? parameter.TakeLeading(remaining) : parameter.TakeTrailing(remaining);
                    if (read is ParameterRead.Invalid invalid)
                    {
                        return new BindResult(null, invalid.Reply ?? spec.Help);
                    }

                    if (read is ParameterRead.Value value)
                    {
                        arguments.Set(parameter.Name, value.Read);
                        remaining = (slot == ParameterSlot.Leading ? remaining[value.Length..] : remaining[..value.Length]).Trim();
                        progress = true;
                        break;
                    }
                }
            }
        }

        if (remaining.Length == 0)
        {
            return new BindResult(arguments, null);
        }

        if (Open(spec, arguments, ParameterSlot.Rest).FirstOrDefault() is { } rest)
        {
            return Take(spec, arguments, rest, remaining);
        }

        // Nothing took these words: whichever parameter is still open says what it expected.
        var expected = spec.Parameters.FirstOrDefault(p => !arguments.Has(p.Name) && Applies(p, arguments));
        return expected?.Read(remaining) switch
        {
            ParameterRead.Invalid problem => new BindResult(null, problem.Reply ?? spec.Help),
            _ when expected?.LeavesOutUnreadable == true => new BindResult(arguments, null),
            _ => new BindResult(null, spec.Help),
        };
    }

    /// <summary>Options as the platform sent them: integers and switches in invariant text, the rest as typed.</summary>
    public static BindResult FromOptions(CommandSpec spec, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var arguments = new CommandArguments();
        foreach (var parameter in spec.Parameters)
        {
            if (!options.TryGetValue(parameter.Name, out var raw) || raw.Trim().Length == 0)
            {
                continue;
            }

            switch (parameter)
            {
                case BooleanParameter:
                    if (bool.TryParse(raw, out var on) && on)
                    {
                        arguments.Set(parameter.Name, true);
                    }

                    break;
                case IntegerParameter integer:
                    if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                        || n < integer.Min || n > integer.Max)
                    {
                        return new BindResult(null, (integer.Read(raw) as ParameterRead.Invalid)?.Reply ?? spec.Help);
                    }

                    arguments.Set(parameter.Name, (int)n);
                    break;
                default:
                    var taken = Take(spec, arguments, parameter, raw);
                    if (taken.Problem is not null)
                    {
                        return taken;
                    }

                    break;
            }
        }

        return new BindResult(arguments, null);
    }

    private static BindResult Take(CommandSpec spec, CommandArguments arguments, Parameter parameter, string text)
    {
        switch (parameter.Read(text))
        {
            case ParameterRead.Value value:
                arguments.Set(parameter.Name, value.Read);
                return new BindResult(arguments, null);
            case ParameterRead.Invalid invalid:
                return new BindResult(null, invalid.Reply ?? spec.Help);
            default:
                return new BindResult(arguments, null);
        }
    }

    private static IEnumerable<Parameter> Open(CommandSpec spec, CommandArguments arguments, ParameterSlot slot) =>
        spec.Parameters.Where(p => p.Slot == slot && !arguments.Has(p.Name) && Applies(p, arguments));

    private static bool Applies(Parameter parameter, CommandArguments arguments) =>
        parameter.OnlyWhen?.Invoke(arguments) ?? true;
}
