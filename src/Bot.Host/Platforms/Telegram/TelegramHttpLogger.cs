using Microsoft.Extensions.Http.Logging;

namespace Bot.Host.Platforms.Telegram;

/// <summary>
/// Logs Telegram API calls by method name only. The Bot API carries the token in every request's path
/// (<c>/bot&lt;token&gt;/sendMessage</c>), so the HttpClient's own request logging, which prints the whole URL, is
/// removed for this client and this takes its place.
/// </summary>
internal sealed class TelegramHttpLogger(ILogger<TelegramHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(
        object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(response);
        logger.LogDebug("Telegram {ApiMethod} answered {Status} in {Elapsed} ms",
            ApiMethod(request), (int)response.StatusCode, (long)elapsed.TotalMilliseconds);
    }

    // The exception itself is logged (without the URL) by whoever catches it.
    public void LogRequestFailed(
        object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception,
        TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(exception);
        logger.LogDebug("Telegram {ApiMethod} failed after {Elapsed} ms ({Error})",
            ApiMethod(request), (long)elapsed.TotalMilliseconds, exception.GetType().Name);
    }

    /// <summary>"https://api.telegram.org/bot123:ABC/sendMessage" → "sendMessage": the last segment, never the token.</summary>
    internal static string ApiMethod(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.AbsolutePath ?? "";
        var slash = path.LastIndexOf('/');
        var method = slash >= 0 ? path[(slash + 1)..] : "";
        return method.Length > 0 && !method.Contains(':', StringComparison.Ordinal) ? method : "(unknown)";
    }
}
