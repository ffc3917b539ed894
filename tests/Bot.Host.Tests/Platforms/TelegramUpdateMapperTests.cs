using Bot.Core.Application.Messages;
using Bot.Core.Domain;
using Bot.Host.Platforms.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Host.Tests.Platforms;

public sealed class TelegramUpdateMapperTests
{
    private const string BotName = "botsuite_bot";
    private static readonly User Alex = new() { Id = 42, FirstName = "Alex", IsBot = false };
    private static readonly Chat PrivateChat = new() { Id = 42, Type = ChatType.Private };
    private static readonly Chat Group = new() { Id = -100123, Type = ChatType.Supergroup, Title = "Us" };

    private static Update TextUpdate(string? text, Chat chat, User? from = null) =>
        new() { Id = 1, Message = new Message { Id = 7, From = from ?? Alex, Chat = chat, Date = DateTime.UtcNow, Text = text } };

    [Fact]
    public void Map_CommandWithArguments_GivesLowerCaseCommandAndTrimmedArguments()
    {
        var mapped = TelegramUpdateMapper.Map(TextUpdate("/JOIN  abcde-fghjk ", PrivateChat), BotName);

        var command = Assert.IsType<CommandReceived>(mapped);
        Assert.Equal("join", command.Command);
        Assert.Equal("abcde-fghjk", command.Arguments);
        Assert.True(command.IsPrivate);
        Assert.Equal(new ChatUser(Platform.Telegram, "42"), command.From);
        Assert.Equal(new ChatAddress(Platform.Telegram, "42"), command.Chat);
        Assert.Equal("Alex", command.FromName);
    }

    [Fact]
    public void Map_CommandAddressedToThisBotInAGroup_DropsTheSuffix()
    {
        var mapped = TelegramUpdateMapper.Map(TextUpdate("/home@BotSuite_Bot", Group), BotName);

        var command = Assert.IsType<CommandReceived>(mapped);
        Assert.Equal("home", command.Command);
        Assert.False(command.IsPrivate);
        Assert.Equal("-100123", command.Chat.ChatId);
    }

    [Fact]
    public void Map_CommandForAnotherBot_IsIgnored()
    {
        Assert.Null(TelegramUpdateMapper.Map(TextUpdate("/start@other_bot", Group), BotName));
    }

    [Fact]
    public void Map_PlainText_GivesTextReceived()
    {
        var mapped = TelegramUpdateMapper.Map(TextUpdate("I felt loved on Tuesday", PrivateChat), BotName);

        var text = Assert.IsType<TextReceived>(mapped);
        Assert.Equal(("I felt loved on Tuesday", "7"), (text.Text, text.MessageId));
    }

    [Fact]
    public void Map_StickerInPrivate_GivesEmptyTextSoTheBotCanExplain()
    {
        var update = new Update
        {
            Id = 2,
            Message = new Message { Id = 8, From = Alex, Chat = PrivateChat, Date = DateTime.UtcNow, Sticker = new Sticker { FileId = "x", FileUniqueId = "y" } },
        };

        Assert.Equal("", Assert.IsType<TextReceived>(TelegramUpdateMapper.Map(update, BotName)).Text);
    }

    [Fact]
    public void Map_EditedMessage_InPrivateGivesMessageEditedWithItsIdAndNewWords_InAGroupIsIgnored()
    {
        Update Edited(Chat chat) => new()
        {
            Id = 3,
            EditedMessage = new Message { Id = 9, From = Alex, Chat = chat, Date = DateTime.UtcNow, Text = "fixed a typo" },
        };

        var mapped = Assert.IsType<MessageEdited>(TelegramUpdateMapper.Map(Edited(PrivateChat), BotName));

        Assert.Equal((Alex.FirstName, true, "9", "fixed a typo"), (mapped.FromName, mapped.IsPrivate, mapped.MessageId, mapped.Text));
        Assert.Null(TelegramUpdateMapper.Map(Edited(Group), BotName));
    }

    [Fact]
    public void Map_NonTextInAGroupOrFromABot_IsIgnored()
    {
        var otherBot = new User { Id = 99, FirstName = "Helper", IsBot = true };

        Assert.Null(TelegramUpdateMapper.Map(TextUpdate(null, Group), BotName));
        Assert.Null(TelegramUpdateMapper.Map(TextUpdate("/start", PrivateChat, otherBot), BotName));
    }

    [Fact]
    public void Map_ButtonPress_GivesChoiceWithPayloadAndTheMessagesChat()
    {
        var update = new Update
        {
            Id = 3,
            CallbackQuery = new CallbackQuery
            {
                Id = "cb1",
                From = Alex,
                ChatInstance = "ci",
                Data = "unpair:12",
                Message = new Message { Id = 9, Chat = Group, Date = DateTime.UtcNow, Text = "Sure?" },
            },
        };

        var choice = Assert.IsType<ChoiceSelected>(TelegramUpdateMapper.Map(update, BotName));

        Assert.Equal("unpair:12", choice.Payload);
        Assert.Equal("-100123", choice.Chat.ChatId);
        Assert.False(choice.IsPrivate);
    }

    [Fact]
    public void Map_SomeoneJoiningAGroup_IsAChatChangeNamingThem()
    {
        var sam = new User { Id = 43, FirstName = "Sam" };
        var update = new Update
        {
            Id = 2,
            ChatMember = new ChatMemberUpdated
            {
                Chat = Group,
                From = sam,
                Date = DateTime.UtcNow,
                OldChatMember = new ChatMemberLeft { User = sam },
                NewChatMember = new ChatMemberMember { User = sam },
            },
        };

        var change = Assert.IsType<ChatChanged>(TelegramUpdateMapper.Map(update, BotName));

        Assert.Equal(ChatChange.MemberJoined, change.Change);
        Assert.Equal(new ChatUser(Platform.Telegram, "43"), change.Member);
        Assert.Equal("-100123", change.Chat.ChatId);
    }

    [Fact]
    public void Map_TheBotRemovedFromAGroup_IsAChatChange()
    {
        var me = new User { Id = 777, FirstName = "BotSuite", IsBot = true };
        var update = new Update
        {
            Id = 3,
            MyChatMember = new ChatMemberUpdated
            {
                Chat = Group,
                From = Alex,
                Date = DateTime.UtcNow,
                OldChatMember = new ChatMemberMember { User = me },
                NewChatMember = new ChatMemberBanned { User = me },
            },
        };

        var change = Assert.IsType<ChatChanged>(TelegramUpdateMapper.Map(update, BotName));

        Assert.Equal(ChatChange.BotRemoved, change.Change);
    }

    [Fact]
    public void Map_AGroupUpgradedToASupergroup_IsAMoveToTheNewId()
    {
        var update = new Update
        {
            Id = 4,
            Message = new Message
            {
                Id = 8,
                From = Alex,
                Chat = new Chat { Id = -5001, Type = ChatType.Group },
                Date = DateTime.UtcNow,
                MigrateToChatId = -1001234,
            },
        };

        var change = Assert.IsType<ChatChanged>(TelegramUpdateMapper.Map(update, BotName));

        Assert.Equal(ChatChange.Moved, change.Change);
        Assert.Equal(new ChatAddress(Platform.Telegram, "-5001"), change.Chat);
        Assert.Equal(new ChatAddress(Platform.Telegram, "-1001234"), change.MovedTo);
    }

    [Fact]
    public void Map_VoiceNote_GivesTextReceivedWithTheMediaByFileId()
    {
        var update = new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 8,
                From = Alex,
                Chat = PrivateChat,
                Date = DateTime.UtcNow,
                Voice = new Voice { FileId = "voice-1", FileUniqueId = "u1", Duration = 3, FileSize = 900 },
            },
        };

        var text = Assert.IsType<TextReceived>(TelegramUpdateMapper.Map(update, BotName));

        Assert.Equal("", text.Text);
        Assert.Equal(new InboundMedia(MediaKind.Voice, new MediaSource(Platform.Telegram, "voice-1"), 900, "audio/ogg"), text.Media);
    }

    [Fact]
    public void Map_PhotoCaptionedWithACommand_GivesTheCommandWithTheLargestPhoto()
    {
        var update = new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 8,
                From = Alex,
                Chat = PrivateChat,
                Date = DateTime.UtcNow,
                Caption = "/memory our beach",
                Photo =
                [
                    new PhotoSize { FileId = "small", FileUniqueId = "s", Width = 90, Height = 60 },
                    new PhotoSize { FileId = "large", FileUniqueId = "l", Width = 1280, Height = 960, FileSize = 5000 },
                ],
            },
        };

        var command = Assert.IsType<CommandReceived>(TelegramUpdateMapper.Map(update, BotName));

        Assert.Equal(("memory", "our beach"), (command.Command, command.Arguments));
        Assert.Equal(("large", MediaKind.Photo), (command.Media!.Source.FileId, command.Media.Kind));
    }

    [Fact]
    public void Map_CommandReplyingToOnesOwnPhoto_TakesThatPhoto_ButNotSomeoneElses()
    {
        Message Reply(User author) => new()
        {
            Id = 9,
            From = Alex,
            Chat = PrivateChat,
            Date = DateTime.UtcNow,
            Text = "/memory",
            ReplyToMessage = new Message
            {
                Id = 8,
                From = author,
                Chat = PrivateChat,
                Date = DateTime.UtcNow,
                Photo = [new PhotoSize { FileId = "mine", FileUniqueId = "m", Width = 10, Height = 10 }],
            },
        };

        var own = Assert.IsType<CommandReceived>(TelegramUpdateMapper.Map(new Update { Id = 1, Message = Reply(Alex) }, BotName));
        var other = Assert.IsType<CommandReceived>(TelegramUpdateMapper.Map(
            new Update { Id = 2, Message = Reply(new User { Id = 7, FirstName = "Bot", IsBot = true }) }, BotName));

        Assert.Equal("mine", own.Media!.Source.FileId);
        Assert.Null(other.Media);
    }
}
