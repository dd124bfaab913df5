using System.Buffers.Binary;

namespace Extractor.Sources.Ocr;

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

    /// <summary>The resolution the file states (a TIFF's first page's), or null.</summary>
    internal static double? Stated(ReadOnlySpan<byte> data)
    {
        try
        {
            return data switch
            {
                _ when data.Length >= 24 && data[..8].SequenceEqual(PngSignature) => Png(data),
                _ when data.Length >= 20 && data[0] == 0xFF && data[1] == 0xD8 => Jpeg(data),
                _ when data.Length >= 46 && data[0] == 'B' && data[1] == 'M' => Positive(BinaryPrimitives.ReadInt32LittleEndian(data[38..]) * 0.0254),
                _ when Imaging.TiffLayout.Read(data) is { } tiff => tiff.StatedDotsPerInch(data, 0),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            // A header cut short says nothing.
            return null;
        }
    }

    private static double? Png(ReadOnlySpan<byte> data)
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
                return Positive(BinaryPrimitives.ReadUInt32BigEndian(data[(at + 8)..]) * 0.0254);
            }

            at += 12 + length;
        }

        return null;
    }

    private static double? Jpeg(ReadOnlySpan<byte> data)
    {
        // APP0 "JFIF\0": units (1 an inch, 2 a centimetre), then the horizontal density.
        var at = 2;
        while (at + 4 <= data.Length && data[at] == 0xFF)
        {
            var marker = data[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (marker == 0xE0 && length >= 14 && data[(at + 4)..(at + 9)].SequenceEqual("JFIF\0"u8))
            {
                var density = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 12)..]);
                return data[at + 11] switch
                {
                    1 => Positive(density),
                    2 => Positive(density * 2.54),
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
