using System.Diagnostics;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources;

namespace Extractor.Tests.Layout;

/// <summary>Glyphs of one cell put in reading order.</summary>
public sealed class GlyphTextTests
{
    private static Glyph G(string text, double left, double bottom, int turn = 0, double size = 10) =>
        new(text, left, bottom, left + size, bottom + size, size, new PageBox(1, left, bottom, left + size, bottom + size)) { Turn = turn };

    [Fact]
    public void UprightLinesReadTopToBottomAndLeftToRight()
    {
        Assert.Equal("产出指标", GlyphText.CellText([G("指", 0, 80), G("产", 0, 100), G("出", 10, 100), G("标", 10, 80)]));
    }

    [Fact]
    public void TextTurnedAnticlockwiseReadsUpwardsAndItsNextLineLiesToTheRight()
    {
        // "产出" going up the left column, then "指标" going up the column to its right.
        Assert.Equal("产出指标", GlyphText.CellText([G("出", 0, 110, 1), G("产", 0, 100, 1), G("标", 12, 110, 1), G("指", 12, 100, 1)]));
    }

    [Fact]
    public void TextTurnedClockwiseReadsDownwardsAndItsNextLineLiesToTheLeft()
    {
        Assert.Equal("产出指标", GlyphText.CellText([G("产", 12, 110, -1), G("出", 12, 100, -1), G("指", 0, 110, -1), G("标", 0, 100, -1)]));
    }

    [Fact]
    public void AHugeLineIsGroupedInLinearTime()
    {
        // 300 000 glyphs on one baseline (a hostile page): re-averaging the line for each glyph took minutes.
        var glyphs = Enumerable.Range(0, 300_000).Select(i => G("a", i * 0.01, 100 + (i % 3 * 0.1))).ToList();
        var clock = Stopwatch.StartNew();
        var lines = GlyphText.Lines(glyphs);
        Assert.Single(lines);
        Assert.Equal(300_000, lines[0].Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
