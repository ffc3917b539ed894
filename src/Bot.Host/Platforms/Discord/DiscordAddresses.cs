using Bot.Core.Domain;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// How the adapter names Discord places as core chat ids: a person's DMs as "@userId" (the DM channel is looked up
/// when sending), an interaction awaiting its answer as "ix:appId:token" ("ixe:" when only its author may see it),
/// and any other channel by its id.
/// </summary>
internal static class DiscordAddresses
{
    private const string InteractionPrefix = "ix:";
    private const string EphemeralInteractionPrefix = "ixe:";

    public static ChatAddress Person(string userId) => new(Platform.Discord, "@" + userId);

    public static ChatAddress Channel(string channelId) => new(Platform.Discord, channelId);

    public static ChatAddress Interaction(string applicationId, string token, bool isEphemeral) =>
        new(Platform.Discord, $"{(isEphemeral ? EphemeralInteractionPrefix : InteractionPrefix)}{applicationId}:{token}");

    public static bool TryGetPerson(ChatAddress address, out string userId)
    {
        userId = address.ChatId.StartsWith('@') ? address.ChatId[1..] : "";
        return userId.Length > 0;
    }

    public static bool TryGetInteraction(ChatAddress address, out string applicationId, out string token, out bool isEphemeral)
    {
        isEphemeral = address.ChatId.StartsWith(EphemeralInteractionPrefix, StringComparison.Ordinal);
        var rest = isEphemeral ? address.ChatId[EphemeralInteractionPrefix.Length..]
            : address.ChatId.StartsWith(InteractionPrefix, StringComparison.Ordinal) ? address.ChatId[InteractionPrefix.Length..]
            : null;
        var colon = rest?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        applicationId = colon > 0 ? rest![..colon] : "";
        token = colon > 0 ? rest![(colon + 1)..] : "";
        return colon > 0 && token.Length > 0;
    }
}
