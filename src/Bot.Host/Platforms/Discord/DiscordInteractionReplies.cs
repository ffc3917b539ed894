using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Bot.Core.Ports;

namespace Bot.Host.Platforms.Discord;

/// <summary>A message as Discord receives it: already escaped text, buttons, flags and an optional file.</summary>
internal sealed record DiscordMessage(
    string Content, IReadOnlyList<IReadOnlyList<DiscordButton>> Rows, bool Silent, Bot.Core.Application.Messages.Attachment? File)
{
    /// <summary>Embeds under the text (a letter's sections).</summary>
    public IReadOnlyList<DiscordEmbedPlan> Embeds { get; init; } = [];
}

/// <summary>A button under a message.</summary>
internal sealed record DiscordButton(string Label, string CustomId, bool IsPrimary);

/// <summary>
/// Replies through an interaction's token: the first fills in the deferred "thinking…" message, later ones follow
/// up. Discord.Net answers an interaction only through the object it received, which a restart (or another node)
/// does not have; these two webhook calls work from the stored token alone, for the token's 15 minutes.
/// </summary>
internal sealed class DiscordInteractionReplies(HttpClient http)
{
    private const int EphemeralFlag = 1 << 6;
    private const int SuppressNotificationsFlag = 1 << 12;

    public Task<DeliveryResult> SendAsync(PendingInteraction interaction, bool ephemeral, DiscordMessage message,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var path = $"webhooks/{interaction.ApplicationId}/{Uri.EscapeDataString(interaction.Token)}";
        var flags = (message.Silent ? SuppressNotificationsFlag : 0) | (ephemeral && interaction.Replied ? EphemeralFlag : 0);
        return interaction.Replied
            ? SendAsync(HttpMethod.Post, path + "?wait=true", message, flags, ct)
            : SendAsync(HttpMethod.Patch, path + "/messages/@original", message, flags, ct);
    }

    private async Task<DeliveryResult> SendAsync(HttpMethod method, string path, DiscordMessage message, int flags,
        CancellationToken ct)
    {
        var body = Body(message, flags);
        using var request = new HttpRequestMessage(method, path);
        if (message.File is { } file)
        {
            body["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = file.FileName });
            var form = new MultipartFormDataContent
            {
                { new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), "payload_json" },
            };
            var content = new ReadOnlyMemoryContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(content, "files[0]", file.FileName);
            request.Content = form;
        }
        else
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult.Failed(ex.GetType().Name);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Ok;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                var global = response.Headers.TryGetValues("X-RateLimit-Global", out var values)
                    && values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
                return new DeliveryResult.RateLimited(retryAfter) { OnlyThisChat = !global };
            }

            var error = await ReadErrorAsync(response, ct).ConfigureAwait(false);
            return DiscordCall.Outcome((int)response.StatusCode, error.Code, error.Message);
        }
    }

    /// <summary>
    /// True for Discord's answers that the interaction's token is no longer of use: unknown interaction or webhook,
    /// or an invalid webhook token (its 15 minutes are over).
    /// </summary>
    public static bool IsExpired(DeliveryResult result) =>
        result is DeliveryResult.Rejected { Reason: var reason }
        && (reason.StartsWith("10062 ", StringComparison.Ordinal) || reason.StartsWith("10015 ", StringComparison.Ordinal)
            || reason.StartsWith("50027 ", StringComparison.Ordinal));

    private static JsonObject Body(DiscordMessage message, int flags)
    {
        var body = new JsonObject
        {
            ["content"] = message.Content,
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
            ["components"] = new JsonArray([.. message.Rows.Select(row => (JsonNode)new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray([.. row.Select(button => (JsonNode)new JsonObject
                {
                    ["type"] = 2,
                    ["style"] = button.IsPrimary ? 1 : 2,
                    ["label"] = button.Label,
                    ["custom_id"] = button.CustomId,
                })]),
            })]),
        };
        if (message.Embeds.Count > 0)
        {
            body["embeds"] = new JsonArray([.. message.Embeds.Select(embed => (JsonNode)EmbedJson(embed))]);
        }

        if (flags != 0)
        {
            body["flags"] = flags;
        }

        return body;
    }

    private static JsonObject EmbedJson(DiscordEmbedPlan embed)
    {
        var json = new JsonObject
        {
            ["fields"] = new JsonArray([.. embed.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["value"] = f.Value,
                ["inline"] = f.Inline,
            })]),
        };
        if (embed.Description.Length > 0)
        {
            json["description"] = embed.Description;
        }

        if (embed.Footer is { } footer)
        {
            json["footer"] = new JsonObject { ["text"] = footer };
        }

        return json;
    }

    private static async Task<(int? Code, string Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            return ((int?)json?["code"], (string?)json?["message"] ?? response.ReasonPhrase ?? "");
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, response.ReasonPhrase ?? "");
        }
    }
}
