using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Grows the boxes of a scanned table's cut lines (<see cref="ScanCells"/>) over ink of their own that the
/// detector left out (a mark beside a line in its cell, the rest of a character the box cuts), makes the
/// boxes of a cell that overlap on one line one, and boxes a line of a cell's ink that no box holds.
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
            // The marks no piece holds, found once for the cell (a cell may hold a page of lines).
            var unheld = marks.Where(m => !members.Any(p => Intersects(p.Region.Quad.Bounds, m))).ToList();
            var cellPieces = Merged([.. members.Select(p => marks.Count == 0 ? p : WidenedPiece(p, unheld, marks, lineHeight))]);
            result.AddRange(cellPieces);
            result.AddRange(Unread(cellPieces, marks, lineHeight));
        }

        return result;
    }

    /// <summary>
    /// Pieces for the lines of a cell's character-sized ink that no piece holds: the detector misses a short
    /// line of its own in a cell that has others, above all a 一 (a bar alone) over 级 in a narrow column that
    /// writes 一级指标 a character a line. Each line of such ink gets the box the detector would have drawn. A
    /// character a box grazes from above or below is not the box's (<see cref="Holds"/>): the box of a stack's
    /// first characters (紧急 of 紧急报警装置 one character a line, 单位资 of 单位资金) may cut the top of the next.
    /// </summary>
    private static IEnumerable<ScanPiece> Unread(List<ScanPiece> cellPieces, List<Rect> marks, double lineHeight)
    {
        var left = marks
            .Where(m => m.Height >= lineHeight / 3 || m.Width >= lineHeight / 2)
            .Where(m => !cellPieces.Any(p => Holds(p.Region.Quad.Bounds, m)))
            .OrderBy(m => m.Y)
            .ToList();
        var first = cellPieces[0];
        while (left.Count > 0)
        {
            // One line: the marks that share half the height of the first, and then of the line as it grows, or
            // that leave it no taller than a character (a character's parts one over the other: 监's stroke over
            // its 皿, the two halves of 装, which touch but do not overlap).
            var line = new List<Rect> { left[0] };
            var (top, bottom) = (left[0].Top, left[0].Bottom);
            left.RemoveAt(0);
            for (var grown = true; grown;)
            {
                var joining = left.Where(m => Math.Min(m.Bottom, bottom) - Math.Max(m.Top, top) >= 0.5 * Math.Min(m.Height, bottom - top)
                    || Math.Max(m.Bottom, bottom) - Math.Min(m.Top, top) <= CharacterHeight * lineHeight).ToList();
                grown = joining.Count > 0;
                foreach (var m in joining)
                {
                    (top, bottom) = (Math.Min(top, m.Top), Math.Max(bottom, m.Bottom));
                }

                line.AddRange(joining);
                left.RemoveAll(joining.Contains);
            }

            var ink = line.Aggregate((a, b) => a | b);
            if (ink.Height > 1.5 * lineHeight || cellPieces.Any(p => Math.Abs(p.Region.Quad.Bounds.Top + (p.Region.Quad.Bounds.Height / 2) - (ink.Y + (ink.Height / 2.0))) < 0.5 * lineHeight))
            {
                // Taller than a line, or beside a line already read (a mark further off than a word's gap): not a line of its own.
                continue;
            }

            yield return first with { Region = new TextRegion(Quad.FromRect(ScanCells.DetectorBox(ink, first.CellArea, lineHeight)), 0) };
        }
    }

    /// <summary>The height of a character's ink, in line heights (a line's box is the ink and a margin), at most.</summary>
    internal const double CharacterHeight = 0.8;

    /// <summary>
    /// A cell's pieces with those that overlap on one line made one: the detector at times boxes a short line
    /// and a part of it apart (得分 and 得, 偏差 and 偏), or a line cut at the cell's walls overlaps a box of its
    /// own there, and each box read on its own would repeat the characters they share (得得分, 偏偏差).
    /// </summary>
    internal static List<ScanPiece> Merged(List<ScanPiece> pieces)
    {
        // Each piece takes in every later one it overlaps, looking again after each (its box has grown); passes
        // repeat while a grown box took one in (it may now meet an earlier piece). A pass costs the square of
        // the pieces, so a page-sized cell of many lines stays cheap.
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < pieces.Count; i++)
            {
                for (var j = i + 1; j < pieces.Count; j++)
                {
                    var (a, b) = (pieces[i].Region.Quad.Bounds, pieces[j].Region.Quad.Bounds);
                    var across = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                    var down = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
                    if (across > 0 && down >= 0.5 * Math.Min(a.Height, b.Height))
                    {
                        var (left, top) = (Math.Min(a.Left, b.Left), Math.Min(a.Top, b.Top));
                        var union = new Rect2f(left, top, Math.Max(a.Right, b.Right) - left, Math.Max(a.Bottom, b.Bottom) - top);
                        var score = Math.Max(pieces[i].Region.Score, pieces[j].Region.Score);
                        pieces[i] = pieces[i] with { Region = new TextRegion(Quad.FromRect(union), score) };
                        pieces.RemoveAt(j);
                        (j, merged) = (i, true);
                    }
                }
            }
        }

        return pieces;
    }

    /// <summary>
    /// <paramref name="piece"/> grown over the whole of the ink it cuts whose middle it holds (the detector's box
    /// round a lone digit is at times half the digit's height), and reaching over the marks beside it on its
    /// line, each within a word's gap of the last, that lie in no piece of its cell.
    /// </summary>
    private static ScanPiece WidenedPiece(ScanPiece piece, List<Rect> unheld, List<Rect> marks, double lineHeight)
    {
        var box = piece.Region.Quad.Bounds;

        // Ink the box cuts, whose middle it holds, with a good part of it outside (a lone 4 under a box half its
        // height, a ” at the start of a line half in the box): the whole of it. A bracket or a descender that
        // pokes a little out of a box cut to its line's height (FitToInk) is read as it is.
        var (top, bottom) = ((double)box.Top, (double)box.Bottom);
        var (left, right) = ((double)box.Left, (double)box.Right);
        bool MiddleIn(Rect m) => m.Y + (m.Height / 2.0) >= box.Top && m.Y + (m.Height / 2.0) <= box.Bottom;
        foreach (var m in marks.Where(m => Intersects(box, m) && MiddleIn(m) && Outside(m, box) > CutShare))
        {
            top = Math.Min(top, m.Top - (0.15 * lineHeight));
            bottom = Math.Max(bottom, m.Bottom + (0.15 * lineHeight));
            left = Math.Min(left, m.Left - (0.3 * lineHeight));
            right = Math.Max(right, m.Right + (0.3 * lineHeight));
        }

        var free = unheld.Where(MiddleIn).ToList();
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
        var rect = ScanCells.InkInside(area, ink);
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

    /// <summary>
    /// Whether <paramref name="box"/> holds <paramref name="mark"/>: meets it, and does not merely graze a mark
    /// above or below it (the mark's middle under the box's span, at most <see cref="GrazedShare"/> of its
    /// height in the box). A mark a box grazes at its end is the box's still (its line's, which widening takes
    /// in), and so is one whose top or foot a box cut too short leaves out (a figure's digits above a box cut
    /// to its ink under a seal's remains).
    /// </summary>
    private static bool Holds(Rect2f box, Rect mark)
    {
        var x = mark.X + (mark.Width / 2.0);
        var inside = Math.Min(box.Bottom, mark.Bottom) - Math.Max(box.Top, mark.Top);
        return Intersects(box, mark) && (inside > GrazedShare * mark.Height || x < box.Left || x > box.Right);
    }

    /// <summary>The share of a mark's height, at most, that a box grazing it from above or below holds.</summary>
    internal const double GrazedShare = 0.25;

    private static bool Intersects(Rect2f a, Rect b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
}
