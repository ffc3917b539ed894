using Bot.Core.Domain;

namespace Bot.Core.Application;

/// <summary>
/// The built-in quizzes, written for this project: "how well do you know me" quizzes, where each answers about
/// themselves and guesses the partner, and love-language quizzes about what makes each feel loved.
/// </summary>
public sealed class QuizCatalog
{
    private readonly Dictionary<string, Quiz> _byId;

    public QuizCatalog(IReadOnlyList<Quiz> quizzes)
    {
        ArgumentNullException.ThrowIfNull(quizzes);
        Quizzes = quizzes;
        _byId = quizzes.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Quiz> Quizzes { get; }

    public Quiz? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    /// <summary>The quizzes that ship with the bot.</summary>
    public static QuizCatalog BuiltIn { get; } = new(
    [
        KnowMe("weekend", "🌤 A perfect weekend", "Lazy mornings or big plans? Let's see how well you know each other's ideal weekend.",
            Item("Saturday morning, no alarm. I'd most like to…", "sleep in as long as I can", "get up early and make the most of it", "have a slow breakfast in bed", "go for a walk while it's quiet"),
            Item("The perfect weekend meal is…", "something we cook together", "a favourite place we know well", "somewhere new we've never tried", "whatever is in the fridge, on the sofa"),
            Item("If a free afternoon appeared out of nowhere, I'd…", "go outside, anywhere green", "curl up with a book or a show", "see friends or family", "finally do that thing on my list"),
            Item("My energy by Sunday evening is usually…", "recharged and ready", "a bit tired but happy", "already thinking about Monday"),
            Item("A weekend away sounds best…", "by the sea", "in a city with lots to see", "in a cabin with no plans", "wherever you are going")),
        KnowMe("comfort", "🫖 Comfort and cosy", "The small things that make each of you feel at home.",
            Item("After a long day, the first thing I want is…", "a hug", "a shower and quiet", "to talk it all through", "food, right now"),
            Item("My favourite comfort food is closest to…", "something warm in a bowl", "something sweet", "something crispy and salty", "a dish from my childhood"),
            Item("When I'm under the weather I'd like you to…", "fuss over me a little", "leave me to rest", "keep me company on the sofa"),
            Item("My cosiest spot at home is…", "the bed", "the sofa", "the kitchen", "wherever the sun comes in"),
            Item("The sound that relaxes me most is…", "rain on the window", "music I love", "complete silence", "people I love chatting nearby")),
        KnowMe("childhood", "🧸 Growing up", "Little stories from before you met.",
            Item("As a child I was mostly…", "the quiet one with a book", "always outside", "the one making everyone laugh", "the organiser of games"),
            Item("The subject I liked best at school was…", "something creative, like art or music", "something with numbers or science", "languages or stories", "anything outdoors, like sport"),
            Item("When I was little I wanted to become…", "something brave, like a firefighter or astronaut", "something caring, like a doctor or teacher", "something creative, like an artist", "I honestly changed my mind every week"),
            Item("A childhood treat that still makes me smile is…", "a special meal at home", "a trip somewhere", "staying up late", "a present I still remember"),
            Item("At family gatherings I was usually…", "with the grown-ups, listening", "running around with the other kids", "helping in the kitchen", "hiding somewhere quiet")),
        KnowMe("dreams", "✨ Dreams and someday", "Wishes big and small, and the life you picture.",
            Item("If money were no object for a year, I'd…", "travel far and slowly", "learn something new properly", "build or make something of my own", "give a lot of it away"),
            Item("A skill I'd love to have is…", "playing an instrument", "speaking another language fluently", "cooking like a chef", "making things with my hands"),
            Item("In ten years I picture us…", "somewhere new", "right where we are, just cosier", "surrounded by people we love", "I like not knowing yet"),
            Item("A place I'd love to see one day is…", "somewhere with mountains", "a faraway city", "an island", "somewhere wild and remote"),
            Item("My idea of a brave adventure is…", "a trip with no plan", "changing my work or path", "something physical, like a long hike", "saying yes to something that scares me")),
        KnowMe("everyday", "☕ Everyday us", "The small habits that make up your days.",
            Item("In the morning I'm…", "up and chatty", "quiet until coffee or tea", "rushing, every single day"),
            Item("My favourite way to say goodbye in the morning is…", "a kiss", "a silly line", "a quick message later", "a long hug"),
            Item("The chore I mind least is…", "cooking", "tidying up", "shopping", "laundry"),
            Item("When we watch something together I'd pick…", "a comedy", "a drama that makes me cry", "a documentary", "something scary"),
            Item("The best part of my day is usually…", "the morning, before it gets busy", "lunch time", "coming home", "the quiet before sleep")),
        KnowMe("feelings", "💭 Inside my head", "How each of you feels and copes. Gentle ones, no wrong answers.",
            Item("When I'm worried I usually…", "want to talk it out", "need time alone first", "keep busy", "look for a plan"),
            Item("I feel most proud when…", "I've helped someone", "I've finished something hard", "someone notices my effort", "I stayed calm when it was tough"),
            Item("When we disagree, what helps me most is…", "a short pause before we talk", "talking it through right away", "a hug before anything else", "writing down what I mean"),
            Item("A compliment that would really land with me is about…", "how I look", "how I treat people", "something I made or did", "how I make you feel"),
            Item("When I'm happy you can tell because I…", "sing or hum", "talk a lot", "get playful", "go quiet and smiley")),
        KnowMe("food", "🍝 Taste test", "Favourite flavours and table habits.",
            Item("If I could only eat one cuisine forever, it would be…", "Italian", "something spicy", "home cooking from where I grew up", "anything, as long as there's dessert"),
            Item("My ideal breakfast is…", "something sweet", "something savoury", "just a hot drink", "a big brunch, later"),
            Item("At a restaurant I usually…", "order what I always order", "try the strangest thing on the menu", "ask what you're having first", "take ages to decide"),
            Item("The food I'd happily skip forever is…", "anything too spicy", "mushrooms", "olives", "I'll eat nearly anything"),
            Item("My favourite treat is…", "chocolate", "ice cream", "cheese", "fresh fruit")),
        KnowMe("us", "💞 Our story", "How you each remember the two of you.",
            Item("What I noticed first about you was…", "your smile", "your voice or laugh", "how kind you were", "something you said"),
            Item("The moment I knew I really liked you was…", "on our first date", "during a long talk", "when you did something thoughtful", "it crept up slowly"),
            Item("Our best trip or day out so far was…", "one with lots of adventure", "one where we did almost nothing", "one with friends or family", "one that went wrong but became a story"),
            Item("The thing I'd most like us to do more of is…", "laughing together", "trying new things", "quiet time, just us", "planning our future"),
            Item("Our song, if we had to pick one, would be…", "something from when we met", "something silly", "something slow and tender", "we should really choose one")),
        LoveQuiz("loved", "💛 What makes me feel loved", "Five everyday moments: which one would warm your heart most? There are no better or worse answers, only yours.",
            Item("You've had a rough day. What helps most?",
                Option("hearing \"I'm proud of you\"", LoveLanguage.KindWords), Option("an evening together, phones away", LoveLanguage.TimeTogether),
                Option("finding the dishes already done", LoveLanguage.HelpingHand), Option("a long, quiet hug", LoveLanguage.Closeness)),
            Item("What would make an ordinary Tuesday special?",
                Option("a surprise note in my bag", LoveLanguage.KindWords), Option("a small thing you saw and thought of me", LoveLanguage.LittleGifts),
                Option("a walk together after dinner", LoveLanguage.TimeTogether), Option("you taking care of an errand I dreaded", LoveLanguage.HelpingHand)),
            Item("On my birthday, what would mean the most?",
                Option("a gift chosen with care", LoveLanguage.LittleGifts), Option("a whole day with just us two", LoveLanguage.TimeTogether),
                Option("a letter about what I mean to you", LoveLanguage.KindWords), Option("being held close all evening", LoveLanguage.Closeness)),
            Item("When we're apart for a while, what do I miss most?",
                Option("your touch", LoveLanguage.Closeness), Option("our talks", LoveLanguage.TimeTogether),
                Option("the little things you do for me", LoveLanguage.HelpingHand), Option("your messages and sweet words", LoveLanguage.KindWords)),
            Item("Which of these makes me feel most cared for?",
                Option("you remembering something small I wanted", LoveLanguage.LittleGifts), Option("you holding my hand in public", LoveLanguage.Closeness),
                Option("you fixing something before I even ask", LoveLanguage.HelpingHand), Option("you saying thank you for something I did", LoveLanguage.KindWords))),
        LoveQuiz("hardday", "🌧 Love on a hard day", "When things are heavy, what reaches you? Pick what feels truest for you right now.",
            Item("When I'm stressed at work, the kindest thing is…",
                Option("you telling me I'll get through it", LoveLanguage.KindWords), Option("you taking something off my plate", LoveLanguage.HelpingHand),
                Option("you sitting close to me", LoveLanguage.Closeness), Option("a treat waiting for me at home", LoveLanguage.LittleGifts)),
            Item("After we've had a disagreement, what helps me come back?",
                Option("hearing what you love about me", LoveLanguage.KindWords), Option("a hug, even before we talk", LoveLanguage.Closeness),
                Option("time together doing something easy", LoveLanguage.TimeTogether), Option("a small peace offering", LoveLanguage.LittleGifts)),
            Item("When I'm sad, I'd most like you to…",
                Option("just be with me, no fixing needed", LoveLanguage.TimeTogether), Option("hold me", LoveLanguage.Closeness),
                Option("handle dinner and the little things", LoveLanguage.HelpingHand), Option("remind me of what's good", LoveLanguage.KindWords)),
            Item("When I'm overwhelmed, a gesture that lands is…",
                Option("you making me a cup of something warm", LoveLanguage.HelpingHand), Option("a small surprise to cheer me up", LoveLanguage.LittleGifts),
                Option("an hour of your full attention", LoveLanguage.TimeTogether), Option("a hand on my back", LoveLanguage.Closeness)),
            Item("When I doubt myself, what helps most?",
                Option("you naming what I'm good at", LoveLanguage.KindWords), Option("you doing it with me, side by side", LoveLanguage.TimeTogether),
                Option("something you made or picked for me", LoveLanguage.LittleGifts), Option("you quietly clearing the way for me", LoveLanguage.HelpingHand))),
    ]);

    private static Quiz KnowMe(string id, string title, string blurb, params QuizItem[] items) =>
        new(id, QuizKind.KnowMe, title, blurb, items);

    private static Quiz LoveQuiz(string id, string title, string blurb, params QuizItem[] items) =>
        new(id, QuizKind.LoveLanguage, title, blurb, items);

    private static QuizItem Item(string prompt, params string[] options) =>
        new(prompt, [.. options.Select(o => new QuizOption(o))]);

    private static QuizItem Item(string prompt, params QuizOption[] options) => new(prompt, options);

    private static QuizOption Option(string text, LoveLanguage language) => new(text, language);
}
