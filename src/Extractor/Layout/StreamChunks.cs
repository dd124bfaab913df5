using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>Glyphs of a table without rulings into chunks (pieces of a line between wide gaps) and blocks (chunks stacked in one cell).</summary>
internal static class StreamChunks
{
    /// <summary>Chunks of lines, stacked into blocks where one sits just under another in the same column.</summary>
    public static List<TextBlock> Blocks(IReadOnlyList<Glyph> glyphs, LayoutOptions options) => Stack(Chunks(glyphs, null, fine: true, options), options);

    /// <summary>
    /// Lines split into chunks at gaps (fine: the smallest gap that can part two cells; otherwise only wide
    /// gaps) and, when columns are known, at every column boundary.
    /// </summary>
    public static List<TextBlock> Chunks(IEnumerable<Glyph> glyphs, List<StreamColumn>? columns, bool fine, LayoutOptions options)
    {
        var chunks = new List<TextBlock>();
        foreach (var line in GlyphText.Lines(glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Text))))
        {
            var current = new List<Glyph> { line[0] };
            for (var i = 1; i < line.Count; i++)
            {
                var gap = line[i].Left - line[i - 1].Right;
                var size = Math.Max(line[i].FontSize, line[i - 1].FontSize);
                var limit = !fine ? options.FreeGap : IsCjk(line[i]) && IsCjk(line[i - 1]) ? options.CjkGap : options.LatinGap;
                var split = gap > limit * size
                    || (columns is not null && StreamColumns.ColumnOf(columns, line[i].CenterX) != StreamColumns.ColumnOf(columns, line[i - 1].CenterX));
                if (split)
                {
                    chunks.Add(new TextBlock(current));
                    current = [];
                }

                current.Add(line[i]);
            }

            chunks.Add(new TextBlock(current));
        }

        return chunks;
    }

    public static bool IsCjk(Glyph glyph)
    {
        var text = glyph.Text;
        if (text.Length == 0)
        {
            return false;
        }

        var codePoint = char.IsHighSurrogate(text[0]) && text.Length > 1 ? char.ConvertToUtf32(text[0], text[1]) : text[0];
        return WhitespaceRule.IsCjk(codePoint);
    }

    /// <summary>Stacks chunks into blocks: a chunk just under a block, overlapping it, within the leading, joins it.</summary>
    public static List<TextBlock> Stack(List<TextBlock> chunks, LayoutOptions options)
    {
        var ordered = chunks.OrderByDescending(c => c.Top).ThenBy(c => c.Left).ToList();
        var leading = Leading(ordered);
        var blocks = new List<TextBlock>();

        // Chunks come top first, so a block more than the leading above this chunk is above every later one
        // too (and, taking no chunk, never grows down): it leaves the candidates for good. Without this,
        // a page of scattered glyphs compared every chunk with every block.
        var open = new List<TextBlock>();
        foreach (var chunk in ordered)
        {
            TextBlock? best = null;
            var bestOverlap = 0.0;
            open.RemoveAll(block => !(block.Bottom - chunk.Top <= leading));
            foreach (var block in open)
            {
                var gap = block.Bottom - chunk.Top;
                var overlap = block.HorizontalOverlap(chunk);
                var narrower = Math.Min(block.Right - block.Left, chunk.Right - chunk.Left);
                if (gap >= -options.StackRise * chunk.LineHeight && gap <= leading
                    && overlap > options.StackOverlap * narrower && overlap > bestOverlap && CanStack(block, chunk, options))
                {
                    best = block;
                    bestOverlap = overlap;
                }
            }

            if (best is null)
            {
                blocks.Add(chunk);
                open.Add(chunk);
            }
            else
            {
                best.Absorb(chunk);
            }
        }

        return blocks;
    }

    /// <summary>
    /// The largest gap between two lines of one cell. Lines wrapped inside a cell are set with the
    /// document's line spacing, so the smallest gap that recurs between text chunks stacked one under the
    /// other is that spacing; rows are further apart by the cells' padding.
    /// </summary>
    public static double Leading(List<TextBlock> chunks)
    {
        var gaps = new List<double>();
        var valueGaps = new List<double>();
        var heights = new List<double>();
        var values = chunks.Select(c => IsValue(c.Text)).ToArray();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            heights.Add(chunk.LineHeight);
            var value = values[i];
            var nearest = double.MaxValue;
            for (var j = i - 1; j >= 0; j--)
            {
                var above = chunks[j];
                var gap = above.Bottom - chunk.Top;
                if (gap > 2 * chunk.LineHeight)
                {
                    break;
                }

                var narrower = Math.Min(above.Right - above.Left, chunk.Right - chunk.Left);
                if (gap > -0.25 * chunk.LineHeight && above.HorizontalOverlap(chunk) > 0.3 * narrower && values[j] == value)
                {
                    nearest = Math.Min(nearest, gap);
                }
            }

            if (nearest < 1.5 * chunk.LineHeight)
            {
                (value ? valueGaps : gaps).Add(nearest);
            }
        }

        var height = heights.Count == 0 ? 10 : heights.Order().ElementAt(heights.Count / 2);
        gaps.Sort();

        // A text layer places lines exactly, so a cell's wrapped lines recur at one gap. OCR places each
        // line to a pixel or two of its ink, and the same spacing spreads over a point or two (2.3–4.5
        // points on a scanned page whose text layer had 2.8 and 3.5): there the gaps that follow each other
        // closely are one spacing, close meaning a tenth of a line (two pixels of a 150-dpi scan's 9-point
        // line, where a page with few wrapped lines read them 8.0, 9.0 and 9.7 points apart and its rows,
        // 13.7 twice, were the first gap to recur).
        var read = chunks.Count > 0 && chunks.All(c => c.Lines[0][0].Confidence is not null);
        var tolerance = Math.Max(0.6, (read ? 0.1 : 0.05) * height);
        for (var i = 0; i < gaps.Count; i++)
        {
            var members = 1;
            while (i + members < gaps.Count && gaps[i + members] - (read ? gaps[i + members - 1] : gaps[i]) <= tolerance)
            {
                members++;
            }

            if (members >= Math.Max(2, gaps.Count / 20))
            {
                // Values never wrap, so numbers stacked one under the other are rows: when they recur at this
                // gap too, it is the spacing of single-line rows, not of lines wrapped inside a cell.
                var rowGap = gaps[i + members - 1] + tolerance;
                return valueGaps.Count(g => g <= rowGap) >= Math.Max(2, valueGaps.Count / 4)
                    ? 0.1 * height
                    : gaps[i + members - 1] + Math.Max(1.0, 0.15 * height);
            }
        }

        // No line wraps inside a cell: nothing stacks but lines set solid.
        return 0.1 * height;
    }

    public static bool IsValue(string text)
    {
        var kind = CellKind.Of(text);
        return kind.IsNumeric || kind.IsNumericMeasure || kind.IsPlaceholder;
    }

    /// <summary>
    /// Numbers and measures never wrap: two of them stacked are two cells, not one. Lines of clearly
    /// different sizes (a title over its year line) are not one cell either.
    /// </summary>
    public static bool CanStack(TextBlock block, TextBlock chunk, LayoutOptions options)
    {
        if (IsValue(GlyphText.LineText(block.Lines[^1])) && IsValue(chunk.Text))
        {
            return false;
        }

        var ratio = block.LineHeight / chunk.LineHeight;
        return ratio > 1 / options.StackHeightRatio && ratio < options.StackHeightRatio;
    }
}
