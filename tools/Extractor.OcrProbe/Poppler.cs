using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Extractor.OcrProbe;

/// <summary>Runs poppler's tools: pdftoppm renders pages, pdftotext gives the reference text.</summary>
internal static class Poppler
{
    /// <summary>Renders every page of <paramref name="pdf"/> at <paramref name="dpi"/> as grey PNGs in <paramref name="folder"/>; the files in page order.</summary>
    public static IReadOnlyList<string> RenderGrey(string pdf, int dpi, string folder, int? lastPage = null)
    {
        Directory.CreateDirectory(folder);
        var args = new List<string> { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png" };
        if (lastPage is { } last)
        {
            args.AddRange(["-l", last.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange([pdf, Path.Combine(folder, "page")]);
        Run("pdftoppm", args);

        // pdftoppm pads page numbers to the count's width: page-1.png or page-01.png.
        return [.. Directory.GetFiles(folder, "page-*.png").OrderBy(PageNumber)];
    }

    /// <summary>The text of one page (1-based), laid out as printed (<c>-layout</c>), which keeps table rows together.</summary>
    public static string PageText(string pdf, int page)
    {
        var p = page.ToString(CultureInfo.InvariantCulture);
        return Run("pdftotext", ["-layout", "-enc", "UTF-8", "-f", p, "-l", p, pdf, "-"]);
    }

    /// <summary>The page count of <paramref name="pdf"/>.</summary>
    public static int Pages(string pdf)
    {
        foreach (var line in Run("pdfinfo", [pdf]).Split('\n'))
        {
            if (line.StartsWith("Pages:", StringComparison.Ordinal))
            {
                return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidDataException("pdfinfo gave no page count for " + pdf);
    }

    private static int PageNumber(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return int.Parse(name[(name.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
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
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
        }

        return output;
    }
}
