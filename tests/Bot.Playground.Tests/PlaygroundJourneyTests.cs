using System.Text.RegularExpressions;
using Bot.Core.Application;
using Bot.Core.Domain;
using Microsoft.Playwright;

namespace Bot.Playground.Tests;

/// <summary>The playground as a person uses it: headless Chromium on the page the real host serves.</summary>
public sealed partial class PlaygroundJourneyTests
{
    private const float WaitMs = 30_000;

    // A move to the next check-in is up to a week of hourly steps, each swept: give a busy CI machine time.
    private const float MoveMs = 90_000;

    [ChromiumFact]
    public async Task Journey_PairCheckInRevealClockTrendAndExport_WorksInTheBrowser()
    {
        await using var playground = await PlaygroundHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new() { ExecutablePath = Chromium.Path, Headless = true });
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(WaitMs);
        await page.GotoAsync(playground.Address.ToString());
        await page.Locator("body[data-connected=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var alex = new Pane(page, "a");
        var sam = new Pane(page, "b");

        var invite = await alex.SayAsync("/pair", "/join ");
        await sam.SayAsync(JoinLine().Match(invite).Value, "You and Alex are paired, Sam");
        await alex.WaitForBotAsync("You and Sam are paired, Alex", after: 0);
        var screenshot = Path.Combine(ResultsFolder(), "playground-paired.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });

        // The playground starts at the real time of day; without this, a run at night would hold the questions.
        await alex.SayAsync("/quiet off");
        await sam.SayAsync("/quiet off");

        await alex.SayAsync("/checkin", Copy.PulseQuestion(PulseScale.Loved));
        await alex.TapPulseAsync();
        await sam.TapPulseAsync();
        await alex.AnswerInFormAsync("alex-secret-one");
        await alex.SayAsync("alex-secret-two");
        await alex.SayAsync("alex-secret-three");
        var samBeforeReveal = await sam.TextAsync();
        await sam.SayAsync("sam-one");
        await sam.SayAsync("sam-two");
        await sam.SayAsync("sam-three");
        var revealForAlex = await alex.WaitForBotAsync("Sam: sam-three", after: 0);
        var revealForSam = await sam.WaitForBotAsync("Alex: alex-secret-three", after: 0);

        var beforeMove = await LastSeqAsync(page);
        await MoveToNextCheckInAsync(page);
        await alex.WaitForBotAsync(Copy.PulseQuestion(PulseScale.Loved), after: beforeMove);
        await sam.WaitForBotAsync(Copy.PulseQuestion(PulseScale.Loved), after: beforeMove);
        var clock = await page.Locator("#clock-now").InnerTextAsync();


        // A week later (the open round expires on the way) the next one opens; a second revealed week makes a chart.
        beforeMove = await LastSeqAsync(page);
        await MoveToNextCheckInAsync(page);
        await alex.WaitForBotAsync(Copy.PulseQuestion(PulseScale.Loved), after: beforeMove);
        await alex.TapPulseAsync(after: beforeMove);
        await sam.TapPulseAsync(after: beforeMove);
        foreach (var pane in new[] { alex, sam })
        {
            await pane.SayAsync("fine");
            await pane.SayAsync("fine");
            await pane.SayAsync("fine");
        }

        await alex.WaitForBotAsync("Sam: fine", after: beforeMove);
        await alex.SayAsync("/trend");
        var image = page.Locator("[data-pane=a] li.bot img[alt='pulse.png']");
        await image.WaitForAsync();
        var imageLoaded = await image.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 100)");

        var beforeExport = await LastSeqAsync(page);
        await alex.SayAsync("/export");
        await alex.WaitForBotAsync(".md", after: beforeExport);
        var link = page.Locator("[data-pane=a] li.bot a[download$='.md']").Last;
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var saved = Path.Combine(playground.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var journal = await File.ReadAllTextAsync(saved);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ResultsFolder(), "playground-journey.png"), FullPage = true });

        Assert.True(new FileInfo(screenshot).Length > 0);
        Assert.DoesNotContain("alex-secret", samBeforeReveal, StringComparison.Ordinal);
        foreach (var reveal in new[] { revealForAlex, revealForSam })
        {
            Assert.Contains("Alex: alex-secret-one", reveal, StringComparison.Ordinal);
            Assert.Contains("Sam: sam-one", reveal, StringComparison.Ordinal);
        }

        Assert.Matches(@"^Sunday .*, 19:00 UTC$", clock);
        Assert.True(imageLoaded);
        Assert.StartsWith("journal-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("alex-secret-two", journal, StringComparison.Ordinal);
        Assert.Contains("sam-three", journal, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task SomeoneElse_OnTheirOwnPane_UnderTheNameGivenThere_GetsFriendlyRepliesAndNothingOfTheCouple()
    {
        await using var playground = await PlaygroundHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new() { ExecutablePath = Chromium.Path, Headless = true });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(WaitMs);
        await page.GotoAsync(playground.Address.ToString());
        await page.Locator("body[data-connected=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var alex = new Pane(page, "a");
        var sam = new Pane(page, "b");
        var invite = await alex.SayAsync("/pair", "/join ");
        var join = JoinLine().Match(invite).Value;
        await sam.SayAsync(join, "paired");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add someone else" }).ClickAsync();
        var robin = new Pane(page, "c");
        await page.Locator("[data-pane=c]").GetByLabel("Name").FillAsync("Jo");
        var reply = await robin.SayAsync(join);
        var status = await robin.SayAsync("/status");
        var greeting = await robin.SayAsync("/start");

        Assert.NotEmpty(reply);
        Assert.DoesNotContain("Alex", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", status, StringComparison.Ordinal);
        Assert.Contains("Hi Jo", greeting, StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Add someone else" }).IsHiddenAsync());
    }

    /// <summary>
    /// Presses the time control's button and waits until the page says the move is done (the click itself shows
    /// "Moving the clock…" first, so an earlier move's "It is now" does not count).
    /// </summary>
    private static async Task MoveToNextCheckInAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "To the next check-in" }).ClickAsync();
        await page.Locator("#clock-status", new() { HasTextString = "It is now" }).WaitForAsync(new() { Timeout = MoveMs });
    }

    private static Task<int> LastSeqAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, ...[...document.querySelectorAll('li[data-seq]')].map(li => +li.dataset.seq))");

    /// <summary>The repository's TestResults folder (where the TRX files go), so CI keeps the screenshot.</summary>
    private static string ResultsFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BotSuite.sln")))
        {
            folder = folder.Parent;
        }

        var results = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        return results;
    }

    [GeneratedRegex(@"/join [A-Z0-9]{5}-[A-Z0-9]{5}")]
    private static partial Regex JoinLine();

    /// <summary>One person's pane on the page.</summary>
    private sealed class Pane(IPage page, string id)
    {
        private readonly ILocator _root = page.Locator($"[data-pane={id}]");

        /// <summary>Types a line and sends it; returns the bot's first reply after it (containing the fragment, if given).</summary>
        public async Task<string> SayAsync(string line, string fragment = "")
        {
            var after = await LastSeqAsync(page);
            await _root.Locator(".say-text").FillAsync(line);
            await _root.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            return await WaitForBotAsync(fragment, after);
        }

        /// <summary>Waits for a bot message to this pane, newer than the event <paramref name="after"/>, containing the fragment.</summary>
        public async Task<string> WaitForBotAsync(string fragment, int after)
        {
            try
            {
                var found = await page.WaitForFunctionAsync(
                    """
                    ([pane, after, fragment]) => [...document.querySelectorAll(`[data-pane=${pane}] li.bot`)]
                        .find(li => +li.dataset.seq > after && li.textContent.includes(fragment))?.textContent
                    """,
                    new object[] { id, after, fragment });
                return await found.JsonValueAsync<string>();
            }
            catch (TimeoutException ex)
            {
                // Say what the pane showed, so a failure on a busy machine can be read from the test's output.
                throw new TimeoutException(
                    $"Pane {id} never showed \"{fragment}\" after event {after}; it shows:\n{await TextAsync()}", ex);
            }
        }

        /// <summary>
        /// Taps 4 on the "loved" scale and 5 on the "heard" one of the check-in opened after the event
        /// <paramref name="after"/>, then waits for the first question.
        /// </summary>
        public async Task TapPulseAsync(int after = 0)
        {
            foreach (var (scale, value) in new[] { (PulseScale.Loved, "4"), (PulseScale.Heard, "5") })
            {
                await WaitForBotAsync(Copy.PulseQuestion(scale), after);
                await _root.Locator("li.bot", new() { HasTextString = Copy.PulseQuestion(scale) }).Last
                    .GetByRole(AriaRole.Button, new() { Name = value, Exact = true }).ClickAsync();
            }

            await WaitForBotAsync("(1/", after);
        }

        /// <summary>Answers the current question through the Answer button's form (where Discord shows a modal).</summary>
        public async Task AnswerInFormAsync(string answer)
        {
            var after = await LastSeqAsync(page);
            await _root.Locator("li.bot", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = Copy.AnswerButton }) }).Last
                .GetByRole(AriaRole.Button, new() { Name = Copy.AnswerButton }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel(Copy.AnswerFieldLabel).FillAsync(answer);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await WaitForBotAsync("", after);
        }

        public Task<string> TextAsync() => _root.InnerTextAsync();
    }
}
