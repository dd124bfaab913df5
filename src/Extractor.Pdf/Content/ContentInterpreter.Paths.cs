namespace Extractor.Pdf.Content;

/// <summary>Path construction and painting, reduced to what table rulings need.</summary>
internal sealed partial class ContentInterpreter
{
    // Current path in user space: points with a flag telling whether the piece ending there is a straight line.
    private readonly List<(double X, double Y, bool Line, bool StartsSubpath)> path = new();
    private int subpathStart = -1;
    private readonly List<int> closedSubpaths = new();

    private (List<(double, double, bool, bool)> Path, int Start, List<int> Closed) SavePath() =>
        (new List<(double, double, bool, bool)>(path), subpathStart, new List<int>(closedSubpaths));

    private void RestorePath((List<(double X, double Y, bool Line, bool StartsSubpath)> Path, int Start, List<int> Closed) saved)
    {
        path.Clear();
        path.AddRange(saved.Path);
        subpathStart = saved.Start;
        closedSubpaths.Clear();
        closedSubpaths.AddRange(saved.Closed);
    }

    private void MoveTo(double x, double y)
    {
        if (path.Count > 200_000)
        {
            return;
        }

        var (ux, uy) = gs.Ctm.Transform(x, y);
        subpathStart = path.Count;
        path.Add((ux, uy, false, true));
    }

    private void LineTo(double x, double y)
    {
        if (subpathStart < 0)
        {
            MoveTo(x, y);
            return;
        }

        if (path.Count > 200_000)
        {
            return;
        }

        var (ux, uy) = gs.Ctm.Transform(x, y);
        path.Add((ux, uy, true, false));
    }

    private void CurveTo(double x, double y)
    {
        if (subpathStart < 0)
        {
            MoveTo(x, y);
            return;
        }

        var (ux, uy) = gs.Ctm.Transform(x, y);
        path.Add((ux, uy, false, false));
    }

    private void ClosePath()
    {
        if (subpathStart >= 0 && !closedSubpaths.Contains(subpathStart))
        {
            closedSubpaths.Add(subpathStart);
        }
    }

    private void Rectangle(double x, double y, double w, double h)
    {
        MoveTo(x, y);
        LineTo(x + w, y);
        LineTo(x + w, y + h);
        LineTo(x, y + h);
        ClosePath();
    }

    private void ClearPath()
    {
        path.Clear();
        closedSubpaths.Clear();
        subpathStart = -1;
    }

    private void PaintPath(bool stroke, bool fill, bool closeFirst)
    {
        if (closeFirst)
        {
            ClosePath();
        }

        if (path.Count > 0 && !IsHidden)
        {
            int i = 0;
            while (i < path.Count)
            {
                int start = i;
                int end = i + 1;
                while (end < path.Count && !path[end].StartsSubpath)
                {
                    end++;
                }

                bool closed = closedSubpaths.Contains(start);
                if (stroke)
                {
                    StrokeSubpath(start, end, closed);
                }
                else if (fill)
                {
                    FillSubpath(start, end);
                }

                i = end;
            }
        }

        ClearPath();
    }

    private double StrokeThickness()
    {
        double scale = Math.Sqrt(Math.Abs(gs.Ctm.Determinant));
        return Math.Abs(gs.LineWidth) * scale;
    }

    private void StrokeSubpath(int start, int end, bool closed)
    {
        double thickness = StrokeThickness();
        for (int k = start + 1; k < end; k++)
        {
            if (path[k].Line)
            {
                AddSegment(path[k - 1].X, path[k - 1].Y, path[k].X, path[k].Y, thickness);
            }
        }

        if (closed && end - start > 2)
        {
            AddSegment(path[end - 1].X, path[end - 1].Y, path[start].X, path[start].Y, thickness);
        }
    }

    /// <summary>A filled axis-aligned rectangle whose short side is thin is a ruling drawn as a box.</summary>
    private void FillSubpath(int start, int end)
    {
        int count = end - start;
        if (count < 4 || count > 5)
        {
            return;
        }

        for (int k = start + 1; k < end; k++)
        {
            if (!path[k].Line)
            {
                return;
            }
        }

        if (count == 5 && (Math.Abs(path[start + 4].X - path[start].X) > 0.01 || Math.Abs(path[start + 4].Y - path[start].Y) > 0.01))
        {
            return;
        }

        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int k = start; k < start + 4; k++)
        {
            minX = Math.Min(minX, path[k].X);
            maxX = Math.Max(maxX, path[k].X);
            minY = Math.Min(minY, path[k].Y);
            maxY = Math.Max(maxY, path[k].Y);
        }

        // Axis-aligned: every corner sits on the bounding box.
        for (int k = start; k < start + 4; k++)
        {
            bool onX = Math.Abs(path[k].X - minX) < 0.01 || Math.Abs(path[k].X - maxX) < 0.01;
            bool onY = Math.Abs(path[k].Y - minY) < 0.01 || Math.Abs(path[k].Y - maxY) < 0.01;
            if (!onX || !onY)
            {
                return;
            }
        }

        double w = maxX - minX, h = maxY - minY;
        double thin = options.MaxRulingThickness;
        if (w <= h && w <= thin && h > 0)
        {
            double cx = (minX + maxX) / 2;
            AddSegment(cx, minY, cx, maxY, w);
        }
        else if (h < w && h <= thin && w > 0)
        {
            double cy = (minY + maxY) / 2;
            AddSegment(minX, cy, maxX, cy, h);
        }
    }

    private void AddSegment(double x0, double y0, double x1, double y1, double thickness)
    {
        // A matrix that overflowed gives infinite or undefined ends: no ruling there.
        if ((x0 == x1 && y0 == y1) || !double.IsFinite(x0 + y0 + x1 + y1))
        {
            return;
        }

        if (Segments.Count >= options.MaxSegmentsPerPage)
        {
            if (!segmentLimitReported)
            {
                segmentLimitReported = true;
                Warn($"more than {options.MaxSegmentsPerPage} rulings on the page; the rest are not read");
            }

            return;
        }

        Segments.Add(new Segment(new PdfPoint(x0, y0), new PdfPoint(x1, y1), thickness));
    }
}
