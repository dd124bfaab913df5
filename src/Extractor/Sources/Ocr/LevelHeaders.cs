using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extractor.Model;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// The numerals of the indicator table's 一级指标, 二级指标, 三级指标 header cells, restored from their order when
/// a scan lost them. The numerals are strokes across the character and nothing else: a serif face's hairline
/// horizontals thresholded away in a bitonal scan leave 级指标 (and 级指 where 标 broke too) in each of the three
/// cells, and without its header words the table is read as text. Side by side in one header row, the three are
/// 一, 二, 三 from left to right; two are restored only where one of them kept its numeral and so tells which
/// pair they are.
/// </summary>
internal static partial class LevelHeaders
{
    private const string Numerals = "一二三";

    /// <summary>
    /// Restores the numerals in place: <paramref name="cells"/> are the cell glyphs' indexes in
    /// <paramref name="glyphs"/> with the cells' insides; a repair is noted for each restored cell.
    /// </summary>
    public static void Restore(ImmutableArray<Glyph>.Builder glyphs, IReadOnlyList<(int Glyph, Rect2f Area)> cells, ImmutableArray<Diagnostic>.Builder repairs, int page)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(repairs);
        var headers = cells
            .Select(c => (c.Glyph, c.Area, Match: LevelHeader().Match(glyphs[c.Glyph].Text)))
            .Where(c => c.Match.Success)
            .Select(c => (c.Glyph, c.Area, Numeral: c.Match.Groups["numeral"].Value))
            .ToList();
        var done = new HashSet<int>();
        foreach (var first in headers.OrderBy(c => c.Area.Left))
        {
            if (done.Contains(first.Glyph))
            {
                continue;
            }

            // One header row: the cells whose middles lie within each other's height.
            var row = headers.Where(c => !done.Contains(c.Glyph) && SameRow(first.Area, c.Area)).OrderBy(c => c.Area.Left).ToList();
            done.UnionWith(row.Select(c => c.Glyph));
            var numerals = row.Select(c => c.Numeral).ToList();
            if (row.Count < 2 || row.Count > 3 || numerals.All(n => n.Length > 0))
            {
                continue;
            }

            // Where the row's numerals start: 一 for three cells; for two, from the one that kept its numeral.
            var known = numerals.Select((n, i) => (Numeral: n, Index: i)).Where(x => x.Numeral.Length > 0).ToList();
            int start;
            if (row.Count == 3)
            {
                start = 0;
            }
            else if (known.Count == 1)
            {
                start = Numerals.IndexOf(known[0].Numeral, StringComparison.Ordinal) - known[0].Index;
            }
            else
            {
                continue;
            }

            if (start < 0 || start + row.Count > Numerals.Length || known.Any(k => Numerals.IndexOf(k.Numeral, StringComparison.Ordinal) != start + k.Index))
            {
                continue;
            }

            for (var i = 0; i < row.Count; i++)
            {
                if (numerals[i].Length > 0)
                {
                    continue;
                }

                var glyph = glyphs[row[i].Glyph];
                var restored = Numerals[start + i] + "级指标";
                glyphs[row[i].Glyph] = glyph with { Text = restored };
                repairs.Add(new Diagnostic(DiagnosticCodes.OcrRepair, Severity.Info, $"page {page}: OCR repair, a level header's numeral restored from its place in the row: '{glyph.Text}' → '{restored}'", page, null, restored));
            }
        }
    }

    private static bool SameRow(Rect2f a, Rect2f b)
    {
        var (ma, mb) = (a.Top + (a.Height / 2), b.Top + (b.Height / 2));
        return ma >= b.Top && ma <= b.Bottom && mb >= a.Top && mb <= a.Bottom;
    }

    /// <summary>A level header cell, its numeral kept or lost (级指, its 标 broken too).</summary>
    [GeneratedRegex(@"^(?<numeral>[一二三]?)级指标?$")]
    private static partial Regex LevelHeader();
}
