namespace Bot.Host.Platforms.Web;

/// <summary>Settings of the playground (section <c>Playground</c>; <c>--playground</c> turns it on).</summary>
internal sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>Runs the bot in the browser instead of on Telegram or Discord.</summary>
    public bool Enabled { get; set; }

    /// <summary>The playground's own SQLite file, never the bot's.</summary>
    public string Database { get; set; } = "playground.db";

    /// <summary>
    /// Also runs the configured platforms in the same process. Then everything shares the bot's database and its
    /// real clock, so the time control is off.
    /// </summary>
    public bool WithPlatforms { get; set; }
}
