using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Sources.Ocr;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class LevelHeadersTests
{
    [Theory]
    // A serif face's hairlines thresholded away in a bitonal scan: the numerals go, and 标 too in one cell.
    [InlineData("级指标|级指标|级指标", "一级指标|二级指标|三级指标")]
    [InlineData("级指标|级指|级指标", "一级指标|二级指标|三级指标")]
    [InlineData("一级指标|级指标|三级指标", "一级指标|二级指标|三级指标")]
    // Two cells: the one that kept its numeral tells which pair they are.
    [InlineData("级指标|二级指标", "一级指标|二级指标")]
    [InlineData("二级指标|级指标", "二级指标|三级指标")]
    // Nothing tells two bare cells apart, numerals out of order are no header row, and one kept whole stays.
    [InlineData("级指标|级指标", "级指标|级指标")]
    [InlineData("三级指标|级指标|一级指标", "三级指标|级指标|一级指标")]
    [InlineData("一级指标|二级指标|三级指标", "一级指标|二级指标|三级指标")]
    public void ALevelHeadersLostNumeralIsRestoredFromItsPlaceInTheRow(string read, string expected)
    {
        var cells = read.Split('|');
        var glyphs = ImmutableArray.CreateBuilder<Glyph>();
        var areas = new List<(int, Rect2f)>();
        for (var i = 0; i < cells.Length; i++)
        {
            // The header row's cells side by side; the first spans two header rows, as in a two-row header.
            var area = new Rect2f(100 + (120 * i), 500, 110, i == 0 ? 80 : 40);
            areas.Add((glyphs.Count, area));
            glyphs.Add(new Glyph(cells[i], area.Left, area.Bottom, area.Right, area.Top, 12, new PageBox(1, area.Left, area.Bottom, area.Right, area.Top)));
        }

        // A cell of the row below holding 级指标 as a value is no header.
        glyphs.Add(new Glyph("级指标", 100, 640, 210, 600, 12, new PageBox(1, 100, 640, 210, 600)));
        areas.Add((glyphs.Count - 1, new Rect2f(100, 600, 110, 40)));

        var repairs = ImmutableArray.CreateBuilder<Diagnostic>();
        LevelHeaders.Restore(glyphs, areas, repairs, 1);
        Assert.Equal(expected, string.Join('|', glyphs.Take(cells.Length).Select(g => g.Text)));
        Assert.Equal("级指标", glyphs[^1].Text);
        Assert.Equal(expected.Split('|').Zip(cells).Count(p => p.First != p.Second), repairs.Count);
    }
}
