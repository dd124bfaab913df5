using System.Collections.Immutable;
using Extractor.Geometry;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;
using PixelRuling = Extractor.Sources.Ocr.Imaging.Ruling;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Puts a prepared page's text lines into the cells of its ruled tables. The rulings become the lattice
/// reader's grid (<see cref="LatticeTables"/>, the same as for a PDF's own lines); each detected line is cut
/// at the cell walls it crosses and kept inside its cell, off the rulings, so that nothing of a ruling is
/// recognised and no line runs from one cell into the next; a cut line is grown over ink of its own the
/// detector left out (<see cref="PieceWidening"/>). A cell with ink but no detected line (a lone digit or
/// dash the detector missed) gets the box of its ink's characters.
/// </summary>
internal static class ScanCells
{
    /// <summary>The cut lines of the page and the tables they are in.</summary>
    public static ScanLayout Find(ScanFrame frame, IReadOnlyList<TextRegion> regions, IReadOnlyList<PixelRuling> rulings, Mat ink, Mat? grey = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(rulings);
        ArgumentNullException.ThrowIfNull(ink);
        var lineHeight = regions.Count == 0 ? 16 * frame.PixelsPerPoint : Median(regions.Select(r => (double)r.Quad.Height));
        rulings = TableEdges.Close(rulings, Math.Max(4, 0.3 * lineHeight));
        var lines = rulings.Select(r => ToDisplay(r, frame)).ToImmutableArray();
        var tables = LatticeTables.Find(lines);
        var inset = (rulings.Count == 0 ? 1.0 : rulings.Max(r => r.Thickness) / 2) + 1;
        var cells = tables.SelectMany(t => t.Cells.Select(c => new PixelCell(c, Rect(frame, c, inset)))).ToList();
        var pieces = new List<ScanPiece>();
        var undetected = UndetectedInk.Find(ink, [.. regions.Select(r => r.Quad.Bounds)], lineHeight, grey);
        foreach (var (region, found) in regions.Select(r => (r, true)).Concat(undetected.Select(r => (r, false))))
        {
            var bounds = region.Quad.Bounds;
            var centre = region.Quad.Centre;
            var (x, y) = frame.ToDisplay(centre.X, centre.Y);
            if (!tables.Any(t => t.Contains(x, y)))
            {
                pieces.Add(new ScanPiece(region, null, default) { Undetected = !found });
                continue;
            }

            foreach (var cell in cells.Where(c => c.Area.Top <= centre.Y && c.Area.Bottom >= centre.Y && c.Area.Left < bounds.Right && c.Area.Right > bounds.Left))
            {
                var left = Math.Max(bounds.Left, cell.Area.Left);
                var right = Math.Min(bounds.Right, cell.Area.Right);
                var top = Math.Max(bounds.Top, cell.Area.Top);
                var bottom = Math.Min(bounds.Bottom, cell.Area.Bottom);

                // A sliver of a line that pokes across a wall is the detector's margin, not text.
                if (right - left >= Math.Max(4, 0.35 * bounds.Height) && bottom - top >= 4)
                {
                    // A mark or two alone: paper round it, as the recogniser saw lines in training.
                    var lack = 1.5 * (bottom - top) - (right - left);
                    if (lack > 0)
                    {
                        (left, right) = ((float)Math.Max(cell.Area.Left, left - (lack / 2)), (float)Math.Min(cell.Area.Right, right + (lack / 2)));
                    }

                    var fitted = FitToInk(ink, new Rect2f(left, top, right - left, bottom - top), cell.Area, lineHeight);
                    var quad = Quad.FromRect(fitted);
                    pieces.Add(new ScanPiece(region with { Quad = quad }, cell.Cell, cell.Area) { Undetected = !found });
                }
            }
        }

        // A cell no detected line reached is read round its ink below, as before runs were looked for: a run
        // there would be held to the surer reading, and a lone 0 read at 0.6 would be lost.
        var detectedIn = pieces.Where(p => !p.Undetected && p.Cell is not null).Select(p => p.Cell!).ToHashSet();
        pieces.RemoveAll(p => p.Undetected && p.Cell is not null && !detectedIn.Contains(p.Cell));
        pieces = PieceWidening.Widened(pieces, ink, lineHeight);
        var filled = pieces.Where(p => p.Cell is not null).Select(p => p.Cell!).ToHashSet();
        foreach (var cell in cells.Where(c => !filled.Contains(c.Cell)))
        {
            if (InkBox(ink, cell.Area, lineHeight, grey) is { } box)
            {
                pieces.Add(new ScanPiece(new TextRegion(Quad.FromRect(box), 0), cell.Cell, cell.Area));
            }
        }

        return new ScanLayout(tables, lines, pieces, lineHeight);
    }

    /// <summary>
    /// <paramref name="box"/> made no taller than its ink needs: the recogniser reads a line at 48 pixels high,
    /// trained on text that fills most of that; the detector's box round a lone small mark (a 4 in a score
    /// cell, a short figure in a wide row) may be two or three times the mark's height, and the mark, shrunk to
    /// a third of the line, is read as nothing or as another character (a lone 4 as nothing, its neighbour as 0).
    /// Cut tighter than about twice the ink, a line loses marks at its ends (86.7% read 86.76): on the scanned
    /// fixtures 2.4 and 1.8 read best of the pairs tried (1.8/1.5, 2.0/1.8, 2.2/1.9, 2.4/1.8). A box more than
    /// <see cref="MaxBoxToInk"/> times its ink's height is cut to <see cref="FittedBoxToInk"/> times it round the
    /// ink's middle; ink under a quarter of a line high (a dash, dots) is left as it is.
    /// </summary>
    internal static Rect2f FitToInk(Mat ink, Rect2f box, Rect2f cell, double lineHeight)
    {
        if (InkExtent(ink, box, lineHeight) is not { } extent || extent.Height < lineHeight / 4 || box.Height <= MaxBoxToInk * extent.Height)
        {
            return box;
        }

        var middle = extent.Y + (extent.Height / 2.0);
        var half = FittedBoxToInk * extent.Height / 2;
        var top = Math.Max(cell.Top, middle - half);
        var bottom = Math.Min(cell.Bottom, middle + half);
        return new Rect2f(box.Left, (float)top, box.Width, (float)(bottom - top));
    }

    /// <summary>
    /// A tight box round the ink of <paramref name="box"/> when that ink is a short run — one or two marks, at
    /// most <see cref="ShortInk"/> times as wide as high — or null. A lone digit the recogniser cannot read in the
    /// detector's box (a bitonal 5 whose stroke broke, a blurred one) is often read surely in a box that holds
    /// little but the digit, as the crops it was trained on do: a margin of <see cref="TightMargin"/> of the
    /// ink's height round it.
    /// </summary>
    internal static Rect2f? TightBox(Mat ink, Rect2f box, Rect2f cell, double lineHeight)
    {
        if (InkExtent(ink, box, lineHeight) is not { } extent || extent.Height < lineHeight / 4 || extent.Width > ShortInk * extent.Height)
        {
            return null;
        }

        var margin = TightMargin * extent.Height;
        var left = Math.Max(cell.Left, extent.Left - margin);
        var top = Math.Max(cell.Top, extent.Top - margin);
        var right = Math.Min(cell.Right, extent.Right + margin);
        var bottom = Math.Min(cell.Bottom, extent.Bottom + margin);
        return new Rect2f((float)left, (float)top, (float)(right - left), (float)(bottom - top));
    }

    /// <summary>
    /// The box, in page pixels, round the ink inside <paramref name="box"/> that is no speck (pieces of at
    /// least a four-hundredth of the line height squared); null when there is none or the box is under four
    /// pixels either way.
    /// </summary>
    private static Rect? InkExtent(Mat ink, Rect2f box, double lineHeight)
    {
        var rect = new Rect((int)Math.Ceiling(box.Left), (int)Math.Ceiling(box.Top), (int)Math.Floor(box.Width), (int)Math.Floor(box.Height))
            & new Rect(0, 0, ink.Cols, ink.Rows);
        if (rect.Width < 4 || rect.Height < 4)
        {
            return null;
        }

        using var window = new Mat(ink, rect);
        var speck = Math.Max(3, lineHeight * lineHeight / 400);
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = int.MinValue, y1 = int.MinValue;
        foreach (var (piece, area) in Imaging.InkComponents.Of(window))
        {
            if (area >= speck)
            {
                (x0, y0, x1, y1) = (Math.Min(x0, piece.X), Math.Min(y0, piece.Y), Math.Max(x1, piece.Right), Math.Max(y1, piece.Bottom));
            }
        }

        return x0 == int.MaxValue ? null : new Rect(rect.X + x0, rect.Y + y0, x1 - x0, y1 - y0);
    }

    /// <summary>The widest ink, in its heights, given a second reading in a tight box.</summary>
    internal const double ShortInk = 2.0;

    /// <summary>The margin round the ink of a tight box, in the ink's heights.</summary>
    internal const double TightMargin = 0.25;

    /// <summary>How many times its ink's height a box may be before it is cut down.</summary>
    internal const double MaxBoxToInk = 2.4;

    /// <summary>How many times its ink's height a cut box is.</summary>
    internal const double FittedBoxToInk = 1.8;

    /// <summary>
    /// The box to read in a cell where no line was detected: round the ink's pieces that are big enough to be
    /// characters (at least a third of a line high, or half a line wide for a dash, or the pieces of a
    /// comparison sign standing alone), leaving specks and the remains of a ruling along the cell's walls;
    /// null when there are none or they stand more than one line high, unless they stand in a column no wider
    /// than a character (<see cref="StackMaxWidth"/>): a label wrapped one character a line in a narrow column
    /// (度量单位 over four lines), which the detector may not box, is read as a stack.
    /// </summary>
    internal static Rect2f? InkBox(Mat ink, Rect2f area, double lineHeight, Mat? grey = null)
    {
        var rect = InkInside(area, ink);
        if (rect.Width < 4 || rect.Height < 4)
        {
            return null;
        }

        using var window = new Mat(ink, rect);
        if (Cv2.CountNonZero(window) == 0)
        {
            return null;
        }

        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = int.MinValue, y1 = int.MinValue;
        var rows = new List<(int Top, int Bottom)>();

        // A comparison sign alone (an = of two short bars, a >= typed in two characters) or a % whose slash is
        // lost is smaller than a character, yet is the cell's text.
        var sign = Imaging.SignShape.Read(ink, rect, lineHeight, grey) is not null || Imaging.SignShape.ReadPair(ink, rect, lineHeight) is not null
            || Imaging.SignShape.IsPercentRings(ink, rect, lineHeight);
        foreach (var (piece, _) in Imaging.InkComponents.Of(window))
        {
            var (w, h) = (piece.Width, piece.Height);
            var character = h >= lineHeight / 3 || w >= lineHeight / 2 || (sign && w * h >= 4);
            if (character && !Imaging.InkComponents.IsWallRemains(piece, rect.Size, 0.2 * lineHeight) && h <= 1.5 * lineHeight)
            {
                (x0, y0, x1, y1) = (Math.Min(x0, piece.X), Math.Min(y0, piece.Y), Math.Max(x1, piece.Right), Math.Max(y1, piece.Bottom));
                rows.Add((piece.Top, piece.Bottom));
            }
        }

        if (x0 == int.MaxValue || (y1 - y0 > 1.6 * lineHeight && (x1 - x0 > StackMaxWidth * lineHeight || !IsStack(rows, lineHeight))))
        {
            return null;
        }

        return DetectorBox(new Rect(rect.X + x0, rect.Y + y0, x1 - x0, y1 - y0), area, lineHeight);
    }

    /// <summary>The widest ink, in line heights, read as a stack of characters when it stands more than a line high.</summary>
    internal const double StackMaxWidth = 1.2;

    /// <summary>
    /// Whether ink whose pieces span <paramref name="rows"/> stands as a stack of characters: its rows of ink, one
    /// under the other, no more than half a line apart (a character a line), not a mark far under a speck (the
    /// ）of a label a page break cut, under what was left of the line above).
    /// </summary>
    private static bool IsStack(List<(int Top, int Bottom)> rows, double lineHeight)
    {
        var bottom = int.MinValue;
        foreach (var (top, end) in rows.OrderBy(r => r.Top))
        {
            if (bottom != int.MinValue && top - bottom > StackGap * lineHeight)
            {
                return false;
            }

            bottom = Math.Max(bottom, end);
        }

        return true;
    }

    /// <summary>The widest gap, in line heights, between the characters of a stack.</summary>
    internal const double StackGap = 0.5;

    /// <summary>A cell's inside in whole pixels, a pixel in from its edges, kept inside <paramref name="ink"/>.</summary>
    internal static Rect InkInside(Rect2f area, Mat ink) =>
        new Rect((int)Math.Ceiling(area.Left) + 1, (int)Math.Ceiling(area.Top) + 1, (int)Math.Floor(area.Width) - 2, (int)Math.Floor(area.Height) - 2)
        & new Rect(0, 0, ink.Cols, ink.Rows);

    /// <summary>
    /// The box the detector would have drawn round <paramref name="ink"/> (page pixels), kept inside the cell
    /// <paramref name="area"/>: a line's height (at least three quarters of <paramref name="lineHeight"/>) round
    /// the ink's middle, a quarter of a line's margin each side.
    /// </summary>
    internal static Rect2f DetectorBox(Rect ink, Rect2f area, double lineHeight)
    {
        var middle = ink.Y + (ink.Height / 2.0);
        var half = Math.Max(ink.Height, 0.75 * lineHeight) / 2 + 2;
        var margin = 0.25 * lineHeight;
        var left = Math.Max(area.Left, ink.Left - margin);
        var right = Math.Min(area.Right, ink.Right + margin);
        var top = Math.Max(area.Top, middle - half);
        var bottom = Math.Min(area.Bottom, middle + half);
        return new Rect2f((float)left, (float)top, (float)(right - left), (float)(bottom - top));
    }

    /// <summary>A pixel ruling as a ruling in display points.</summary>
    private static Ruling ToDisplay(PixelRuling r, ScanFrame frame)
    {
        var (x0, y0) = r.IsHorizontal ? frame.ToDisplay(r.From, r.At) : frame.ToDisplay(r.At, r.From);
        var (x1, y1) = r.IsHorizontal ? frame.ToDisplay(r.To, r.At) : frame.ToDisplay(r.At, r.To);
        return new Ruling(x0, y0, x1, y1);
    }

    /// <summary>A cell's inside in prepared-image pixels, <paramref name="inset"/> in from its rulings.</summary>
    private static Rect2f Rect(ScanFrame frame, GridCell cell, double inset)
    {
        var (x0, y0) = frame.ToPixels(cell.Left, cell.Top);
        var (x1, y1) = frame.ToPixels(cell.Right, cell.Bottom);
        var (left, top, right, bottom) = (x0 + inset, y0 + inset, x1 - inset, y1 - inset);
        return new Rect2f((float)left, (float)top, (float)Math.Max(0, right - left), (float)Math.Max(0, bottom - top));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>A grid cell and its inside in pixels.</summary>
    private sealed record PixelCell(GridCell Cell, Rect2f Area);
}

/// <summary>A piece of a text line to recognise: the detected line or its part inside one table cell.</summary>
/// <param name="Region">Where it is on the prepared page.</param>
/// <param name="Cell">The table cell it is in; null for text outside the tables.</param>
/// <param name="CellArea">The cell's inside in pixels (empty outside the tables).</param>
internal sealed record ScanPiece(TextRegion Region, GridCell? Cell, Rect2f CellArea)
{
    /// <summary>A run of ink no detected line covered (<see cref="UndetectedInk"/>): its reading is kept only when sure.</summary>
    public bool Undetected { get; init; }
}

/// <summary>The tables of a prepared page and the pieces of text to read.</summary>
/// <param name="Tables">The ruled tables, in display points.</param>
/// <param name="Rulings">The rulings in display points, for the layout stage.</param>
/// <param name="Pieces">What to recognise.</param>
/// <param name="LineHeight">The median height of the detected lines, in pixels.</param>
internal sealed record ScanLayout(ImmutableArray<TableGrid> Tables, ImmutableArray<Ruling> Rulings, IReadOnlyList<ScanPiece> Pieces, double LineHeight);
