namespace Bot.Discord.Rest;

/// <summary>
/// One REST call's route. <see cref="Template"/> names the route for rate-limit keys before Discord tells us its
/// bucket; <see cref="MajorParameter"/> is the top-level resource (channel, guild, webhook id + token) that splits
/// one bucket into independent limits.
/// </summary>
internal sealed record RestRoute(
    HttpMethod Method,
    string Template,
    string Path,
    string MajorParameter,
    bool UsesBotToken)
{
    public string RouteKey => $"{Method.Method} {Template}";

    /// <summary>Interaction callbacks and follow-ups authenticate with the interaction token and are exempt.</summary>
    public bool CountsTowardGlobalLimit => UsesBotToken;

    public static RestRoute Bot(HttpMethod method, string template, string path, string majorParameter = "") =>
        new(method, template, path, majorParameter, UsesBotToken: true);

    public static RestRoute InteractionToken(HttpMethod method, string template, string path, string majorParameter) =>
        new(method, template, path, majorParameter, UsesBotToken: false);
}
