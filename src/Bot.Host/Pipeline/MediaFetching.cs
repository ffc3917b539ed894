using Bot.Core.Application;
using Bot.Core.Domain;

namespace Bot.Host.Pipeline;

/// <summary>One platform's way of downloading a file someone sent, within a size cap.</summary>
internal interface IMediaFetcher
{
    Platform Platform { get; }

    /// <summary>The file's bytes; <see cref="MediaFetch.TooLarge"/> when it is over <paramref name="maxBytes"/>.</summary>
    Task<MediaFetch> FetchAsync(MediaSource source, long maxBytes, CancellationToken ct);
}

/// <summary>How a download went.</summary>
internal abstract record MediaFetch
{
    private MediaFetch()
    {
    }

    public sealed record Fetched(byte[] Content) : MediaFetch;

    public sealed record TooLarge : MediaFetch;

    /// <summary>The platform did not hand it over (gone, network); the person is asked to send it again.</summary>
    public sealed record Failed(string Reason) : MediaFetch;

    /// <summary>Reads a response body up to <paramref name="maxBytes"/>, refusing anything longer.</summary>
    public static async Task<MediaFetch> ReadAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return new Fetched(buffer.ToArray());
    }
}

/// <summary>
/// Fetches the file that came with an update before the core handles it, outside any transaction: the core then
/// keeps the bytes (for the partner on the other platform and for /export) or tells the person why it cannot.
/// </summary>
internal sealed class MediaFetcher(IEnumerable<IMediaFetcher> fetchers, ILogger<MediaFetcher> logger)
{
    public async Task<InboundMedia> FetchAsync(InboundMedia media, bool isPrivate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.Content is not null || !isPrivate)
        {
            // Files in groups are not for us: nothing is fetched.
            return media;
        }

        if (media.Size > MediaLimits.MaxKeptBytes)
        {
            return media with { TooLargeToFetch = true };
        }

        if (fetchers.FirstOrDefault(f => f.Platform == media.Source.Platform) is not { } fetcher)
        {
            return media;
        }

        try
        {
            return await fetcher.FetchAsync(media.Source, MediaLimits.MaxKeptBytes, ct).ConfigureAwait(false) switch
            {
                MediaFetch.Fetched fetched => media with { Content = fetched.Content },
                MediaFetch.TooLarge => media with { TooLargeToFetch = true },
                MediaFetch.Failed failed => Logged(media, failed.Reason),
                _ => media,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return Logged(media, ex.GetType().Name);
        }
    }

    private InboundMedia Logged(InboundMedia media, string reason)
    {
        logger.LogWarning("Could not fetch a {Kind} from {Platform}: {Reason}", media.Kind, media.Source.Platform, reason);
        return media;
    }
}
