using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Grows the boxes of a scanned table's cut lines (<see cref="ScanCells"/>) over ink of their own that the
/// detector left out: a mark beside a line in its cell, the rest of a character the box cuts.
/// </summary>
internal static class PieceWidening
{
    /// <summary>
    /// The pieces with each piece of a cell widened over the ink beside it on its line that no piece of the cell
    /// holds: the detector, which sees the page shrunk to 960 pixels, leaves out a short item number or mark at
    /// the start or end of a line when a gap or a wall stands close to it (the 1、 of 1、肥料利用率, the 一、 of
    /// 一、示范区建立), and a line read without it loses that text.
    /// </summary>
    internal static List<ScanPiece> Widened(List<ScanPiece> pieces, Mat ink, double lineHeight)
    {
        var result = new List<ScanPiece>(pieces.Count);
        foreach (var group in pieces.GroupBy(p => p.Cell))
        {
            if (group.Key is null)
            {
                result.AddRange(group);
                continue;
            }

            var members = group.ToList();
            var marks = CellMarks(ink, members[0].CellArea, lineHeight);
            foreach (var piece in members)
            {
                result.Add(marks.Count == 0 ? piece : WidenedPiece(piece, members, marks, lineHeight));
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="piece"/> grown over the whole of the ink it cuts whose middle it holds (the detector's box
    /// round a lone digit is at times half the digit's height), and reaching over the marks beside it on its
    /// line, each within a word's gap of the last, that lie in no piece of its cell.
    /// </summary>
    private static ScanPiece WidenedPiece(ScanPiece piece, List<ScanPiece> cellPieces, List<Rect> marks, double lineHeight)
    {
        var box = piece.Region.Quad.Bounds;

        // Ink the box cuts, whose middle it holds, with a good part of it outside (a lone 4 under a box half its
        // height, a ” at the start of a line half in the box): the whole of it. A bracket or a descender that
        // pokes a little out of a box cut to its line's height (FitToInk) is read as it is.
        var (top, bottom) = ((double)box.Top, (double)box.Bottom);
        var (left, right) = ((double)box.Left, (double)box.Right);
        foreach (var m in marks.Where(m => Intersects(box, m) && m.Y + (m.Height / 2.0) >= box.Top && m.Y + (m.Height / 2.0) <= box.Bottom
            && Outside(m, box) > CutShare))
        {
            top = Math.Min(top, m.Top - (0.15 * lineHeight));
            bottom = Math.Max(bottom, m.Bottom + (0.15 * lineHeight));
            left = Math.Min(left, m.Left - (0.3 * lineHeight));
            right = Math.Max(right, m.Right + (0.3 * lineHeight));
        }

        var free = marks
            .Where(m => m.Y + (m.Height / 2.0) >= box.Top && m.Y + (m.Height / 2.0) <= box.Bottom)
            .Where(m => !cellPieces.Any(p => Intersects(p.Region.Quad.Bounds, m)))
            .ToList();
        var gap = WordGap * lineHeight;
        foreach (var m in free.Where(m => m.Right <= box.Left + 1).OrderByDescending(m => m.Right))
        {
            if (left - m.Right > gap)
            {
                break;
            }

            left = Math.Min(left, m.Left - (0.25 * lineHeight));
        }

        foreach (var m in free.Where(m => m.Left >= box.Right - 1).OrderBy(m => m.Left))
        {
            if (m.Left - right > gap)
            {
                break;
            }

            right = Math.Max(right, m.Right + (0.25 * lineHeight));
        }

        var cell = piece.CellArea;
        (left, right) = (Math.Max(cell.Left, left), Math.Min(cell.Right, right));
        (top, bottom) = (Math.Max(cell.Top, top), Math.Min(cell.Bottom, bottom));
        if (left >= box.Left && right <= box.Right && top >= box.Top && bottom <= box.Bottom)
        {
            return piece;
        }

        (left, right, top, bottom) = (Math.Min(left, box.Left), Math.Max(right, box.Right), Math.Min(top, box.Top), Math.Max(bottom, box.Bottom));
        var widened = new Rect2f((float)left, (float)top, (float)(right - left), (float)(bottom - top));
        return piece with { Region = piece.Region with { Quad = Quad.FromRect(widened) } };
    }

    /// <summary>The share of a mark's box outside a line's box beyond which the line's box is grown over it.</summary>
    internal const double CutShare = 0.15;

    /// <summary>The share of <paramref name="mark"/>'s area outside <paramref name="box"/>.</summary>
    private static double Outside(Rect mark, Rect2f box)
    {
        var width = Math.Max(0, Math.Min(mark.Right, box.Right) - Math.Max(mark.Left, box.Left));
        var height = Math.Max(0, Math.Min(mark.Bottom, box.Bottom) - Math.Max(mark.Top, box.Top));
        return 1 - (width * height / Math.Max(1.0, (double)mark.Width * mark.Height));
    }

    /// <summary>The widest gap, in line heights, between a line and a mark of its own left out of its box.</summary>
    internal const double WordGap = 1.0;

    /// <summary>
    /// The boxes, in page pixels, of the ink pieces of a cell that may be characters or parts of them: no specks,
    /// no remains of a ruling along a wall, none taller than a line and a half.
    /// </summary>
    private static List<Rect> CellMarks(Mat ink, Rect2f area, double lineHeight)
    {
        var rect = new Rect((int)Math.Ceiling(area.Left) + 1, (int)Math.Ceiling(area.Top) + 1, (int)Math.Floor(area.Width) - 2, (int)Math.Floor(area.Height) - 2)
            & new Rect(0, 0, ink.Cols, ink.Rows);
        var marks = new List<Rect>();
        if (rect.Width < 4 || rect.Height < 4)
        {
            return marks;
        }

        using var window = new Mat(ink, rect);
        var speck = Math.Max(3, lineHeight * lineHeight / 200);
        foreach (var (box, pixels) in InkComponents.Of(window))
        {
            if (pixels >= speck && !InkComponents.IsWallRemains(box, rect.Size, 0.2 * lineHeight) && box.Height <= 1.5 * lineHeight)
            {
                marks.Add(new Rect(rect.X + box.X, rect.Y + box.Y, box.Width, box.Height));
            }
        }

        return marks;
    }

    private static bool Intersects(Rect2f a, Rect b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
}
