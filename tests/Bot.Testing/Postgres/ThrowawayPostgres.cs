using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Bot.Testing.Postgres;

/// <summary>
/// A PostgreSQL cluster of the test process's own, for when <c>BOT_TEST_POSTGRES</c> is unset: Debian's
/// <c>initdb</c>/<c>pg_ctl</c> (the highest version under /usr/lib/postgresql, else on PATH) make a trust-auth
/// cluster in a temp folder, served on a free loopback port with its socket in that folder. Started once per test
/// process on first use; stopped and deleted when the process exits (AppDomain.ProcessExit, and a detached watchdog
/// for when the test host is killed before that handler finishes: vstest allows it about 100 ms). As root, both
/// tools run as the postgres user (initdb refuses root).
/// </summary>
internal sealed class ThrowawayPostgres
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    // Waits for the test process to end, then stops the cluster and deletes its folder. setsid keeps it out of the
    // test run's process group, so a Ctrl+C or a killed test host does not take it along.
    private const string Watchdog = """
        exec </dev/null >/dev/null 2>&1
        tail --pid="$1" -s 0.2 -f /dev/null
        if [ "$5" = 1 ]; then runuser -u postgres -- "$2" stop -D "$3" -m immediate; else "$2" stop -D "$3" -m immediate; fi
        rm -rf "$4"
        """;

    private readonly string _binDirectory;
    private readonly string _folder;
    private readonly bool _asPostgresUser;
    private readonly int _port;

    private ThrowawayPostgres(string binDirectory, string folder, bool asPostgresUser, int port)
    {
        _binDirectory = binDirectory;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        _port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres";
    }

    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>
    /// The folder holding <c>initdb</c> and <c>pg_ctl</c>, or null when PostgreSQL is not installed.
    /// </summary>
    public static string? FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(version => (Version: ParseVersion(Path.GetFileName(version)), Bin: Path.Combine(version, "bin")))
                .Where(candidate => candidate.Version is not null && HasTools(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasTools);
    }

    /// <summary>Creates and starts a cluster with the tools in <paramref name="binDirectory"/>.</summary>
    public static ThrowawayPostgres Start(string binDirectory)
    {
        var asPostgresUser = Environment.IsPrivilegedProcess;
        var folder = Directory.CreateTempSubdirectory("botsuite-test-pg.").FullName;
        var server = new ThrowawayPostgres(binDirectory, folder, asPostgresUser, FreeLoopbackPort());
        try
        {
            server.Initialize();
        }
        catch
        {
            server.Stop();
            throw;
        }

        server.StartWatchdog();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopQuickly();
        return server;
    }

    private void Initialize()
    {
        if (_asPostgresUser)
        {
            Run("chown", ["postgres", _folder]);
        }

        RunTool("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync"]);
        RunTool("pg_ctl", [
            "start", "-w", "-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-o",
            $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
        ]);
    }

    private void StartWatchdog()
    {
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in (string[])[
            "sh", "-c", Watchdog, "sh", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            Path.Combine(_binDirectory, "pg_ctl"), DataDirectory, _folder, _asPostgresUser ? "1" : "0",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start the watchdog of the throwaway PostgreSQL cluster.");
    }

    /// <summary>
    /// Signals the server to stop without waiting for it and deletes the folder; the watchdog finishes whatever the
    /// test host's shutdown leaves no time for.
    /// </summary>
    private void StopQuickly()
    {
        try
        {
            RunTool("pg_ctl", ["stop", "-W", "-D", DataDirectory, "-m", "immediate"]);
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            // The watchdog stops and deletes it once this process is gone.
        }
    }

    private void Stop()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                RunTool("pg_ctl", ["stop", "-w", "-D", DataDirectory, "-m", "immediate"]);
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void RunTool(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private void Run(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ToolTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} did not finish in {ToolTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n"
                + output.Result + error.Result
                + (File.Exists(log) ? "\nserver.log:\n" + File.ReadAllText(log) : ""));
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool HasTools(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;
}
