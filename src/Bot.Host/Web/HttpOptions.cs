using System.Net;

namespace Bot.Host.Web;

/// <summary>Where the host's own web server listens (section <c>Http</c>); it runs only when something serves on it.</summary>
internal sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>The address to listen on; loopback by default, so only this machine can reach it.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (the address in use is logged on start).</summary>
    public int Port { get; set; } = 5080;

    public bool IsLoopback => IPAddress.TryParse(Address, out var ip) && IPAddress.IsLoopback(ip);
}
