using System.Globalization;
using System.Text;

namespace Extractor.Sources.Ocr;

/// <summary>An 8-bit grey image, row by row from the top, 0 black and 255 white: a rendered page or a piece of it.</summary>
internal sealed class PageImage
{
    /// <summary>Creates an image over <paramref name="pixels"/> (row-major, <paramref name="width"/> × <paramref name="height"/>).</summary>
    public PageImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"{pixels.Length} pixels for a {width}×{height} image", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The grey values, row-major from the top-left.</summary>
    public byte[] Pixels { get; }

    /// <summary>The grey value at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public byte this[int x, int y]
    {
        get => Pixels[(y * Width) + x];
        set => Pixels[(y * Width) + x] = value;
    }

    /// <summary>A white image.</summary>
    public static PageImage Blank(int width, int height)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        return new PageImage(width, height, pixels);
    }

    /// <summary>
    /// How much redder than green and blue a pixel must be to count as red ink: an official seal (公章)
    /// stamped over the table, or a red signature. Such a pixel is taken at its red channel, in which red
    /// ink is as light as paper, so the seal's ring and letters vanish while black print under it (dark in
    /// every channel) stays. Paper tints, grey and black are far below this; a seal's stroke in a JPEG scan
    /// is 120–180 redder, its blurred edge 50–100.
    /// </summary>
    public const int RedInk = 48;

    /// <summary>
    /// Reads a binary PNM image as pdftoppm writes it: P5 (grey, 8 or 16 bits) or P6 (colour, turned grey
    /// with the Rec. 601 weights, red ink dropped: see <see cref="RedInk"/>). Throws <see
    /// cref="FormatException"/> on anything else or on truncated data.
    /// </summary>
    public static PageImage ReadPnm(ReadOnlySpan<byte> data)
    {
        var header = Header(data);
        if (data.Length - header.Start < header.RowBytes * header.Height)
        {
            throw new FormatException($"PNM data is truncated: {data.Length - header.Start} bytes for {header.RowBytes * header.Height}");
        }

        var pixels = new byte[header.Width * header.Height];
        for (var y = 0; y < header.Height; y++)
        {
            var row = data.Slice((int)(header.Start + (y * header.RowBytes)), (int)header.RowBytes);
            header.Convert(row, pixels.AsSpan(y * header.Width, header.Width));
        }

        return new PageImage(header.Width, header.Height, pixels);
    }

    /// <summary>
    /// Reads a PNM file as <see cref="ReadPnm(ReadOnlySpan{byte})"/> does, a row at a time: a colour page at
    /// 300 dpi is 26 MB as pdftoppm writes it, of which only the grey image (a third) is kept.
    /// </summary>
    public static PageImage ReadPnmFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var head = new byte[(int)Math.Min(4096, stream.Length)];
        stream.ReadExactly(head);
        var header = Header(head);
        if (stream.Length - header.Start < header.RowBytes * header.Height)
        {
            throw new FormatException($"PNM data is truncated: {stream.Length - header.Start} bytes for {header.RowBytes * header.Height}");
        }

        stream.Position = header.Start;
        var pixels = new byte[header.Width * header.Height];
        var row = new byte[header.RowBytes];
        for (var y = 0; y < header.Height; y++)
        {
            stream.ReadExactly(row);
            header.Convert(row, pixels.AsSpan(y * header.Width, header.Width));
        }

        return new PageImage(header.Width, header.Height, pixels);
    }

    private static PnmHeader Header(ReadOnlySpan<byte> data)
    {
        var position = 0;
        var magic = Token(data, ref position);
        if (magic is not ("P5" or "P6"))
        {
            throw new FormatException($"not a binary PGM or PPM image (magic '{magic}')");
        }

        var width = Number(data, ref position);
        var height = Number(data, ref position);
        var max = Number(data, ref position);
        if (width <= 0 || height <= 0 || max is <= 0 or > 65535 || (long)width * height > 400_000_000)
        {
            throw new FormatException($"bad PNM header {width}×{height} max {max}");
        }

        position++; // the single whitespace after the header
        return new PnmHeader(width, height, max, magic == "P6" ? 3 : 1, position);
    }

    /// <summary>What a PNM header says, and where the samples start.</summary>
    private readonly record struct PnmHeader(int Width, int Height, int Max, int Channels, int Start)
    {
        public int BytesPerSample => Max > 255 ? 2 : 1;

        public long RowBytes => (long)Width * Channels * BytesPerSample;

        /// <summary>One row of samples as grey pixels.</summary>
        public void Convert(ReadOnlySpan<byte> samples, Span<byte> target)
        {
            for (var i = 0; i < target.Length; i++)
            {
                if (Channels == 1)
                {
                    target[i] = Scale(Sample(samples, i, BytesPerSample), Max);
                }
                else
                {
                    var r = Scale(Sample(samples, 3 * i, BytesPerSample), Max);
                    var g = Scale(Sample(samples, (3 * i) + 1, BytesPerSample), Max);
                    var b = Scale(Sample(samples, (3 * i) + 2, BytesPerSample), Max);
                    target[i] = r - Math.Max(g, b) > RedInk
                        ? r
                        : (byte)(((299 * r) + (587 * g) + (114 * b) + 500) / 1000);
                }
            }
        }
    }

    /// <summary>Writes the image as a binary PGM (P5), which tesseract reads.</summary>
    public void WritePgm(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{Width} {Height}\n255\n")));
        stream.Write(Pixels);
    }

    /// <summary>A copy of the rectangle from (<paramref name="left"/>, <paramref name="top"/>), clipped to the image, with a white border of <paramref name="pad"/> pixels.</summary>
    public PageImage Crop(int left, int top, int width, int height, int pad = 0)
    {
        var x0 = Math.Clamp(left, 0, Width);
        var y0 = Math.Clamp(top, 0, Height);
        var x1 = Math.Clamp(left + width, 0, Width);
        var y1 = Math.Clamp(top + height, 0, Height);
        var result = Blank(Math.Max(1, x1 - x0 + (2 * pad)), Math.Max(1, y1 - y0 + (2 * pad)));
        for (var y = y0; y < y1; y++)
        {
            Array.Copy(Pixels, (y * Width) + x0, result.Pixels, ((y - y0 + pad) * result.Width) + pad, x1 - x0);
        }

        return result;
    }

    /// <summary>A copy of the image.</summary>
    public PageImage Clone() => new(Width, Height, (byte[])Pixels.Clone());

    /// <summary>The image turned clockwise by <paramref name="degrees"/> (0, 90, 180 or 270).</summary>
    public PageImage RotateClockwise(int degrees)
    {
        if (degrees is not (0 or 90 or 180 or 270))
        {
            throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "a quarter turn: 0, 90, 180 or 270");
        }

        if (degrees == 0)
        {
            return Clone();
        }

        var (width, height) = degrees == 180 ? (Width, Height) : (Height, Width);
        var result = Blank(width, height);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (tx, ty) = degrees switch
                {
                    90 => (Height - 1 - y, x),
                    180 => (Width - 1 - x, Height - 1 - y),
                    _ => (y, Width - 1 - x),
                };
                result.Pixels[(ty * width) + tx] = Pixels[(y * Width) + x];
            }
        }

        return result;
    }

    /// <summary>
    /// The image resampled by <paramref name="factor"/> (0 &lt; factor ≤ 1): each new pixel is the mean of the
    /// area of old pixels it covers, so thin strokes fade rather than vanish.
    /// </summary>
    public PageImage Shrink(double factor)
    {
        if (factor is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be in (0, 1]");
        }

        if (factor == 1)
        {
            return Clone();
        }

        var width = Math.Max(1, (int)Math.Round(Width * factor));
        var height = Math.Max(1, (int)Math.Round(Height * factor));
        var result = Blank(width, height);
        var (sx, sy) = ((double)Width / width, (double)Height / height);
        for (var y = 0; y < height; y++)
        {
            var (y0, y1) = (y * sy, (y + 1) * sy);
            for (var x = 0; x < width; x++)
            {
                var (x0, x1) = (x * sx, (x + 1) * sx);
                double sum = 0, area = 0;
                for (var oy = (int)y0; oy < Math.Min(Height, (int)Math.Ceiling(y1)); oy++)
                {
                    var wy = Math.Min(y1, oy + 1) - Math.Max(y0, oy);
                    for (var ox = (int)x0; ox < Math.Min(Width, (int)Math.Ceiling(x1)); ox++)
                    {
                        var w = wy * (Math.Min(x1, ox + 1) - Math.Max(x0, ox));
                        sum += w * Pixels[(oy * Width) + ox];
                        area += w;
                    }
                }

                result.Pixels[(y * width) + x] = (byte)Math.Clamp(Math.Round(sum / area), 0, 255);
            }
        }

        return result;
    }

    /// <summary>
    /// The grey level that best separates ink from paper (Otsu's threshold over the histogram): values at
    /// or below it are ink.
    /// </summary>
    public int InkThreshold()
    {
        var histogram = new long[256];
        foreach (var p in Pixels)
        {
            histogram[p]++;
        }

        return Otsu(histogram);
    }

    /// <summary>Otsu's threshold of a 256-bin histogram.</summary>
    internal static int Otsu(long[] histogram)
    {
        long total = 0;
        double sum = 0;
        for (var i = 0; i < 256; i++)
        {
            total += histogram[i];
            sum += (double)i * histogram[i];
        }

        double sumBelow = 0;
        long below = 0;
        var best = 0.0;
        var threshold = 127;
        for (var t = 0; t < 255; t++)
        {
            below += histogram[t];
            if (below == 0)
            {
                continue;
            }

            var above = total - below;
            if (above == 0)
            {
                break;
            }

            sumBelow += (double)t * histogram[t];
            var meanBelow = sumBelow / below;
            var meanAbove = (sum - sumBelow) / above;
            var between = (double)below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best)
            {
                best = between;
                threshold = t;
            }
        }

        return threshold;
    }

    private static int Sample(ReadOnlySpan<byte> samples, int index, int bytesPerSample) =>
        bytesPerSample == 1 ? samples[index] : (samples[2 * index] << 8) | samples[(2 * index) + 1];

    private static byte Scale(int value, int max) => max == 255 ? (byte)value : (byte)Math.Clamp((int)Math.Round(value * 255.0 / max), 0, 255);

    private static string Token(ReadOnlySpan<byte> data, ref int position)
    {
        SkipSpaceAndComments(data, ref position);
        var start = position;
        while (position < data.Length && !IsSpace(data[position]))
        {
            position++;
        }

        return Encoding.ASCII.GetString(data[start..position]);
    }

    private static int Number(ReadOnlySpan<byte> data, ref int position) =>
        int.TryParse(Token(data, ref position), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException("bad number in PNM header");

    private static void SkipSpaceAndComments(ReadOnlySpan<byte> data, ref int position)
    {
        while (position < data.Length)
        {
            if (data[position] == (byte)'#')
            {
                while (position < data.Length && data[position] != (byte)'\n')
                {
                    position++;
                }
            }
            else if (IsSpace(data[position]))
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
}
