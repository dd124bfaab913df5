using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>Boxes in page pixels made whole.</summary>
internal static class PixelRect
{
    /// <summary><paramref name="box"/> in whole pixels: its top-left corner rounded down, its width and height up.</summary>
    public static Rect Of(Rect2f box) =>
        new((int)Math.Floor(box.Left), (int)Math.Floor(box.Top), (int)Math.Ceiling(box.Width), (int)Math.Ceiling(box.Height));
}
