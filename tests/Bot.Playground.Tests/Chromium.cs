namespace Bot.Playground.Tests;

/// <summary>The system's Chromium (Debian's package); the browser tests drive it instead of downloading one.</summary>
internal static class Chromium
{
    /// <summary>Where a Chromium can be named explicitly, e.g. on a machine that keeps it elsewhere.</summary>
    public const string PathVariable = "BOTSUITE_CHROMIUM";

    private static readonly string[] Candidates =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var named = Environment.GetEnvironmentVariable(PathVariable);
        return !string.IsNullOrWhiteSpace(named) ? named : Candidates.FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs a real browser: skipped, saying why, only when no Chromium is installed.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            // The project carries Playwright's Linux driver only (PlaywrightPlatform), to drive Debian's Chromium.
            Skip = "The browser tests drive Debian's Chromium and run on Linux only.";
        }
        else if (Chromium.Path is null)
        {
            Skip = $"No Chromium found (looked for {Chromium.PathVariable} and /usr/bin/chromium); install it with "
                + "'apt-get install -y chromium' (.ci/run does) to run the browser tests.";
        }
    }
}
