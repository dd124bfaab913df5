using System.IO.Compression;
using System.Reflection;

namespace Extractor.Pdf.Resources;

/// <summary>Reads the gzip-compressed data files embedded in the assembly.</summary>
internal static class ResourceLoader
{
    private static readonly Assembly Assembly = typeof(ResourceLoader).Assembly;

    public static byte[]? TryLoad(string relativePath)
    {
        // Embedded resource names use dots for folders.
        string name = "Extractor.Pdf.Resources." + relativePath.Replace('/', '.');
        using var stream = Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gzip.CopyTo(ms);
        return ms.ToArray();
    }

    public static string LoadText(string relativePath) =>
        System.Text.Encoding.UTF8.GetString(TryLoad(relativePath) ?? throw new InvalidOperationException("missing resource " + relativePath));
}
