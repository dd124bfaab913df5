using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// A four-cornered region of a page image, in pixels (y grows downwards), corners in reading order of an
/// upright line: top-left, top-right, bottom-right, bottom-left.
/// </summary>
internal readonly record struct Quad(Point2f TopLeft, Point2f TopRight, Point2f BottomRight, Point2f BottomLeft)
{
    /// <summary>The length of the top and bottom edges, the longer of the two.</summary>
    public float Width => Math.Max(Distance(TopLeft, TopRight), Distance(BottomLeft, BottomRight));

    /// <summary>The length of the left and right edges, the longer of the two.</summary>
    public float Height => Math.Max(Distance(TopLeft, BottomLeft), Distance(TopRight, BottomRight));

    /// <summary>The upright rectangle round the corners.</summary>
    public Rect2f Bounds
    {
        get
        {
            var left = Math.Min(Math.Min(TopLeft.X, TopRight.X), Math.Min(BottomRight.X, BottomLeft.X));
            var top = Math.Min(Math.Min(TopLeft.Y, TopRight.Y), Math.Min(BottomRight.Y, BottomLeft.Y));
            var right = Math.Max(Math.Max(TopLeft.X, TopRight.X), Math.Max(BottomRight.X, BottomLeft.X));
            var bottom = Math.Max(Math.Max(TopLeft.Y, TopRight.Y), Math.Max(BottomRight.Y, BottomLeft.Y));
            return new Rect2f(left, top, right - left, bottom - top);
        }
    }

    /// <summary>The centre of the corners.</summary>
    public Point2f Centre => new((TopLeft.X + TopRight.X + BottomRight.X + BottomLeft.X) / 4, (TopLeft.Y + TopRight.Y + BottomRight.Y + BottomLeft.Y) / 4);

    /// <summary>The corners as an array, in the order of the record.</summary>
    public Point2f[] Corners => [TopLeft, TopRight, BottomRight, BottomLeft];

    /// <summary>An upright rectangle as a quad.</summary>
    public static Quad FromRect(Rect2f rect) => new(
        new Point2f(rect.Left, rect.Top),
        new Point2f(rect.Right, rect.Top),
        new Point2f(rect.Right, rect.Bottom),
        new Point2f(rect.Left, rect.Bottom));

    /// <summary>
    /// Four points in any order as a quad: the two leftmost become the left side, each side's upper point
    /// its top (the order a DB box needs whatever way minAreaRect lists it).
    /// </summary>
    public static Quad FromPoints(IReadOnlyList<Point2f> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count != 4)
        {
            throw new ArgumentException("four points are needed", nameof(points));
        }

        var byX = points.OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        var (topLeft, bottomLeft) = byX[0].Y <= byX[1].Y ? (byX[0], byX[1]) : (byX[1], byX[0]);
        var (topRight, bottomRight) = byX[2].Y <= byX[3].Y ? (byX[2], byX[3]) : (byX[3], byX[2]);
        return new Quad(topLeft, topRight, bottomRight, bottomLeft);
    }

    /// <summary>
    /// The point at (<paramref name="u"/>, <paramref name="v"/>) across the quad, both 0–1: u along the
    /// line from its left side, v down from its top (bilinear between the corners).
    /// </summary>
    public Point2f At(double u, double v)
    {
        var top = Lerp(TopLeft, TopRight, u);
        var bottom = Lerp(BottomLeft, BottomRight, u);
        return Lerp(top, bottom, v);
    }

    /// <summary>The piece of the quad from <paramref name="u0"/> to <paramref name="u1"/> along the line (0–1), at full height.</summary>
    public Quad Slice(double u0, double u1) => new(At(u0, 0), At(u1, 0), At(u1, 1), At(u0, 1));

    /// <summary>This quad with each corner mapped by <paramref name="map"/>.</summary>
    public Quad Map(Func<Point2f, Point2f> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new Quad(map(TopLeft), map(TopRight), map(BottomRight), map(BottomLeft));
    }

    private static float Distance(Point2f a, Point2f b) => (float)Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static Point2f Lerp(Point2f a, Point2f b, double t) => new((float)(a.X + ((b.X - a.X) * t)), (float)(a.Y + ((b.Y - a.Y) * t)));
}
