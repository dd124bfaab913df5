using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Extractor.Tests.Support;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>Fixture pages rendered by poppler, and the lines of text poppler finds on them.</summary>
internal static class Rendering
{
    /// <summary>A born-digital form in the fixtures, by file name.</summary>
    public static string Form(string name) => RepoPaths.Combine("fixtures", "forms", "pdf", name + ".pdf");

    /// <summary>A scanned fixture, by file name.</summary>
    public static string Scan(string name) => RepoPaths.Combine("fixtures", "scans", name + ".pdf");

    /// <summary>Page <paramref name="page"/> (1-based) of <paramref name="pdf"/> rendered by pdftoppm at <paramref name="dpi"/>.</summary>
    public static Mat Page(string pdf, int page, int dpi, bool grey = true)
    {
        var folder = Directory.CreateTempSubdirectory("ocr-test-");
        try
        {
            var p = page.ToString(CultureInfo.InvariantCulture);
            List<string> args = ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", p, "-l", p, "-png", "-singlefile"];
            if (grey)
            {
                args.Add("-gray");
            }

            Run("pdftoppm", [.. args, pdf, Path.Combine(folder.FullName, "page")]);
            var image = Cv2.ImRead(Path.Combine(folder.FullName, "page.png"), grey ? ImreadModes.Grayscale : ImreadModes.Color);
            Assert.False(image.Empty(), "pdftoppm rendered nothing");
            return image;
        }
        finally
        {
            folder.Delete(true);
        }
    }

    /// <summary>The lines of text pdftotext finds on a page, their words joined without spaces, boxes in points from the top-left.</summary>
    public static IReadOnlyList<(string Text, Rect2d Box)> Lines(string pdf, int page)
    {
        var p = page.ToString(CultureInfo.InvariantCulture);
        var xhtml = Run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", "-f", p, "-l", p, pdf, "-"]);
        var document = XDocument.Parse(xhtml);
        static double A(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        return [.. document.Descendants().Where(e => e.Name.LocalName == "line").Select(l => (
            string.Concat(l.Elements().Where(w => w.Name.LocalName == "word").Select(w => w.Value)),
            new Rect2d(A(l, "xMin"), A(l, "yMin"), A(l, "xMax") - A(l, "xMin"), A(l, "yMax") - A(l, "yMin"))))];
    }

    /// <summary>The page's text as pdftotext gives it.</summary>
    public static string Text(string pdf, int page)
    {
        var p = page.ToString(CultureInfo.InvariantCulture);
        return Run("pdftotext", ["-enc", "UTF-8", "-f", p, "-l", p, pdf, "-"]);
    }

    /// <summary>
    /// The share of <paramref name="reference"/>'s characters (whitespace aside) that <paramref name="read"/>
    /// holds, counted as multisets so that reading order does not matter.
    /// </summary>
    public static double Recall(string reference, string read)
    {
        var counts = new Dictionary<char, int>();
        var total = 0;
        foreach (var c in reference.Where(c => !char.IsWhiteSpace(c)))
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
            total++;
        }

        var found = 0;
        foreach (var c in read.Where(c => !char.IsWhiteSpace(c)))
        {
            if (counts.GetValueOrDefault(c) > 0)
            {
                counts[c]--;
                found++;
            }
        }

        return total == 0 ? 1 : (double)found / total;
    }

    private static string Run(string tool, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error.Result}");
        return output;
    }
}
