using System.Text;

namespace Extractor.Review;

/// <summary>
/// Escapes text read from a document for HTML: every character that could end a text run, an attribute or a
/// raw-text element (<c>&lt;script&gt;</c>, <c>&lt;/style&gt;</c>) becomes an entity, so a form's cells can only
/// ever render as text.
/// </summary>
internal static class HtmlText
{
    /// <summary><paramref name="text"/> safe inside element content and inside a quoted attribute value.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\0': builder.Append('\uFFFD'); break;
                case '\n': builder.Append("&#10;"); break;
                case '\r': break;
                default:
                    // Other control characters are not allowed in HTML text; they show as the replacement character.
                    builder.Append(char.IsControl(c) && c != '\t' ? '\uFFFD' : c);
                    break;
            }
        }

        return builder.ToString();
    }
}
