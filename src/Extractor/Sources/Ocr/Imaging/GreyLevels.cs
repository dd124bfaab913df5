using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>A grey image's levels counted (256 of them) and the quantiles read from such counts.</summary>
internal static class GreyLevels
{
    /// <summary>How many pixels of the 8-bit grey <paramref name="grey"/> have each level.</summary>
    public static double[] Count(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        using var histogram = new Mat();
        Cv2.CalcHist([grey], [0], null, histogram, 1, [256], [new Rangef(0, 256)]);
        var counts = new double[256];
        for (var level = 0; level < counts.Length; level++)
        {
            counts[level] = histogram.At<float>(level);
        }

        return counts;
    }

    /// <summary>The first level at which <paramref name="counts"/> reach <paramref name="share"/> of their total (the last level when they never do).</summary>
    public static int Quantile(IReadOnlyList<double> counts, double share)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (total, seen) = (counts.Sum(), 0.0);
        for (var level = 0; level < counts.Count; level++)
        {
            seen += counts[level];
            if (seen >= share * total)
            {
                return level;
            }
        }

        return counts.Count - 1;
    }

    /// <summary>Share of a page's pixels black or white at or above which it is bitonal (scanned in black and white).</summary>
    public const double BitonalShare = 0.8;

    /// <summary>Whether a page with these <paramref name="counts"/> is bitonal (<see cref="BitonalShare"/>): its few greys are its scaled edges'.</summary>
    public static bool IsBitonal(IReadOnlyList<double> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts[0] + counts[^1] >= BitonalShare * counts.Sum();
    }

    /// <summary>The paper's grey: the page's median level, paper being most of a page.</summary>
    public static int Paper(Mat grey) => Quantile(Count(grey), 0.5);
}
