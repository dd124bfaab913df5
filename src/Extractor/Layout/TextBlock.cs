using Extractor.Sources;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>
/// Text that belongs together on the page: one chunk of a line, or several chunks stacked in one cell
/// (a wrapped name, a label broken over lines).
/// </summary>
internal sealed class TextBlock
{
    /// <summary>Creates a block from one chunk of a line.</summary>
    public TextBlock(List<Glyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        Lines = [glyphs];
        Left = glyphs.Min(g => g.Left);
        Right = glyphs.Max(g => g.Right);
        Bottom = glyphs.Min(g => g.Bottom);
        Top = glyphs.Max(g => g.Top);
        LineHeight = glyphs.Max(g => g.Height);
    }

    /// <summary>The lines of the block, top first; each a chunk of glyphs left to right.</summary>
    public List<List<Glyph>> Lines { get; }

    /// <summary>Left edge.</summary>
    public double Left { get; private set; }

    /// <summary>Right edge.</summary>
    public double Right { get; private set; }

    /// <summary>Bottom edge.</summary>
    public double Bottom { get; private set; }

    /// <summary>Top edge.</summary>
    public double Top { get; private set; }

    /// <summary>Height of the block's tallest line.</summary>
    public double LineHeight { get; private set; }

    /// <summary>Horizontal centre.</summary>
    public double CenterX => (Left + Right) / 2;

    /// <summary>The block's text: lines joined by the whitespace rule.</summary>
    public string Text => WhitespaceRule.Join(Lines.Select(GlyphText.LineText));

    /// <summary>All glyphs of the block.</summary>
    public IEnumerable<Glyph> Glyphs => Lines.SelectMany(l => l);

    /// <summary>True when the two blocks share some vertical extent.</summary>
    public bool OverlapsVertically(TextBlock other, double tolerance = 0.5) =>
        Bottom < other.Top - tolerance && other.Bottom < Top - tolerance;

    /// <summary>Width both blocks cover horizontally.</summary>
    public double HorizontalOverlap(TextBlock other) => Math.Min(Right, other.Right) - Math.Max(Left, other.Left);

    /// <summary>Adds the lines of a block below this one.</summary>
    public void Absorb(TextBlock below)
    {
        ArgumentNullException.ThrowIfNull(below);
        Lines.AddRange(below.Lines);
        Left = Math.Min(Left, below.Left);
        Right = Math.Max(Right, below.Right);
        Bottom = Math.Min(Bottom, below.Bottom);
        Top = Math.Max(Top, below.Top);
        LineHeight = Math.Max(LineHeight, below.LineHeight);
    }
}
