using System.Globalization;
using Bot.Host.Storage;

namespace Bot.Benchmarks;

/// <summary>The benchmark's few command-line options.</summary>
internal sealed record BenchOptions(int Couples, int Runs, string? OutFile)
{
    /// <summary>SQLite unless <c>--provider postgres</c>.</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>With PostgreSQL: a connection string to a server where the benchmark may create databases.</summary>
    public string? Connection { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Bot.Benchmarks -- [--couples N] [--runs N] [--out FILE]
          --couples N   couples to seed (default 100000, at least 100)
          --runs N      repetitions of the busy, reminder, expiry and outbox measurements (default 5)
          --out FILE    also write the report as Markdown to FILE
          --provider P  sqlite (default) or postgres
          --connection CS  with postgres: a server connection string of a user who may create databases
        """;

    public static bool TryParse(IReadOnlyList<string> args, out BenchOptions options, out string? error)
    {
        options = new BenchOptions(100_000, 5, null);
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return false;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--couples" when TryParseCount(value, 100, out var couples):
                    options = options with { Couples = couples };
                    break;
                case "--runs" when TryParseCount(value, 1, out var runs):
                    options = options with { Runs = runs };
                    break;
                case "--out":
                    options = options with { OutFile = value };
                    break;
                case "--provider" when value is "sqlite" or "postgres":
                    options = options with
                    {
                        Provider = value == "postgres" ? StorageProvider.Postgres : StorageProvider.Sqlite,
                    };
                    break;
                case "--connection":
                    options = options with { Connection = value };
                    break;
                case "--provider":
                    error = $"--provider is sqlite or postgres, not '{value}'.";
                    return false;
                case "--couples" or "--runs":
                    error = $"{name} takes a whole number, not '{value}'.";
                    return false;
                default:
                    error = $"Unknown option {name}.";
                    return false;
            }
        }

        if (options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.Connection))
        {
            error = "--provider postgres needs --connection \"Host=…;Username=…;Password=…\".";
            return false;
        }

        return true;
    }

    private static bool TryParseCount(string text, int min, out int value) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture,
            out value) && value >= min;
}
