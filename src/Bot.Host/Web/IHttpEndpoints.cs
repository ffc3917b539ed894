using Microsoft.AspNetCore.Routing;

namespace Bot.Host.Web;

/// <summary>A part of the host that answers HTTP requests on the host's web server (the playground, say).</summary>
internal interface IHttpEndpoints
{
    /// <summary>What a person finds at the root of these endpoints, for the line logged on start.</summary>
    string Title { get; }

    /// <summary>
    /// True for pages meant for this machine only (the playground has no login): on a loopback address they refuse
    /// requests naming another host. Endpoints other machines call (webhooks, health checks) leave it false.
    /// </summary>
    bool IsLocalOnly => false;

    void Map(IEndpointRouteBuilder endpoints);
}
