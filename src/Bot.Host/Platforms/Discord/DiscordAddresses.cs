using System.Globalization;
using Bot.Core.Domain;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// How the adapter names Discord places as core chat ids: a person's DMs as "@userId" (the DM channel is looked up
/// when sending), an interaction awaiting its answer as "ix:interactionId:userId" ("ixe:" when only its author may
/// see it; its token is kept encrypted in <see cref="DiscordStateStore"/>, never in an address), and any other
/// channel by its id.
/// </summary>
internal static class DiscordAddresses
{
    private const string InteractionPrefix = "ix:";
    private const string EphemeralInteractionPrefix = "ixe:";

    public static ChatAddress Person(ulong userId) => new(Platform.Discord, "@" + Id(userId));

    public static ChatAddress Channel(ulong channelId) => new(Platform.Discord, Id(channelId));

    public static ChatAddress Interaction(ulong interactionId, ulong userId, bool isEphemeral) =>
        new(Platform.Discord,
            $"{(isEphemeral ? EphemeralInteractionPrefix : InteractionPrefix)}{Id(interactionId)}:{Id(userId)}");

    public static bool TryGetPerson(ChatAddress address, out ulong userId)
    {
        userId = 0;
        return address.ChatId.StartsWith('@') && TryParse(address.ChatId.AsSpan(1), out userId);
    }

    public static bool TryGetChannel(ChatAddress address, out ulong channelId) => TryParse(address.ChatId, out channelId);

    public static bool TryGetInteraction(ChatAddress address, out ulong interactionId, out ulong userId, out bool isEphemeral)
    {
        interactionId = userId = 0;
        isEphemeral = address.ChatId.StartsWith(EphemeralInteractionPrefix, StringComparison.Ordinal);
        var rest = isEphemeral ? address.ChatId.AsSpan(EphemeralInteractionPrefix.Length)
            : address.ChatId.StartsWith(InteractionPrefix, StringComparison.Ordinal) ? address.ChatId.AsSpan(InteractionPrefix.Length)
            : [];
        var colon = rest.IndexOf(':');
        return colon > 0 && TryParse(rest[..colon], out interactionId) && TryParse(rest[(colon + 1)..], out userId);
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static bool TryParse(ReadOnlySpan<char> text, out ulong id) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
