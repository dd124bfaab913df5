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

    private static TextBlock Chunk(double top, bool read)
    {
        var glyph = new Glyph("指标名称", 100, top - 10, 140, top, 10, new PageBox(1, 100, top - 10, 140, top)) { Confidence = read ? 0.99 : null };
        return new TextBlock([glyph]);
    }
}
