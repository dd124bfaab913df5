using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources;

namespace Extractor.Tests.Layout;

/// <summary>
/// The gap between a cell's wrapped lines: a text layer's recurs exactly; OCR's spreads over a point or two,
/// and is still told from the gap between rows.
/// </summary>
public sealed class StreamLeadingTests
{
    [Fact]
    public void OcrsWrappedLinesSpreadOverAPointOrTwoAndStillStack()
    {
        var (chunks, widest) = Column(read: true);
        var leading = StreamChunks.Leading(chunks);
        Assert.InRange(leading, widest, RowGap);
    }

    [Fact]
    public void ATextLayersWrappedLinesRecurAtOneGap()
    {
        // The same gaps from a text layer: the spacing is the first one that recurs, and a gap two points
        // wider is no cell's wrapping.
        var (chunks, widest) = Column(read: false);
        Assert.InRange(StreamChunks.Leading(chunks), 2.3, widest - 0.01);
    }

    [Fact]
    public void AFewWrappedLinesReadAPixelOrTwoApartAreStillOneSpacingAndNotTheRowsThatRecur()
    {
        // A 150-dpi scan's page of 9.3-point lines: three cells wrapped once, read 8.0, 9.0 and 9.7 points
        // apart (a pixel is 0.48 of a point), under two rows 13.7 points apart.
        var chunks = new List<TextBlock>();
        var top = 800.0;
        foreach (var gap in new[] { 8.0, 9.0, 9.7 })
        {
            chunks.Add(Chunk(top, read: true, height: 9.3));
            top -= 9.3 + gap;
            chunks.Add(Chunk(top, read: true, height: 9.3));
            top -= 9.3 + 30;
        }

        for (var i = 0; i < 3; i++)
        {
            chunks.Add(Chunk(top, read: true, height: 9.3));
            top -= 9.3 + 13.7;
        }

        Assert.InRange(StreamChunks.Leading(chunks), 9.7, 13.6);
    }

    private const double RowGap = 9;

    /// <summary>Twenty cells of two lines each in one column, the lines 2.3 to 4.4 points apart, the rows 9.</summary>
    private static (List<TextBlock> Chunks, double Widest) Column(bool read)
    {
        var chunks = new List<TextBlock>();
        var top = 800.0;
        var widest = 0.0;
        for (var i = 0; i < 20; i++)
        {
            var gap = 2.3 + (0.11 * i);
            widest = Math.Max(widest, gap);
            chunks.Add(Chunk(top, read));
            top -= 10 + gap;
            chunks.Add(Chunk(top, read));
            top -= 10 + RowGap;
        }

        return (chunks, widest);
    }

    private static TextBlock Chunk(double top, bool read, double height = 10)
    {
        var glyph = new Glyph("指标名称", 100, top - height, 140, top, height, new PageBox(1, 100, top - height, 140, top)) { Confidence = read ? 0.99 : null };
        return new TextBlock([glyph]);
    }
}
