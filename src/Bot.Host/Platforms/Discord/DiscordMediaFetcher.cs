using Bot.Core.Domain;
using Bot.Host.Pipeline;

namespace Bot.Host.Platforms.Discord;

/// <summary>Downloads an attachment from the address Discord gave with the message (its CDN; it expires after a while).</summary>
internal sealed class DiscordMediaFetcher(IHttpClientFactory clients) : IMediaFetcher
{
    public Platform Platform => Platform.Discord;

    public async Task<MediaFetch> FetchAsync(MediaSource source, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var address)
            || address.Scheme is not ("https" or "http"))
        {
            return new MediaFetch.Failed("no address");
        }

        var http = clients.CreateClient(nameof(DiscordMediaFetcher));
        using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return new MediaFetch.Failed($"{(int)response.StatusCode}");
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return new MediaFetch.TooLarge();
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await MediaFetch.ReadAsync(body, maxBytes, ct).ConfigureAwait(false);
    }
}
