using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// One stamp ink's colour as a page shows it, and the print under it recovered. Ink on paper multiplies the
/// light it passes: in optical density (−ln of a channel's value over the paper's) a pixel is the stamp's
/// density vector times how much stamp lies there plus black print's, which is the same in every channel.
/// The stamp's amount is told by the gap between the channel it darkens most and the one it darkens least
/// (black print widens no gap); what is left of the least-darkened channel is the print. A red seal darkens
/// its red channel hardly at all, but a blue stamp's blue channel is some 70 grey levels under the paper:
/// taking only the lightest channel, as serves red, leaves a blue stamp's words and frame on the page.
/// </summary>
internal sealed class StampInkColour
{
    private readonly double[][] counts = [new double[256], new double[256], new double[256]];

    /// <summary>The amount of ink beyond which a pixel is taken as this much: a stamp pressed twice over, not noise.</summary>
    public const double MostInk = 2.0;

    /// <summary>Least gap (density) between the ink's darkest and lightest channels: a greyer ink is not told from print.</summary>
    public const double LeastSpread = 0.25;

    /// <summary>
    /// Share of the paper's grey level above which what is left of a stamp's pixel is paper: a JPEG keeps colour
    /// at half the resolution, so a stroke's edges and a thin stroke show less of the ink's colour than of its
    /// darkness, and would stay as a grey outline; print under a stamp is far darker.
    /// </summary>
    public const double PaperShare = 0.75;

    /// <summary>Pixels of the ink's strokes counted so far.</summary>
    public long Pixels { get; private set; }

    /// <summary>Counts each channel's value of the BGR pixels of <paramref name="band"/> where <paramref name="core"/> is set.</summary>
    public void Count(Mat band, Mat core)
    {
        var pixels = band.AsSpan<byte>();
        var marks = core.AsSpan<byte>();
        for (var i = 0; i < marks.Length; i++)
        {
            if (marks[i] == 0)
            {
                continue;
            }

            counts[0][pixels[3 * i]]++;
            counts[1][pixels[(3 * i) + 1]]++;
            counts[2][pixels[(3 * i) + 2]]++;
            Pixels++;
        }
    }

    /// <summary>
    /// The ink's channels measured from the counted strokes' median values against <paramref name="paper"/>
    /// (the page's light grey level), or null when none were counted or the ink is too grey to be told: stamp
    /// ink darkens its darkest channel at least twice as much as its lightest, while grey print's edges on
    /// paper stained brown, taken for red ink by their hue, are dark in every channel.
    /// </summary>
    public Unmixing? Measure(int paper)
    {
        if (Pixels == 0)
        {
            return null;
        }

        var density = new double[3];
        for (var c = 0; c < 3; c++)
        {
            density[c] = Math.Max(0, Math.Log((paper + 1.0) / (GreyLevels.Quantile(counts[c], 0.5) + 1.0)));
        }

        var darkest = Array.IndexOf(density, density.Max());
        var lightest = Array.IndexOf(density, density.Min());
        var spread = density[darkest] - density[lightest];
        return spread < LeastSpread || spread < density[lightest] ? null : new Unmixing(darkest, lightest, spread, density[lightest], paper);
    }

    /// <summary>
    /// A measured ink: its most and least darkened channels (0 blue, 1 green, 2 red), the gap between their
    /// densities, the least darkened one's density, and the paper's grey level, which no pixel is made lighter than.
    /// </summary>
    internal readonly record struct Unmixing(int Darkest, int Lightest, double Spread, double LightDensity, int Paper)
    {
        /// <summary>
        /// Writes into <paramref name="grey"/> the print left when this ink is taken out of the BGR pixels of
        /// <paramref name="band"/> where <paramref name="mask"/> is set (all three of the same size and continuous).
        /// </summary>
        public void Apply(Mat band, Mat mask, Mat grey)
        {
            var pixels = band.AsSpan<byte>();
            var marks = mask.AsSpan<byte>();
            var target = grey.AsSpan<byte>();
            for (var i = 0; i < marks.Length; i++)
            {
                if (marks[i] != 0)
                {
                    var (light, dark) = (pixels[(3 * i) + Lightest], pixels[(3 * i) + Darkest]);
                    target[i] = Print(light, Amount(light, dark));
                }
            }
        }

        /// <summary>How much ink lies at a pixel whose least and most darkened channels read as given (1: as much as the strokes' median).</summary>
        public double Amount(byte light, byte dark) => Math.Clamp(Math.Log((light + 1.0) / (dark + 1.0)) / Spread, 0, MostInk);

        /// <summary>The print's grey value under a pixel whose least darkened channel reads <paramref name="light"/> under <paramref name="amount"/> of ink.</summary>
        public byte Print(byte light, double amount)
        {
            var value = ((light + 1.0) * Math.Exp(amount * LightDensity)) - 1;
            return value >= PaperShare * Paper ? (byte)Math.Max(light, Paper) : (byte)Math.Clamp(Math.Round(value), 0, 255);
        }
    }
}
