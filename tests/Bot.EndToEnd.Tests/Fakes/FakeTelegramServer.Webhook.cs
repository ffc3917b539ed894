using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Bot.EndToEnd.Tests.Fakes;

// Webhook mode: setWebhook, deleteWebhook and getWebhookInfo, and delivery as Telegram does it: each update POSTed
// to the registered URL in order, with the secret header; anything but a 2xx is retried after a pause.
public sealed partial class FakeTelegramServer
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly List<WebhookDelivery> _webhookDeliveries = [];
    private string? _webhookUrl;
    private string? _webhookSecret;
    private Task? _webhookLoop;
    private string[] _webhookTargets = [];
    private int _nextTarget;

    /// <summary>The pause before an update the bot did not take (non-2xx or no answer) is sent again.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Where updates go instead of the URL set with setWebhook, as a load balancer in front of several nodes would
    /// spread them: each delivery to the next URL in turn, so an update a node did not take (down, or not 2xx) is
    /// retried on the next one. Empty (the default): the URL set with setWebhook. Delivery still waits for setWebhook.
    /// </summary>
    public IReadOnlyList<string> WebhookTargets
    {
        get => Locked(() => _webhookTargets);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _webhookTargets = [.. value];
                SignalLocked();
            }
        }
    }

    /// <summary>The URL set with setWebhook; null while the bot polls.</summary>
    public string? WebhookUrl => Locked(() => _webhookUrl);

    /// <summary>The secret token set with setWebhook.</summary>
    public string? WebhookSecret => Locked(() => _webhookSecret);

    /// <summary>Every POST to the webhook so far: which update and the HTTP status the bot answered (0: no answer).</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => Locked(() => _webhookDeliveries.ToArray());

    /// <summary>Waits until a delivery to the webhook matches.</summary>
    public Task<WebhookDelivery> WaitForWebhookDeliveryAsync(Func<WebhookDelivery, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var limit = timeout ?? DefaultWaitTimeout;
        return WaitUntilAsync(
            () => _webhookDeliveries.FirstOrDefault(predicate) is { } found ? (true, found) : (false, null!),
            limit,
            () => $"No webhook delivery matched within {Seconds(limit)} s; deliveries: "
                + string.Join(", ", _webhookDeliveries.Select(d => $"{d.UpdateId}→{d.Url}:{d.Status}")));
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private FakeTelegramReply SetWebhookLocked(FakeTelegramRequest request)
    {
        var url = request.GetString("url") ?? string.Empty;
        if (url.Length == 0)
        {
            _webhookUrl = null;
            _webhookSecret = null;
            return FakeTelegramReply.True();
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return FakeTelegramReply.BadRequest("bad webhook: invalid webhook URL specified");
        }

        var secret = request.GetString("secret_token");
        if (secret is not null && (secret.Length is 0 or > 256
            || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            return FakeTelegramReply.BadRequest("secret token contains unallowed characters");
        }

        if (request.GetJson("allowed_updates") is JsonArray allowed)
        {
            _allowedUpdates = allowed.Count == 0 ? null : [.. allowed.Select(kind => kind!.GetValue<string>())];
        }

        if (request.GetBoolean("drop_pending_updates"))
        {
            _updates.Clear();
        }

        _webhookUrl = url;
        _webhookSecret = secret;
        // A long poll running when the webhook is set ends as Telegram ends it.
        if (_activePoll is not null)
        {
            _activePoll.IsTerminated = true;
        }

        _webhookLoop ??= Task.Run(DeliverToWebhookAsync);
        return FakeTelegramReply.True();
    }

    private FakeTelegramReply WebhookInfoLocked() => FakeTelegramReply.Ok(new JsonObject
    {
        ["url"] = _webhookUrl ?? string.Empty,
        ["has_custom_certificate"] = false,
        ["pending_update_count"] = _updates.Count,
    });

    private async Task DeliverToWebhookAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            PendingUpdate? next;
            string? url;
            string? secret;
            Task changed;
            lock (_gate)
            {
                _updates.RemoveAll(update => !IsWantedLocked(update.Kind));
                url = _webhookUrl is null || _webhookTargets.Length == 0
                    ? _webhookUrl
                    : _webhookTargets[_nextTarget % _webhookTargets.Length];
                secret = _webhookSecret;
                next = url is null ? null : _updates.FirstOrDefault();
                if (next is not null)
                {
                    _nextTarget++;
                }
                changed = _changed.Task;
            }

            if (next is null)
            {
                await changed.WaitAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            var status = await PostAsync(http, url!, secret, next.Json, stopping).ConfigureAwait(false);
            bool taken;
            lock (_gate)
            {
                _webhookDeliveries.Add(new WebhookDelivery(next.UpdateId, status, url!));
                taken = status is >= 200 and < 300;
                if (taken)
                {
                    _updates.RemoveAll(update => update.UpdateId == next.UpdateId);
                }

                SignalLocked();
            }

            if (!taken)
            {
                await Task.Delay(WebhookRetryDelay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static async Task<int> PostAsync(HttpClient http, string url, string? secret, JsonObject update,
        CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.Add(SecretHeader, secret);
        }

        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return 0;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }
}

/// <summary>One POST of an update to the bot's webhook, where to, and the status it answered (0: no answer).</summary>
public sealed record WebhookDelivery(long UpdateId, int Status, string Url);
