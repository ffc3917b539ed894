using System.Text.Json.Nodes;

namespace Bot.EndToEnd.Tests.Fakes;

// Groups as the bot sees them: who is in them (getChatMemberCount, getChatMember), people joining and leaving
// (chat_member), the bot being removed (my_chat_member, then 403 on every call) and a group upgraded to a supergroup
// (a service message with migrate_to_chat_id, then 400 with parameters.migrate_to_chat_id at the old id).
public sealed partial class FakeTelegramServer
{
    private const string KickedDescription = "Forbidden: bot was kicked from the group chat";
    private const string UpgradedDescription = "Bad Request: group chat was upgraded to a supergroup chat";

    // Update kinds Telegram sends only when asked for by name.
    private static readonly string[] OptInUpdateKinds = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly Dictionary<long, HashSet<long>> _members = [];
    private readonly HashSet<long> _supergroups = [];
    private readonly HashSet<long> _botRemovedFrom = [];
    private readonly Dictionary<long, long> _migratedTo = [];

    /// <summary>Adds a basic group (type "group") with these members besides the bot; Telegram gives groups negative ids.</summary>
    public long AddGroup(long groupId, string title, params FakeTelegramUser[] members)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(groupId, 0);
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(members);
        lock (_gate)
        {
            _groups[groupId] = title;
            _members[groupId] = [.. members.Select(m => m.Id)];
            foreach (var member in members)
            {
                RememberUserLocked(member);
            }
        }

        return groupId;
    }

    /// <summary>The user joins the group: a <c>chat_member</c> update, if the bot asked for those.</summary>
    public long JoinGroup(FakeTelegramUser user, long groupId) => ChangeMembership(user, groupId, joins: true);

    /// <summary>The user leaves the group: a <c>chat_member</c> update, if the bot asked for those.</summary>
    public long LeaveGroup(FakeTelegramUser user, long groupId) => ChangeMembership(user, groupId, joins: false);

    /// <summary>
    /// <paramref name="by"/> removes the bot from the group: a <c>my_chat_member</c> update, and every later call
    /// for that group is answered 403.
    /// </summary>
    public long RemoveBotFromGroup(FakeTelegramUser by, long groupId)
    {
        ArgumentNullException.ThrowIfNull(by);
        lock (_gate)
        {
            RequireGroupLocked(groupId);
            _botRemovedFrom.Add(groupId);
            var update = MemberUpdateLocked(by, groupId, BotUserJson(),
                oldStatus: new JsonObject { ["status"] = "member" },
                newStatus: new JsonObject { ["status"] = "kicked", ["until_date"] = 0 });
            return EnqueueLocked("my_chat_member", update);
        }
    }

    /// <summary>
    /// <paramref name="by"/> upgrades the group to a supergroup with the same members: a service message with
    /// migrate_to_chat_id in the old group (unless <paramref name="announced"/> is false, as when the bot missed it),
    /// and every later call for the old id is answered 400 naming the new one. Returns the update id, or 0.
    /// </summary>
    public long MigrateGroup(FakeTelegramUser by, long groupId, long supergroupId, bool announced = true)
    {
        ArgumentNullException.ThrowIfNull(by);
        lock (_gate)
        {
            RequireGroupLocked(groupId);
            _groups[supergroupId] = _groups[groupId];
            _supergroups.Add(supergroupId);
            _members[supergroupId] = [.. _members[groupId]];
            _migratedTo[groupId] = supergroupId;
            if (!announced)
            {
                return 0;
            }

            var message = NewUserMessageJsonLocked(by, groupId);
            message["migrate_to_chat_id"] = supergroupId;
            return EnqueueLocked("message", message);
        }
    }

    private long ChangeMembership(FakeTelegramUser user, long groupId, bool joins)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            RequireGroupLocked(groupId);
            RememberUserLocked(user);
            var members = _members[groupId];
            if (joins)
            {
                members.Add(user.Id);
            }
            else
            {
                members.Remove(user.Id);
            }

            var update = MemberUpdateLocked(user, groupId, UserJson(user),
                oldStatus: new JsonObject { ["status"] = joins ? "left" : "member" },
                newStatus: new JsonObject { ["status"] = joins ? "member" : "left" });
            return EnqueueLocked("chat_member", update);
        }
    }

    private JsonObject MemberUpdateLocked(
        FakeTelegramUser by, long groupId, JsonObject member, JsonObject oldStatus, JsonObject newStatus)
    {
        oldStatus["user"] = member.DeepClone();
        newStatus["user"] = member.DeepClone();
        return new JsonObject
        {
            ["chat"] = ChatJsonLocked(groupId),
            ["from"] = UserJson(by),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["old_chat_member"] = oldStatus,
            ["new_chat_member"] = newStatus,
        };
    }

    private void RequireGroupLocked(long groupId)
    {
        if (!_groups.ContainsKey(groupId))
        {
            throw new ArgumentException($"Group {groupId} is unknown; call AddGroup first.", nameof(groupId));
        }
    }

    private bool IsWantedLocked(string kind) =>
        _allowedUpdates?.Contains(kind) ?? !OptInUpdateKinds.Contains(kind);

    // A user who writes or taps in a group is in it.
    private void NoteMemberLocked(FakeTelegramUser user, long chatId)
    {
        if (_members.TryGetValue(chatId, out var members))
        {
            members.Add(user.Id);
        }
    }

    // What the real server says about a group the bot left or that moved, for any method naming it.
    private FakeTelegramReply? GroupGoneLocked(long chatId) =>
        _botRemovedFrom.Contains(chatId) ? FakeTelegramReply.Error(403, KickedDescription)
        : _migratedTo.TryGetValue(chatId, out var newId) ? FakeTelegramReply.Migrated(UpgradedDescription, newId)
        : null;

    private FakeTelegramReply GetChatMemberCountLocked(FakeTelegramRequest request)
    {
        var chatId = request.GetInt64("chat_id");
        if (CheckChatLocked(request, chatId) is { } error)
        {
            return error;
        }

        // The bot counts itself.
        return FakeTelegramReply.Ok(JsonValue.Create(_members.GetValueOrDefault(chatId!.Value)?.Count + 1 ?? 2));
    }

    private FakeTelegramReply GetChatMemberLocked(FakeTelegramRequest request)
    {
        var chatId = request.GetInt64("chat_id");
        if (CheckChatLocked(request, chatId) is { } error)
        {
            return error;
        }

        var userId = request.GetInt64("user_id");
        if (userId is not { } id || !_users.TryGetValue(id, out var user))
        {
            return FakeTelegramReply.BadRequest("user not found");
        }

        var isMember = _members.TryGetValue(chatId!.Value, out var members) ? members.Contains(id) : chatId == id;
        return FakeTelegramReply.Ok(new JsonObject
        {
            ["status"] = isMember ? "member" : "left",
            ["user"] = UserJson(user),
        });
    }

    private string ChatType(long chatId) => _supergroups.Contains(chatId) ? "supergroup" : "group";
}
