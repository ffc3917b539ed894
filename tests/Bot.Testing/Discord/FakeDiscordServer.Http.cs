using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Bot.Testing.Discord;

// HTTP interactions: with an Interactions Endpoint URL set, Discord POSTs each interaction there, signed with the
// application's Ed25519 key (over the timestamp followed by the body), and takes the HTTP response as the callback.
public sealed partial class FakeDiscordServer
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private readonly Ed25519PrivateKeyParameters _signingKey = new(new SecureRandom());
    private readonly List<HttpInteractionDelivery> _httpDeliveries = [];
    private readonly HttpClient _interactionsHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The application's public key as the Developer Portal shows it (hex): <c>Discord:PublicKey</c>.</summary>
    public string PublicKey => Convert.ToHexStringLower(_signingKey.GeneratePublicKey().GetEncoded());

    /// <summary>When set, interactions go to this URL over HTTP instead of the gateway (the portal's setting).</summary>
    public Uri? InteractionsEndpoint { get; set; }

    /// <summary>Every interaction POSTed to the endpoint so far, with the status the bot answered (0: no answer).</summary>
    public IReadOnlyList<HttpInteractionDelivery> HttpInteractionDeliveries => Locked(() => _httpDeliveries.ToArray());

    /// <summary>
    /// Posts a payload to the endpoint as Discord would, or with a signature that does not match it; returns the
    /// status and body the bot answered. Tests use it for PING and for forged requests.
    /// </summary>
    public async Task<(int Status, string Body)> PostToInteractionsEndpointAsync(JsonObject payload, bool forgeSignature = false)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var endpoint = InteractionsEndpoint ?? throw new InvalidOperationException("Set InteractionsEndpoint first.");
        var body = payload.ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(timestamp, forgeSignature ? body + " " : body);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(SignatureHeader, signature);
        request.Headers.Add(TimestampHeader, timestamp);
        using var response = await _interactionsHttp.SendAsync(request).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>A PING as Discord sends it when the endpoint URL is saved in the portal.</summary>
    public JsonObject PingPayload() => new()
    {
        ["id"] = Locked(NextSnowflakeLocked),
        ["application_id"] = ApplicationId,
        ["type"] = 1,
        ["token"] = "ping-" + Guid.NewGuid().ToString("N"),
        ["version"] = 1,
    };

    private string Sign(string timestamp, string body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp + body);
        var signer = new Ed25519Signer();
        signer.Init(true, _signingKey);
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

    private async Task DeliverOverHttpAsync(JsonObject payload)
    {
        var id = payload["id"]!.GetValue<string>();
        var token = payload["token"]!.GetValue<string>();
        int status;
        string body;
        try
        {
            (status, body) = await PostToInteractionsEndpointAsync(payload).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            (status, body) = (0, "");
        }

        lock (_gate)
        {
            _httpDeliveries.Add(new HttpInteractionDelivery(id, status));
            if (status == 200)
            {
                // The response is the callback; too late (past the 3 s window) it counts for nothing, as on Discord.
                InteractionCallbackLocked(id, token, JsonNode.Parse(body));
            }

            SignalLocked();
        }
    }
}

/// <summary>One interaction POSTed to the bot's endpoint and the status it answered (0 when it did not answer).</summary>
public sealed record HttpInteractionDelivery(string InteractionId, int Status);
