using System.Globalization;
using Extractor.Model;
using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Reads one scanned page: the page prepared (seal ink dropped, lines detected, turned upright, straightened),
/// its rulings found by morphology and made into the lattice reader's grid, every detected line cut into its
/// cells and recognised once, the comparison signs the recogniser cannot read taken from their shapes, and
/// the result given as glyphs and rulings like a PDF page's.
/// </summary>
internal static class ScanReader
{
    /// <summary>Reads <paramref name="scan"/> (grey, BGR or BGRA) as page <paramref name="page"/>.</summary>
    /// <param name="engine">The models.</param>
    /// <param name="scan">The page image as scanned or rendered; its pixels are released once its grey copy is made (the caller still disposes it).</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pixelsPerPoint">The image's resolution, pixels a point.</param>
    /// <param name="scanToSource">A pixel position of the image in the source's points (for provenance).</param>
    /// <param name="cancellationToken">Checked between the steps.</param>
    /// <param name="document">The side the document's pages lie on (<see cref="DocumentSide"/>), one for the pages of a document.</param>
    /// <param name="scannedDotsPerInch">The resolution the page was scanned at along its coarser side, when known (<see cref="PagePreparation.Prepare"/>).</param>
    public static OcrPageResult Read(PaddleOcrEngine engine, Mat scan, int page, double pixelsPerPoint, Func<double, double, (double X, double Y)> scanToSource, CancellationToken cancellationToken, DocumentSide? document = null, double? scannedDotsPerInch = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scan);
        // The scan (in colour, three times the grey page) is not needed once its grey copy is made: its pixels
        // go then, not when the caller disposes it after the page is read.
        using var prepared = PagePreparation.Prepare(engine, scan, releaseScan: true, document: document, scannedDotsPerInch: scannedDotsPerInch);

        // The colour scan and the detector's scaled copies are gone: their pages go back now, before the cells
        // are read, when the other conversion of a batch may be at its own peak.
        NativeHeap.Trim();
        cancellationToken.ThrowIfCancellationRequested();
        // The turn and the skew were applied to the page as read (flattened when it was taken out of its picture),
        // whose size is the prepared image's turned back; the skew keeps the size.
        var (width, height) = (prepared.Image.Cols, prepared.Image.Rows);
        var (cols, rows) = prepared.ClockwiseTurn is 90 or 270 ? (height, width) : (width, height);
        var frame = new ScanFrame(page, cols, rows, pixelsPerPoint, prepared.ClockwiseTurn, prepared.SkewDegrees, scanToSource) { Flattening = prepared.Flattening };
        // A threshold by neighbourhood: a faint ruling (a thin line blurred by the scan) is darker than the paper
        // round it, though lighter than Otsu's threshold for the whole page.
        using var ink = Binarization.Adaptive(prepared.Image, Binarization.BlockFor(prepared.Image.Cols), AdaptiveOffset);
        var rulings = RulingFinder.FindInInk(ink, prepared.Image);
        EraseRulings(ink, rulings);
        var layout = ScanCells.Find(frame, prepared.Regions, rulings, ink, prepared.Image);
        cancellationToken.ThrowIfCancellationRequested();
        var read = ReadStacks(engine, prepared.Image, layout, engine.ReadEach(prepared.Image, [.. layout.Pieces.Select(p => p.Region)], ScanText.MinSignConfidence));
        var lines = Vouched(layout, ScanSigns.Apply(layout, ReadAgainTight(engine, prepared.Image, layout, read, ink), ink, prepared.Image));
        var (glyphs, repairs, alternatives) = ScanText.Build(frame, layout, MarkWidth.Decide(ScanText.Kept(lines, engine.Options.MinLineConfidence), ink, [.. layout.Pieces.Select(p => p.CellArea)]), ink);

        // The page's images go now, and what the page left on both heaps with them (PageMemory).
        prepared.Dispose();
        ink.Dispose();
        PageMemory.Release();

        var diagnostics = repairs;
        if (prepared.ClockwiseTurn != 0)
        {
            diagnostics = diagnostics.Insert(0, new Diagnostic(
                DiagnosticCodes.OcrRepair,
                Severity.Info,
                string.Create(CultureInfo.InvariantCulture, $"page {page}: OCR repair, the page was scanned turned and is read turned {prepared.ClockwiseTurn}° clockwise"),
                page,
                null,
                null));
        }

        return new OcrPageResult(new PageContent(page, frame.DisplayWidth, frame.DisplayHeight, glyphs, layout.Rulings), diagnostics) { Alternatives = alternatives };
    }

    /// <summary>
    /// The readings with those of runs of ink the detector did not box dropped unless the recogniser is sure
    /// of them (<see cref="UndetectedInk.MinConfidence"/>, the confidence counted as <see cref="ScanText.Kept"/> counts it).
    /// </summary>
    private static IReadOnlyList<OcrLine?> Vouched(ScanLayout layout, IReadOnlyList<OcrLine?> lines) =>
        [.. lines.Select((l, i) => l is not null && layout.Pieces[i].Undetected && ScanText.FoldedConfidence(l).Confidence < UndetectedInk.MinConfidence ? null : l)];

    /// <summary>
    /// The readings of <paramref name="layout"/>'s pieces with the short ones read as nothing or unsurely read
    /// again in a tight box round their ink (<see cref="ScanCells.TightBox"/>), the surer reading kept.
    /// </summary>
    private static IReadOnlyList<OcrLine?> ReadAgainTight(PaddleOcrEngine engine, Mat image, ScanLayout layout, IReadOnlyList<OcrLine?> read, Mat ink)
    {
        var again = new List<(int Index, TextRegion Region)>();
        for (var i = 0; i < read.Count; i++)
        {
            var piece = layout.Pieces[i];
            if (piece.Cell is not null && (read[i] is null || read[i]!.Confidence < RereadBelow)
                && ScanCells.TightBox(ink, piece.Region.Quad.Bounds, piece.CellArea, layout.LineHeight) is { } box)
            {
                again.Add((i, piece.Region with { Quad = Quad.FromRect(box) }));
            }
        }

        return again.Count == 0 ? read : Surer(read, [.. again.Select(a => a.Index)], engine.ReadEach(image, [.. again.Select(a => a.Region)], ScanText.MinSignConfidence));
    }

    /// <summary>
    /// The readings of <paramref name="layout"/>'s pieces with each tall one in a table cell also read as a stack
    /// of upright characters (a label or unit wrapped one character a line in a column one character wide, such
    /// as 度量单位 or 平方米), the surer reading kept: turned to be read as a line, such a stack reads little.
    /// A box is a stack when it is at least <see cref="LineCropper.VerticalRatio"/> times as tall as wide and about
    /// a line's height wide (a lone narrow digit's box is not).
    /// </summary>
    private static IReadOnlyList<OcrLine?> ReadStacks(PaddleOcrEngine engine, Mat image, ScanLayout layout, IReadOnlyList<OcrLine?> read)
    {
        var stacks = Enumerable.Range(0, read.Count).Where(i => IsStack(layout.Pieces[i], layout.LineHeight)).ToList();
        return stacks.Count == 0 ? read : Surer(read, stacks, engine.ReadStacked(image, [.. stacks.Select(i => layout.Pieces[i].Region)], ScanText.MinSignConfidence));
    }

    /// <summary><paramref name="read"/> with the second reading of each piece of <paramref name="indices"/> where it is the surer.</summary>
    private static OcrLine?[] Surer(IReadOnlyList<OcrLine?> read, List<int> indices, IReadOnlyList<OcrLine?> second)
    {
        var result = read.ToArray();
        for (var k = 0; k < indices.Count; k++)
        {
            var i = indices[k];
            if (second[k] is { } again && (result[i] is null || again.Confidence > result[i]!.Confidence))
            {
                result[i] = again;
            }
        }

        return result;
    }

    /// <summary>Whether a piece is a tall box in a table cell about a line's height wide.</summary>
    private static bool IsStack(ScanPiece piece, double lineHeight)
    {
        var box = piece.Region.Quad;
        return piece.Cell is not null && box.Height >= box.Width * LineCropper.VerticalRatio && box.Width >= StackWidthFrom * lineHeight;
    }

    /// <summary>The least width, in line heights, of a box read as a stack of characters.</summary>
    internal const double StackWidthFrom = 0.75;

    /// <summary>
    /// A short piece read less surely than this is read again in a tight box: a lone 5 read as S at 0.6, a lone
    /// digit at 0.7, is often read surely when little but the digit is in the box.
    /// </summary>
    internal const float RereadBelow = 0.8f;

    /// <summary>How much darker than its neighbourhood's mean a pixel must be to be ink (grey levels).</summary>
    public const double AdaptiveOffset = 12;

    /// <summary>Clears the rulings out of an ink mask, so that what is left in a cell is its text.</summary>
    private static void EraseRulings(Mat ink, IReadOnlyList<Imaging.Ruling> rulings)
    {
        foreach (var r in rulings)
        {
            var half = (r.Thickness / 2) + 2;
            var (from, to) = ((int)Math.Floor(r.At - half), (int)Math.Ceiling(r.At + half));
            var rect = r.IsHorizontal ? new Rect(r.From, from, r.Length, to - from + 1) : new Rect(from, r.From, to - from + 1, r.Length);
            Cv2.Rectangle(ink, rect & new Rect(0, 0, ink.Cols, ink.Rows), Scalar.All(0), -1);
        }
    }
}
