using Bot.Core.Application.Messages;
using Bot.Core.Domain;

namespace Bot.Host.Platforms.Web;

/// <summary>Turns what someone did in a playground pane into the core's message; each pane is one person's private chat.</summary>
internal static class WebInbound
{
    public static Inbound Typed(string pane, string name, string text)
    {
        var (user, chat) = (User(pane), Chat(pane));
        if (!text.StartsWith('/'))
        {
            return new TextReceived(user, name, chat, true, text);
        }

        var firstSpace = text.IndexOfAny([' ', '\n']);
        var command = firstSpace < 0 ? text[1..] : text[1..firstSpace];
        var arguments = firstSpace < 0 ? "" : text[(firstSpace + 1)..].Trim();
        return command.Length == 0
            ? new TextReceived(user, name, chat, true, text)
            : new CommandReceived(user, name, chat, true, command.ToLowerInvariant(), arguments);
    }

    public static Inbound Pressed(string pane, string name, string payload) =>
        new ChoiceSelected(User(pane), name, Chat(pane), true, payload);

    private static ChatUser User(string pane) => new(Platform.Web, pane);

    private static ChatAddress Chat(string pane) => new(Platform.Web, pane);
}
