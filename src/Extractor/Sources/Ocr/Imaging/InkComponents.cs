using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>The connected pieces of an ink mask (255 ink, 8-connected), each as its box and its area, and the grey under the ink.</summary>
internal static class InkComponents
{
    /// <summary>
    /// The pieces of ink of <paramref name="window"/>, boxed in the window's pixels; piece k is labelled k + 1 in
    /// <paramref name="labels"/> when it is given (0 for paper).
    /// </summary>
    public static List<(Rect Box, int Area)> Of(Mat window, Mat? labels = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        using var own = labels is null ? new Mat() : null;
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(window, labels ?? own!, stats, centroids, PixelConnectivity.Connectivity8);
        var pieces = new List<(Rect Box, int Area)>(Math.Max(0, count - 1));
        for (var i = 1; i < count; i++)
        {
            var box = new Rect(
                stats.At<int>(i, (int)ConnectedComponentsTypes.Left),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Top),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Width),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Height));
            pieces.Add((box, stats.At<int>(i, (int)ConnectedComponentsTypes.Area)));
        }

        return pieces;
    }

    /// <summary>
    /// Whether a piece of <paramref name="window"/> (a cell's inside) is what is left of a ruling along a wall:
    /// under <paramref name="thin"/> across and touching the window's edge it runs along.
    /// </summary>
    public static bool IsWallRemains(Rect box, Size window, double thin) =>
        (box.Height <= thin && (box.Y <= 2 || box.Bottom >= window.Height - 2)) || (box.Width <= thin && (box.X <= 2 || box.Right >= window.Width - 2));

    /// <summary>The mean grey of <paramref name="grey"/> under the ink of <paramref name="ink"/> in <paramref name="rect"/>, or null when it holds none.</summary>
    public static double? MeanGrey(Mat ink, Mat grey, Rect rect)
    {
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentNullException.ThrowIfNull(grey);
        if (rect.Width <= 0 || rect.Height <= 0)
        {
            return null;
        }

        using var inkPart = new Mat(ink, rect);
        if (Cv2.CountNonZero(inkPart) == 0)
        {
            return null;
        }

        using var greyPart = new Mat(grey, rect);
        return Cv2.Mean(greyPart, inkPart).Val0;
    }
}
