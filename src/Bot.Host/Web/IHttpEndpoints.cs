using Microsoft.AspNetCore.Routing;

namespace Bot.Host.Web;

/// <summary>A part of the host that answers HTTP requests on the host's web server (the playground, say).</summary>
internal interface IHttpEndpoints
{
    /// <summary>What a person finds at the root of these endpoints, for the line logged on start.</summary>
    string Title { get; }

    void Map(IEndpointRouteBuilder endpoints);
}
