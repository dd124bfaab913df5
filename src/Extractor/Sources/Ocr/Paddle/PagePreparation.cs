using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Readies a scanned page for reading: coloured stamp ink dropped, a page lying on a darker surround taken out
/// of it (<see cref="PageOutline"/>), faint ink away from the print taken for paper (<see cref="FaintInk"/>),
/// a coarse bitonal scan smoothed (<see cref="CoarseBitonal"/>), the text lines detected, the page turned
/// upright by quarter turns when its lines say so, lines far fainter than the page's text left out
/// (<see cref="FaintLines"/>), its skew measured and undone, a curled page flattened (<see cref="PageCurl"/>).
/// The lines are detected once: the skew is undone on their boxes as on the image, so only a turned or a curled
/// page is detected twice. A flattened page's positions go back to the scan turned and straightened but not
/// curled again: off by at most the curl's bow, a few millimetres, which a value's box allows.
/// </summary>
internal static class PagePreparation
{
    /// <summary>The page <paramref name="scan"/> (grey, BGR or BGRA) made ready to read.</summary>
    /// <param name="engine">The engine whose detector and classifier find the lines and the page's orientation.</param>
    /// <param name="scan">The page as scanned.</param>
    /// <param name="findOrientation">Whether to look for a page turned by quarter turns.</param>
    /// <param name="releaseScan">
    /// Whether to release the scan's pixels as soon as its grey copy is made (the caller still disposes it):
    /// a colour page is three times the grey one, and not needed to detect, turn or straighten it.
    /// </param>
    /// <param name="document">The side the document's pages lie on, taken by a page that leaves its own in doubt and kept from one that does not.</param>
    /// <param name="scannedDotsPerInch">The resolution the page was scanned at along its coarser side, when known: a coarse bitonal scan is smoothed (<see cref="CoarseBitonal"/>).</param>
    public static PreparedPage Prepare(PaddleOcrEngine engine, Mat scan, bool findOrientation = true, bool releaseScan = false, DocumentSide? document = null, double? scannedDotsPerInch = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scan);
        using var picture = SealInk.ToGreyWithoutColour(scan);
        if (releaseScan)
        {
            scan.Release();
        }

        // A page lying on something darker is taken out of the picture first, flattened if it was seen off square.
        var outline = PageOutline.Find(picture);
        var (flat, toPicture) = outline is null ? (null, null) : PageOutline.Flatten(picture, outline);
        using var owned = flat;
        if (flat is not null)
        {
            picture.Release();
        }

        var grey = flat ?? picture;
        FaintInk.Clear(grey);
        if (CoarseBitonal.IsCoarse(scannedDotsPerInch))
        {
            CoarseBitonal.Smooth(grey);
        }

        var regions = engine.Detect(grey);
        var turn = findOrientation ? PageOrientation.UprightTurn(engine, grey, regions, document) : 0;
        using var upright = QuarterTurn.Clockwise(grey, turn);
        if (turn != 0)
        {
            regions = engine.Detect(upright);
        }

        regions = FaintLines.Without(upright, regions);

        var skew = Deskew.EstimateDegrees(upright, [.. regions.Where(r => r.Quad.Width >= LongLine * r.Quad.Height).Select(r => LineAngle(r.Quad))]);
        var straight = Deskew.Rotate(upright, skew);
        var curl = PageCurl.Find(straight);
        if (curl is not null && (Deskew.FromVerticalRulings(upright) ?? (skew + curl.TiltDegrees)) is var measured && Math.Abs(measured - skew) >= PageCurl.LeastTilt)
        {
            // A curled page's bowed lines hide its skew; its vertical rulings, which a curl leaves straight, tell
            // it, else the horizontal ones' common slope.
            straight.Dispose();
            skew = measured;
            straight = Deskew.Rotate(upright, skew);
            curl = PageCurl.Find(straight);
        }

        if (curl is not null)
        {
            // A curled page is flattened and its lines detected again: a bowed line's box holds none of it straight.
            using (straight)
            {
                var flattened = curl.Flatten(straight);
                var found = FaintLines.Without(flattened, engine.Detect(flattened));
                return new PreparedPage(flattened, turn, skew) { Regions = ReadingOrder.Sort(found, r => r.Quad), Flattening = toPicture };
            }
        }

        var (cx, cy) = (upright.Cols / 2.0, upright.Rows / 2.0);
        var level = skew == 0 ? regions : [.. regions.Select(r => r with { Quad = r.Quad.Map(p => Turn(p, cx, cy, skew)) })];
        return new PreparedPage(straight, turn, skew) { Regions = ReadingOrder.Sort(level, r => r.Quad), Flattening = toPicture };
    }

    /// <summary>A detected line at least this many times as long as high is a line of text whose angle tells the page's skew.</summary>
    public const double LongLine = 4;

    /// <summary>The angle of a line's box (degrees, positive when its right end is lower) and its length.</summary>
    private static (double Degrees, double Length) LineAngle(Quad quad)
    {
        var (dx, dy) = (quad.TopRight.X - quad.TopLeft.X + quad.BottomRight.X - quad.BottomLeft.X, quad.TopRight.Y - quad.TopLeft.Y + quad.BottomRight.Y - quad.BottomLeft.Y);
        return (Math.Atan2(dy, dx) * 180 / Math.PI, quad.Width);
    }

    /// <summary>A point of the turned page where <see cref="Deskew.Rotate"/> puts it.</summary>
    private static Point2f Turn(Point2f p, double cx, double cy, double degrees)
    {
        var radians = degrees * Math.PI / 180;
        var (a, b) = (Math.Cos(radians), Math.Sin(radians));
        return new Point2f((float)(cx + (a * (p.X - cx)) + (b * (p.Y - cy))), (float)(cy - (b * (p.X - cx)) + (a * (p.Y - cy))));
    }
}
