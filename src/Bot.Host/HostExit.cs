namespace Bot.Host;

/// <summary>Lets a part of the host stop it with a non-zero exit code (a platform refused our token, say).</summary>
internal sealed class HostExit(IHostApplicationLifetime lifetime, ILogger<HostExit> logger)
{
    public const int PlatformRefused = 3;

    public int Code { get; private set; }

    public void Fail(int code, string why)
    {
        logger.LogCritical("Stopping: {Why}", why);
        Code = code;
        lifetime.StopApplication();
    }
}
