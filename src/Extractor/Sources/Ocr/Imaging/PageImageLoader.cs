using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Reads page images from files or bytes: PNG, JPEG, BMP and TIFF, a multi-page TIFF giving one image a
/// page. Images come back as 8-bit BGR (colour is kept, as red seal ink is found by its colour).
/// </summary>
internal static class PageImageLoader
{
    /// <summary>The pages of the image file at <paramref name="path"/>; throws when it cannot be decoded.</summary>
    public static IReadOnlyList<Mat> Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("no image at " + path, path);
        }

        // ImReadMulti reads every page of a TIFF and the one image of any other format.
        if (Cv2.ImReadMulti(path, out var pages, ImreadModes.Color) && pages.Length > 0)
        {
            return pages;
        }

        var single = Cv2.ImRead(path, ImreadModes.Color);
        if (single.Empty())
        {
            single.Dispose();
            throw new InvalidDataException("not an image OpenCV can decode: " + path);
        }

        return [single];
    }

    /// <summary>The pages of an image held in memory.</summary>
    public static IReadOnlyList<Mat> Decode(ReadOnlySpan<byte> data)
    {
        if (IsTiff(data))
        {
            // OpenCV decodes only the first page of a TIFF from memory; the file reader takes them all.
            var temp = Path.Combine(Path.GetTempPath(), "extractor-" + Guid.NewGuid().ToString("N") + ".tif");
            try
            {
                File.WriteAllBytes(temp, data.ToArray());
                return Load(temp);
            }
            finally
            {
                File.Delete(temp);
            }
        }

        var image = Cv2.ImDecode(data, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            throw new InvalidDataException("bytes OpenCV cannot decode as an image");
        }

        return [image];
    }

    /// <summary>True when <paramref name="data"/> starts as a TIFF does (II*␀ or MM␀*).</summary>
    internal static bool IsTiff(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && ((data[0] == 'I' && data[1] == 'I' && data[2] == 42 && data[3] == 0) || (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] == 42));
}
