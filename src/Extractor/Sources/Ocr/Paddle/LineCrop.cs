using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// A text line cut out of a page and set upright for recognition, with the quad it came from, its corners
/// listed as the crop's: <c>Source.At(u, v)</c> is the page point under the crop's point (u × width,
/// v × height). A crop turned for recognition turns its source quad with it, so reading positions map back
/// to the page through it whatever the turn.
/// </summary>
internal sealed class LineCrop : IDisposable
{
    /// <summary>Creates a crop of <paramref name="image"/> (owned) cut from <paramref name="source"/>.</summary>
    public LineCrop(Mat image, Quad source)
    {
        Image = image ?? throw new ArgumentNullException(nameof(image));
        Source = source;
    }

    /// <summary>The crop, 8-bit, with the page's channels (see <see cref="AsBgr"/>).</summary>
    public Mat Image { get; private set; }

    /// <summary>The page quad under the crop, corners in the crop's order.</summary>
    public Quad Source { get; private set; }

    /// <summary>Whether the crop has been turned by 180° since it was cut.</summary>
    public bool Flipped { get; private set; }

    /// <summary>Turns the crop by 180° (a line the classifier found upside down).</summary>
    public void Flip()
    {
        var turned = new Mat();
        Cv2.Rotate(Image, turned, RotateFlags.Rotate180);
        Image.Dispose();
        Image = turned;
        Source = new Quad(Source.BottomRight, Source.BottomLeft, Source.TopLeft, Source.TopRight);
        Flipped = !Flipped;
    }

    /// <summary>This crop with its image made BGR (as the models take it), when it is not already.</summary>
    public LineCrop AsBgr()
    {
        if (Image.Channels() != 3)
        {
            var bgr = Imaging.Greyscale.ToBgr(Image);
            Image.Dispose();
            Image = bgr;
        }

        return this;
    }

    /// <inheritdoc/>
    public void Dispose() => Image.Dispose();
}
