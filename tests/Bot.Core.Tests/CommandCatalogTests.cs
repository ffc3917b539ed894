using System.Text.RegularExpressions;
using Bot.Core.Application;
using Bot.Core.Application.Commands;
using Bot.Core.Domain;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Bot.Core.Tests;

public sealed partial class CommandCatalogTests
{
    public static TheoryData<string> Commands => [.. CommandCatalog.All.Select(c => c.Name)];

    [Fact]
    public void Catalog_NamesEachCommandOnce_InLowerCase_WithinMenuLimits()
    {
        var names = CommandCatalog.All.Select(c => c.Name).ToList();

        Assert.Equal(names.Distinct(StringComparer.Ordinal), names);
        Assert.All(CommandCatalog.All, c => Assert.Matches("^[a-z]{1,32}$", c.Name));
        Assert.All(CommandCatalog.All, c => Assert.InRange(c.Description.Length, 3, 100));
        Assert.All(CommandCatalog.All, c => Assert.StartsWith("/" + c.Name, c.Usage, StringComparison.Ordinal));
        Assert.All(CommandCatalog.All, c => Assert.True(typeof(ICommandHandler).IsAssignableFrom(c.Handler), c.Name));
        Assert.All(CommandCatalog.All, c => Assert.True(c.Parameters.Count(p => p.Slot == ParameterSlot.Rest) <= 1, c.Name));
    }

    [Fact]
    public void EveryCommand_HasAHandlerThatResolves()
    {
        var harness = new CoreHarness();

        var resolved = CommandCatalog.All.Select(c => harness.Services.GetRequiredService(c.Handler)).ToList();

        Assert.Equal(CommandCatalog.All.Count, resolved.Count);
        Assert.All(resolved.Zip(CommandCatalog.All), pair => Assert.IsType(pair.Second.Handler, pair.First));
    }

    [Fact]
    public void Readme_CommandTable_NamesEveryCommand()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var table = readme[readme.IndexOf("## What a couple can type", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", table.IndexOf("| Command", StringComparison.Ordinal), StringComparison.Ordinal)];
        var named = table.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => TableCommand().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(CommandCatalog.All, c => Assert.Contains(c.Name, named));
        Assert.All(named, n => Assert.NotNull(CommandCatalog.Find(n)));
    }

    [Theory]
    [InlineData("sun 19:00", "sun", 19, 0)]
    [InlineData("19:00 sun", "sun", 19, 0)]
    [InlineData("friday at 8 pm", "fri", 20, 0)]
    [InlineData("Wednesday 7.30", "wed", 7, 30)]
    [InlineData("mon ۱۹:۳۰", "mon", 19, 30)]
    public void Schedule_ReadsDayAndTimeInEitherOrder(string typed, string day, int hour, int minute)
    {
        var arguments = Bind("schedule", typed).Arguments!;

        Assert.Equal((day, new TimeOnly(hour, minute)), (arguments.Choice("day"), arguments.Time("time")!.Value));
    }

    [Theory]
    [InlineData("22:00-08:00", 22, 0, 8, 0)]
    [InlineData("10pm-8am", 22, 0, 8, 0)]
    [InlineData("22-8", 22, 0, 8, 0)]
    [InlineData("23:30 to 7:00", 23, 30, 7, 0)]
    [InlineData("11 pm until 6:30 am", 23, 0, 6, 30)]
    [InlineData("21:00–06:30", 21, 0, 6, 30)]
    [InlineData("21:00—06:30", 21, 0, 6, 30)]
    [InlineData(" 13:00 - 15:00 ", 13, 0, 15, 0)]
    [InlineData("11:30 pm to 7 am", 23, 30, 7, 0)]
    public void Quiet_ReadsASpanAsPeopleWriteIt(string typed, int fromHour, int fromMinute, int untilHour, int untilMinute)
    {
        var arguments = Bind("quiet", typed).Arguments!;

        Assert.Equal((new TimeOnly(fromHour, fromMinute), new TimeOnly(untilHour, untilMinute)),
            (arguments.Time("from")!.Value, arguments.Time("until")!.Value));
    }

    [Theory]
    [InlineData("22:00")]
    [InlineData("late-early")]
    [InlineData("25:00-08:00")]
    [InlineData("22:00-08:60")]
    [InlineData("22:00-22:00")]
    [InlineData("10pm-13am")]
    public async Task Quiet_WithWhatIsNotTwoDifferentTimes_AnswersWithHelp_AndKeepsTheHours(string typed)
    {
        var bot = new CoreHarness();
        var (alex, _) = await bot.CoupleAsync();

        await bot.SendAsync(alex, "/quiet " + typed);

        Assert.Equal(Copy.QuietHelp("Alex"), bot.LastTextTo(alex));
        Assert.Equal(QuietHours.Default, bot.Stored(alex).QuietHours);
    }

    [Theory]
    [InlineData("2w", 14)]
    [InlineData("10 days", 10)]
    [InlineData("1 week", 7)]
    [InlineData("3D", 3)]
    [InlineData("12 weeks", 84)]
    [InlineData("۲w", 14)]
    public void Pause_ReadsDaysAndWeeks(string typed, int days)
    {
        Assert.Equal(TimeSpan.FromDays(days), Bind("pause", typed).Arguments!.Duration("for"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0d")]
    [InlineData("13w")]
    [InlineData("2 months")]
    [InlineData("-3d")]
    public async Task Pause_WithWhatItCannotTake_AnswersWithHelp_AndDoesNotPause(string typed)
    {
        var bot = new CoreHarness();
        var (alex, _) = await bot.CoupleAsync();

        await bot.SendAsync(alex, "/pause " + typed);

        Assert.Equal(Copy.PauseHelp("Alex"), bot.LastTextTo(alex));
        Assert.Null(bot.ActiveCouple(alex)!.PausedUntil);
    }

    [Theory]
    [InlineData("I love you", "I love you", null, false)]
    [InlineData("I love you at 7pm", "I love you", "19:00", false)]
    [InlineData("dinner at 7:30 pm", "dinner", "19:30", false)]
    [InlineData("what a surprise", "what a", null, true)]
    [InlineData("see you at the park", "see you at the park", null, false)]
    public void Note_ReadsATrailingTimeOrSurprise(string typed, string text, string? at, bool surprise)
    {
        var arguments = Bind("note", typed).Arguments!;

        Assert.Equal((text, at, surprise),
            (arguments.Text("text"), arguments.Time("at")?.ToString("HH:mm", null), arguments.Flag("surprise")));
    }

    [Theory]
    [InlineData("schedule", "sun 25:99", "/schedule")]
    [InlineData("note", "call me at 25:99", "25:99")]
    [InlineData("note", "see you at tonight", "tonight")]
    [InlineData("timezone", "Mars/Olympus", "Mars/Olympus")]
    [InlineData("capsule", "someday us", "someday")]
    [InlineData("history", "100", "/history")]
    [InlineData("pause", "forever", "/pause")]
    [InlineData("join", "", "/join")]
    public void BadValues_GetAFriendlyReplyNamingWhatWasTyped(string command, string typed, string expected)
    {
        var problem = Bind(command, typed).Problem;

        Assert.NotNull(problem);
        Assert.Contains(expected, problem("Alex"), StringComparison.Ordinal);
        Assert.Contains("Alex", problem("Alex"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("home", "please", "/home")]
    [InlineData("bucket", "juggle", "/bucket add")]
    [InlineData("firsttime", "maybe", "/firsttime")]
    public void WordsNoParameterReads_GetTheCommandsOwnHelp(string command, string typed, string expected)
    {
        var reply = Bind(command, typed).Problem!("Alex");

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Equal(CommandCatalog.Find(command)!.Help("Alex"), reply);
    }

    [Fact]
    public void TimeZone_SuggestsCloseZones_ForOneThatDoesNotExist()
    {
        var reply = Bind("timezone", "Europe/Berlim").Problem!("Alex");

        Assert.Contains("Europe/Berlin", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Capsule_ReadsTheDateFirstAndTheRestAsText()
    {
        var arguments = Bind("capsule", "2027-06-01 open on our anniversary - 3 years").Arguments!;

        Assert.Equal((new LocalDate(2027, 6, 1), "open on our anniversary - 3 years"),
            (arguments.Date("date")!.Value, arguments.Text("text")));
    }

    [Fact]
    public void Bucket_NumberIsOnlyReadForDone_SoAWishMayStartWithADigit()
    {
        var add = Bind("bucket", "add 3 nights in Rome").Arguments!;
        var done = Bind("bucket", "done 3").Arguments!;

        Assert.Equal(("add", "3 nights in Rome", (int?)null), (add.Choice("action"), add.Text("wish"), add.Number("number")));
        Assert.Equal(("done", 3), (done.Choice("action"), done.Number("number")));
    }

    [Fact]
    public void EveryParser_OnAnyUnicodeText_ReadsOrAnswersWithoutThrowing()
    {
        var parameters = CommandCatalog.All.SelectMany(c => c.Parameters).ToList();

        Gen.String[Gen.Char, 0, 40].Sample(text =>
        {
            foreach (var parameter in parameters)
            {
                Check(parameter.Read(text));
                Check(parameter.TakeLeading(text));
                Check(parameter.TakeTrailing(text));
            }
        }, iter: 2000);
        Gen.String[Gen.Char, 0, 60].Sample(text =>
        {
            foreach (var spec in CommandCatalog.All)
            {
                var bound = CommandBinder.FromText(spec, text);
                Assert.True(bound.Arguments is not null ^ bound.Problem is not null);
                Assert.False(string.IsNullOrWhiteSpace(bound.Problem?.Invoke("Alex") ?? "ok"));
            }
        }, iter: 500);

        static void Check(ParameterRead read)
        {
            Assert.NotNull(read);
            if (read is ParameterRead.Invalid invalid)
            {
                Assert.False(string.IsNullOrWhiteSpace(invalid.Reply?.Invoke("Alex") ?? "the command's help"));
            }
        }
    }

    private static BindResult Bind(string command, string typed) =>
        CommandBinder.Bind(CommandCatalog.Find(command)!,
            new Application.Messages.CommandReceived(CoreHarness.Person(1, "Alex").User, "Alex",
                CoreHarness.Person(1, "Alex").PrivateChat, true, command, typed));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BotSuite.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("BotSuite.sln not found above the test run.");
    }

    [GeneratedRegex("`/([a-z]+)")]
    private static partial Regex TableCommand();
}
