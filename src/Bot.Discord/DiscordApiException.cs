namespace Bot.Discord;

/// <summary>
/// Discord answered a REST call with an error status. <see cref="Code"/> is Discord's JSON error code
/// (e.g. 50007 cannot DM this user, 10062 unknown interaction); <see cref="ErrorsJson"/> holds the nested
/// per-field <c>errors</c> object of a 50035, raw.
/// </summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(int statusCode, int code, string message, string? errorsJson)
        : this(statusCode, code, message, errorsJson, null)
    {
    }

    internal DiscordApiException(
        int statusCode,
        int code,
        string message,
        string? errorsJson,
        Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
        ErrorsJson = errorsJson;
    }

    /// <summary>The HTTP status, e.g. 400, 401, 403, 404.</summary>
    public int StatusCode { get; }

    /// <summary>Discord's JSON error code; 0 when the body had none (e.g. a 401 or an HTML error page).</summary>
    public int Code { get; }

    public string? ErrorsJson { get; }

    public override string ToString() =>
        $"{GetType().FullName}: HTTP {StatusCode}, Discord code {Code}: {Message}"
        + (ErrorsJson is null ? string.Empty : $" {ErrorsJson}")
        + (StackTrace is null ? string.Empty : Environment.NewLine + StackTrace);
}
