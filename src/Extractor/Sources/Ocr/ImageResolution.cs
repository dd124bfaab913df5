using System.Buffers.Binary;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// The resolution an image states across its rows and down its columns, in dots an inch: the two differ in a
/// fax (204 × 98 in standard mode, 204 × 196 in fine).
/// </summary>
internal readonly record struct StatedResolution(double Across, double Down)
{
    /// <summary>The finer of the two: the page's resolution once its pixels are made square (<see cref="ImageResolution.Square"/>).</summary>
    public double Finer => Math.Max(Across, Down);

    /// <summary>Both the same, or one from the file's header when it gives only one.</summary>
    public static StatedResolution? Of(double? across, double? down) =>
        (across ?? down, down ?? across) is ( > 0 and var a, > 0 and var d) ? new StatedResolution(a, d) : null;
}

/// <summary>
/// The resolution an image file says it was scanned at (TIFF XResolution, PNG pHYs, JPEG JFIF density,
/// BMP pixels per metre), and the one used when it says none or one that cannot be right: a page image is
/// then taken to be an A4 page's height (297 mm) on its longer side.
/// </summary>
internal static class ImageResolution
{
    /// <summary>The eight bytes a PNG file starts with.</summary>
    public static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The longer side of A4, in inches.</summary>
    public const double A4LongSide = 297 / 25.4;

    /// <summary>
    /// Dots an inch for a page of <paramref name="width"/> × <paramref name="height"/> pixels that states
    /// <paramref name="stated"/> (<see cref="Stated"/>, or a TIFF page's own): that value when it gives a page
    /// between A6 and A2 (4 to 24 inches on the longer side), else the A4 assumption.
    /// </summary>
    public static double DotsPerInch(double? stated, int width, int height)
    {
        var longer = Math.Max(width, height);
        return stated is { } dpi && longer / dpi is >= 4 and <= 24 ? dpi : longer / A4LongSide;
    }

    /// <summary>
    /// Pixels stated to be taller or wider than they are broad (a fax's 204 × 98 dpi) by more than this
    /// fraction are made square: the page is stretched along its coarser side.
    /// </summary>
    public const double SquareTolerance = 0.02;

    /// <summary>A pixel stated more than this many times as tall as it is wide (or wide as tall) is taken as a header's mistake and left.</summary>
    public const double MaxAspect = 4;

    /// <summary>
    /// <paramref name="image"/> stretched along its coarser side so that its pixels are square at
    /// <paramref name="stated"/>'s finer resolution, or null when they are square already, nothing is stated, or
    /// the stated aspect cannot be a scanner's (<see cref="MaxAspect"/>). The caller disposes the new image.
    /// </summary>
    public static Mat? Square(Mat image, StatedResolution? stated)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (stated is not { } r || Math.Abs((r.Across / r.Down) - 1) <= SquareTolerance || r.Across / r.Down is > MaxAspect or < 1 / MaxAspect)
        {
            return null;
        }

        var size = new Size((int)Math.Round(image.Cols * r.Finer / r.Across), (int)Math.Round(image.Rows * r.Finer / r.Down));
        var square = new Mat();
        Cv2.Resize(image, square, size, 0, 0, InterpolationFlags.Linear);
        return square;
    }

    /// <summary>The resolution the file states (a TIFF's first page's), or null.</summary>
    internal static StatedResolution? Stated(ReadOnlySpan<byte> data)
    {
        try
        {
            return data switch
            {
                _ when data.Length >= 24 && data[..8].SequenceEqual(PngSignature) => Png(data),
                _ when data.Length >= 20 && data[0] == 0xFF && data[1] == 0xD8 => Jpeg(data),
                _ when data.Length >= 46 && data[0] == 'B' && data[1] == 'M' => StatedResolution.Of(
                    Positive(BinaryPrimitives.ReadInt32LittleEndian(data[38..]) * 0.0254), Positive(BinaryPrimitives.ReadInt32LittleEndian(data[42..]) * 0.0254)),
                _ when Imaging.TiffLayout.Read(data) is { } tiff => tiff.StatedResolution(data, 0),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            // A header cut short says nothing.
            return null;
        }
    }

    private static StatedResolution? Png(ReadOnlySpan<byte> data)
    {
        for (var at = 8; at + 12 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data[at..]);
            if (length < 0 || data[(at + 4)..(at + 8)].SequenceEqual("IDAT"u8))
            {
                return null;
            }

            if (data[(at + 4)..(at + 8)].SequenceEqual("pHYs"u8) && length >= 9 && data[at + 16] == 1)
            {
                return StatedResolution.Of(
                    Positive(BinaryPrimitives.ReadUInt32BigEndian(data[(at + 8)..]) * 0.0254), Positive(BinaryPrimitives.ReadUInt32BigEndian(data[(at + 12)..]) * 0.0254));
            }

            at += 12 + length;
        }

        return null;
    }

    private static StatedResolution? Jpeg(ReadOnlySpan<byte> data)
    {
        // APP0 "JFIF\0": units (1 an inch, 2 a centimetre), then the horizontal and the vertical density.
        var at = 2;
        while (at + 4 <= data.Length && data[at] == 0xFF)
        {
            var marker = data[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (marker == 0xE0 && length >= 14 && data[(at + 4)..(at + 9)].SequenceEqual("JFIF\0"u8))
            {
                double across = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 12)..]);
                double down = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 14)..]);
                return data[at + 11] switch
                {
                    1 => StatedResolution.Of(Positive(across), Positive(down)),
                    2 => StatedResolution.Of(Positive(across * 2.54), Positive(down * 2.54)),
                    _ => null,
                };
            }

            if (marker is 0xDA or 0xD9)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    private static double? Positive(double value) => value > 0 ? value : null;
}
