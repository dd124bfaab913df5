using System.Collections.Immutable;
using System.Diagnostics;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources;

namespace Extractor.Tests.Layout;

/// <summary>Pages made to hurt the stream reader: its time must grow about linearly with the glyphs.</summary>
public class StreamTablesScaleTests
{
    [Fact]
    public void ScatteredGlyphsAreLaidOutInNearLinearTime()
    {
        // 100 000 letters scattered over a 200-inch page, each its own chunk: stacking chunks and banding
        // blocks compared each with all the others (minutes).
        var random = new Random(1);
        var glyphs = Enumerable.Range(0, 100_000).Select(_ =>
        {
            double x = random.Next(20, 14300), y = random.Next(20, 14300);
            return new Glyph(((char)('a' + random.Next(26))).ToString(), x, y, x + 2.2, y + 4, 4, new PageBox(1, x, y, x + 2.2, y + 4));
        }).ToImmutableArray();
        var clock = Stopwatch.StartNew();
        var rows = LayoutReader.Read([new PageContent(1, 14400, 14400, glyphs, [])]);
        Assert.Equal(100_000, rows.Lines.Sum(l => l.Cells.Sum(c => c.Text.Count(char.IsLetter))));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"took {clock.Elapsed}");
    }
}
