using Bot.Core.Domain;
using Bot.Host.Pipeline;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;

namespace Bot.Host.Platforms.Telegram;

/// <summary>Downloads a file by its file_id: getFile, then the file path (the Bot API hands bots up to 20 MB).</summary>
internal sealed class TelegramMediaFetcher(ITelegramBotClient bot) : IMediaFetcher
{
    public Platform Platform => Platform.Telegram;

    public async Task<MediaFetch> FetchAsync(MediaSource source, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            var file = await bot.GetFile(source.FileId, ct).ConfigureAwait(false);
            if (file.FileSize > maxBytes)
            {
                return new MediaFetch.TooLarge();
            }

            if (file.FilePath is not { } path)
            {
                return new MediaFetch.Failed("no file path");
            }

            using var buffer = new MemoryStream();
            await bot.DownloadFile(path, buffer, ct).ConfigureAwait(false);
            return buffer.Length > maxBytes ? new MediaFetch.TooLarge() : new MediaFetch.Fetched(buffer.ToArray());
        }
        catch (ApiRequestException ex) when (ex.Message.Contains("too big", StringComparison.OrdinalIgnoreCase))
        {
            return new MediaFetch.TooLarge();
        }
        catch (ApiRequestException ex)
        {
            return new MediaFetch.Failed($"{ex.ErrorCode}");
        }
        catch (RequestException ex)
        {
            return new MediaFetch.Failed(ex.GetType().Name);
        }
    }
}
