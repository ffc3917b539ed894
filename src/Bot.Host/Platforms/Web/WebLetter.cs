using System.Net;
using System.Text;
using Bot.Core.Application.Messages;

namespace Bot.Host.Platforms.Web;

/// <summary>
/// A letter as simple HTML for the playground's page: the question in bold, each answer as "Name: words" with the
/// words set apart as a quote. Every piece is HTML-encoded here, so the page may insert it as markup.
/// </summary>
internal static class WebLetter
{
    public static string Html(Letter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var html = new StringBuilder("<div class=\"letter\">");
        if (letter.Opening.Length > 0)
        {
            html.Append("<p>").Append(Encode(letter.Opening)).Append("</p>");
        }

        foreach (var section in letter.Sections)
        {
            html.Append("<section>");
            if (section.Heading is { } heading)
            {
                html.Append("<h4>").Append(Encode(heading)).Append(section.Continued ? " (continued)" : "").Append("</h4>");
            }

            foreach (var part in section.Parts)
            {
                html.Append(part switch
                {
                    LetterAnswer { Words: { } words } answer =>
                        $"<p class=\"answer\"><b>{Encode(answer.Author)}</b>{(answer.Continued ? " (continued)" : "")}: <span class=\"words\">{Encode(words)}</span></p>",
                    LetterAnswer answer => $"<p class=\"answer\"><b>{Encode(answer.Author)}</b> <i>{Encode(answer.Note ?? "")}</i></p>",
                    _ => $"<p>{Encode(part.PlainText)}</p>",
                });
            }

            html.Append("</section>");
        }

        if (letter.Closing.Length > 0)
        {
            html.Append("<p><i>").Append(Encode(letter.Closing)).Append("</i></p>");
        }

        return html.Append("</div>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
