namespace Extractor.Pdf;

/// <summary>One page: its boxes, rotation, and what was drawn on it (letters, rulings, images).</summary>
public sealed class PdfPage
{
    internal PdfPage(
        int number,
        PdfRectangle mediaBox,
        PdfRectangle cropBox,
        int rotation,
        IReadOnlyList<Letter> letters,
        IReadOnlyList<Segment> segments,
        IReadOnlyList<PdfImagePlacement> images,
        IReadOnlyList<string> warnings)
    {
        Number = number;
        MediaBox = mediaBox;
        CropBox = cropBox;
        Rotation = rotation;
        Letters = letters;
        Segments = segments;
        Images = images;
        Warnings = warnings;
    }

    /// <summary>1-based page number.</summary>
    public int Number { get; }

    /// <summary>The media box in default user space.</summary>
    public PdfRectangle MediaBox { get; }

    /// <summary>The crop box (clipped to the media box), in default user space.</summary>
    public PdfRectangle CropBox { get; }

    /// <summary>Clockwise display rotation: 0, 90, 180 or 270 (from /Rotate, inherited).</summary>
    public int Rotation { get; }

    /// <summary>Width of the crop box, before rotation.</summary>
    public double Width => CropBox.Width;

    /// <summary>Height of the crop box, before rotation.</summary>
    public double Height => CropBox.Height;

    /// <summary>Width of the page as displayed (after rotation).</summary>
    public double DisplayWidth => Rotation is 90 or 270 ? CropBox.Height : CropBox.Width;

    /// <summary>Height of the page as displayed (after rotation).</summary>
    public double DisplayHeight => Rotation is 90 or 270 ? CropBox.Width : CropBox.Height;

    /// <summary>Glyphs in content-stream order, boxes in user space.</summary>
    public IReadOnlyList<Letter> Letters { get; }

    /// <summary>Table rulings: stroked straight lines and thin filled rectangles, in user space.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>Where images were drawn.</summary>
    public IReadOnlyList<PdfImagePlacement> Images { get; }

    /// <summary>Recoverable problems met while reading the page.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Glyphs drawn on the page whose font maps them to no Unicode text: their text is lost (not in <see cref="Letters"/>).</summary>
    public int GlyphsWithoutUnicode { get; init; }

    /// <summary>Maps a point from user space to the upright display space (origin bottom-left of the displayed crop box).</summary>
    public PdfPoint ToDisplay(PdfPoint point)
    {
        double x = point.X - CropBox.Left;
        double y = point.Y - CropBox.Bottom;
        double w = CropBox.Width;
        double h = CropBox.Height;
        return Rotation switch
        {
            90 => new PdfPoint(y, w - x),
            180 => new PdfPoint(w - x, h - y),
            270 => new PdfPoint(h - y, x),
            _ => new PdfPoint(x, y),
        };
    }

    /// <summary>Maps a rectangle from user space to the upright display space.</summary>
    public PdfRectangle ToDisplay(PdfRectangle rectangle) =>
        PdfRectangle.FromPoints(ToDisplay(new PdfPoint(rectangle.Left, rectangle.Bottom)), ToDisplay(new PdfPoint(rectangle.Right, rectangle.Top)));

    /// <summary>Maps a segment from user space to the upright display space.</summary>
    public Segment ToDisplay(Segment segment) => segment with { Start = ToDisplay(segment.Start), End = ToDisplay(segment.End) };

    /// <summary>The transform from user space to display space, for the content interpreter.</summary>
    internal static Content.Matrix DisplayMatrix(PdfRectangle cropBox, int rotation)
    {
        double l = cropBox.Left, b = cropBox.Bottom, w = cropBox.Width, h = cropBox.Height;
        return rotation switch
        {
            // (x, y) ↦ (y − b, w − (x − l))
            90 => new Content.Matrix(0, -1, 1, 0, -b, w + l),
            180 => new Content.Matrix(-1, 0, 0, -1, w + l, h + b),
            270 => new Content.Matrix(0, 1, -1, 0, h + b, -l),
            _ => new Content.Matrix(1, 0, 0, 1, -l, -b),
        };
    }
}
