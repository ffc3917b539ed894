using Bot.Benchmarks;

if (!BenchOptions.TryParse(args, out var options, out var error))
{
    if (error is not null)
    {
        await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync(BenchOptions.Usage).ConfigureAwait(false);
    return error is null ? 0 : 2;
}

var results = await SweepBenchmark.RunAsync(options, Console.Error, CancellationToken.None).ConfigureAwait(false);
var report = Report.ToMarkdown(results);
await Console.Out.WriteAsync(report).ConfigureAwait(false);
if (options.OutFile is { } file)
{
    await File.WriteAllTextAsync(file, report).ConfigureAwait(false);
    await Console.Error.WriteLineAsync($"Report written to {Path.GetFullPath(file)}").ConfigureAwait(false);
}

return results.Problems.Count == 0 ? 0 : 1;
