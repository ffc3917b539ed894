using Bot.Discord.Models;

namespace Bot.Discord;

/// <summary>Settings shared by the REST and gateway clients.</summary>
public sealed class DiscordClientOptions
{
    public const string DefaultUserAgent = "DiscordBot (https://github.com/botsuite, 1.0)";

    /// <summary>The bot token from the Developer Portal, without the "Bot " prefix.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>
    /// REST base. "/api/v10" is added when the path does not end with it, so a bare host such as
    /// <c>http://127.0.0.1:5000</c> also works.
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>
    /// Gateway URL override (e.g. a test server). When null the gateway client asks
    /// <see cref="GatewayUrlResolver"/>, typically <c>DiscordRestClient.GetGatewayUrlAsync</c>.
    /// </summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Finds the gateway URL when <see cref="GatewayUrl"/> is unset; asked again if a connect fails.</summary>
    public Func<CancellationToken, Task<Uri>>? GatewayUrlResolver { get; set; }

    /// <summary>Only the intents the bot uses; a DM bot needs <see cref="GatewayIntents.DirectMessages"/>.</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds | GatewayIntents.DirectMessages;

    public string UserAgent { get; set; } = DefaultUserAgent;

    internal Uri ResolveApiBase()
    {
        ArgumentNullException.ThrowIfNull(ApiBaseUrl);
        if (!ApiBaseUrl.IsAbsoluteUri)
        {
            throw new InvalidOperationException("Discord ApiBaseUrl must be an absolute URL.");
        }

        var path = ApiBaseUrl.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/api/v10", StringComparison.OrdinalIgnoreCase))
        {
            // Without the trailing slash a relative route would replace the "v10" segment.
            return new Uri(ApiBaseUrl.GetLeftPart(UriPartial.Authority) + path + "/");
        }

        if (path.Contains("/api/v", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "Discord ApiBaseUrl names another API version; this client speaks v10.");
        }

        var prefix = path.EndsWith("/api", StringComparison.OrdinalIgnoreCase) ? path + "/v10/" : path + "/api/v10/";
        return new Uri(ApiBaseUrl.GetLeftPart(UriPartial.Authority) + prefix);
    }
}
