using System.Diagnostics;
using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Tests.Layout;

public class GlyphTextTests
{
    private static Glyph At(double x, double y) => new("a", x, y, x + 5, y + 10, 10, new PageBox(1, x, y, x + 5, y + 10));

    [Fact]
    public void GlyphsAreGroupedIntoLinesTopFirstLeftToRight()
    {
        var lines = GlyphText.Lines([At(20, 100), At(10, 101), At(10, 50), At(30, 99)]);
        Assert.Equal(2, lines.Count);
        Assert.Equal([10.0, 20.0, 30.0], lines[0].Select(g => g.Left));
        Assert.Equal([10.0], lines[1].Select(g => g.Left));
    }

    [Fact]
    public void AHugeLineIsGroupedInLinearTime()
    {
        // 300 000 glyphs on one baseline (a hostile page): re-averaging the line for each glyph took minutes.
        var glyphs = Enumerable.Range(0, 300_000).Select(i => At(i * 0.01, 100 + (i % 3 * 0.1))).ToList();
        var clock = Stopwatch.StartNew();
        var lines = GlyphText.Lines(glyphs);
        Assert.Single(lines);
        Assert.Equal(300_000, lines[0].Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
