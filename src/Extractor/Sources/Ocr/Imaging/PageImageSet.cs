using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// The pages of an image file, decoded one at a time: a multi-page TIFF's pages are found by walking its
/// chain of image directories, and each is decoded alone by pointing the file's header at its directory (a
/// decoder reads a TIFF from its first directory on) — the file's own bytes when they are the reader's to
/// change, the header put back after, else a copy held while the page is decoded; the first page is decoded
/// from the file as it is. A batch converting two 30-page 300-dpi TIFFs at once would otherwise hold every
/// page of both decoded (8.7 MB a page). Any other format is one page. Not thread-safe: one conversion reads
/// its pages in turn.
/// </summary>
internal sealed class PageImageSet
{
    /// <summary>Most pages taken from one TIFF: a directory chain longer than this is cut there.</summary>
    public const int MaxPages = TiffLayout.MaxPages;

    private readonly ReadOnlyMemory<byte> data;
    private readonly TiffLayout? tiff;
    private readonly Memory<byte>? writable;

    private PageImageSet(ReadOnlyMemory<byte> data, TiffLayout? tiff, Memory<byte>? writable)
    {
        this.data = data;
        this.tiff = tiff;
        this.writable = writable;
    }

    /// <summary>The bytes of a TIFF's header that hold its first directory's offset, and before them (BigTIFF's 16).</summary>
    private const int HeaderBytes = 16;

    /// <summary>How many pages the file has.</summary>
    public int Count => tiff?.Directories.Count ?? 1;

    /// <summary>
    /// The pages of the image file held in <paramref name="data"/> (a TIFF's directories are found now; nothing is
    /// decoded yet). When <paramref name="owned"/>, no one else reads the bytes while the pages are decoded, and a
    /// TIFF's header is pointed at each page in place rather than in a copy of the file.
    /// </summary>
    /// <exception cref="InvalidDataException">A TIFF without a readable first directory.</exception>
    public static PageImageSet Open(ReadOnlyMemory<byte> data, bool owned = false)
    {
        var tiff = TiffLayout.Read(data.Span);
        if (tiff is { Directories.Count: 0 })
        {
            throw new InvalidDataException("a TIFF whose first image directory cannot be read");
        }

        return new PageImageSet(data, tiff, owned && tiff is not null ? MemoryMarshal.AsMemory(data) : (Memory<byte>?)null);
    }

    /// <summary>
    /// The resolution of page <paramref name="index"/> as <see cref="Decode"/> gives it: the finer of the two it
    /// states across and down (a TIFF's each page in its own directory, another format in its header), or null
    /// when it states none (<see cref="ImageResolution.Stated"/>).
    /// </summary>
    public double? StatedDotsPerInch(int index) => Stated(index)?.Finer;

    /// <summary>
    /// How much coarser page <paramref name="index"/> was scanned along its coarser side than along its finer, as
    /// its header states (a fax in standard mode: 98 / 204); 1 when it states none or an aspect no scanner has.
    /// </summary>
    public double CoarserShare(int index) =>
        Stated(index) is { } r && Math.Min(r.Across, r.Down) / r.Finer is var share && share >= 1 / ImageResolution.MaxAspect ? share : 1;

    private StatedResolution? Stated(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return tiff is null ? ImageResolution.Stated(data.Span) : tiff.StatedResolution(data.Span, index);
    }

    /// <summary>
    /// Whether the bytes are a PNG, which may hold an alpha channel: decoded as it is, so that a
    /// page with a transparent background is laid on white (<see cref="PageImageLoader.Compact"/>). A JPEG or
    /// BMP is decoded in colour, which also turns a JPEG as its EXIF orientation says.
    /// </summary>
    private static bool MayHoldAlpha(ReadOnlySpan<byte> bytes) => bytes.StartsWith(ImageResolution.PngSignature);

    /// <summary>
    /// Page <paramref name="index"/> (from 0), 8-bit, grey when it has no colour (<see cref="PageImageLoader.Compact"/>),
    /// its pixels square (a fax's stretched down the page: <see cref="ImageResolution.Square"/>). The caller disposes it.
    /// </summary>
    /// <exception cref="InvalidDataException">The page cannot be decoded.</exception>
    public Mat Decode(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        Mat image;
        if (tiff is null || index == 0)
        {
            image = PageImageLoader.Compact(Cv2.ImDecode(data.Span, tiff is null && !MayHoldAlpha(data.Span) ? ImreadModes.Color : ImreadModes.Unchanged));
        }
        else if (writable is { } own)
        {
            // The file's own bytes, their header pointed at the page and put back: a copy of a 17 MB TIFF was
            // the largest native allocation of a sweep's two conversions at their peak.
            Span<byte> header = stackalloc byte[HeaderBytes];
            var head = own.Span[..Math.Min(HeaderBytes, own.Length)];
            head.CopyTo(header);
            try
            {
                tiff.PointAt(own.Span, index);
                image = PageImageLoader.Compact(Cv2.ImDecode(own.Span, ImreadModes.Unchanged));
            }
            finally
            {
                header[..head.Length].CopyTo(head);
            }
        }
        else
        {
            // The copy is native memory held only while the page is decoded: a managed copy of a 13 MB grey
            // TIFF lived as long as the conversion, beside the file's own bytes, through every page's reading.
            using var copy = new Mat(1, data.Length, MatType.CV_8UC1);
            var bytes = copy.AsSpan<byte>();
            data.Span.CopyTo(bytes);
            tiff.PointAt(bytes, index);
            image = PageImageLoader.Compact(Cv2.ImDecode(copy, ImreadModes.Unchanged));
        }

        if (image.Empty())
        {
            image.Dispose();
            throw new InvalidDataException(tiff is null ? "bytes OpenCV cannot decode as an image" : $"page {index + 1} of the TIFF could not be decoded");
        }

        if (ImageResolution.Square(image, Stated(index)) is { } square)
        {
            image.Dispose();
            return square;
        }

        return image;
    }
}
